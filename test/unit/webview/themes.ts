// A subset of VS Code's theme variables (Dark Modern, Light Modern, Dark High Contrast) for the preview harness.

const common = {
  '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
  '--vscode-editor-font-size': '13px',
};

export const THEMES: Record<'dark' | 'light' | 'hc', Record<string, string>> = {
  dark: {
    ...common,
    '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-errorForeground': '#f85149',
    '--vscode-focusBorder': '#0078d4', '--vscode-sideBar-background': '#181818', '--vscode-editor-background': '#1f1f1f',
    '--vscode-editorWidget-background': '#202020', '--vscode-panel-border': '#2b2b2b', '--vscode-widget-border': '#313131',
    '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#026ec1',
    '--vscode-button-border': '#ffffff12', '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-button-secondaryHoverBackground': '#3c3c3c', '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8',
    '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc', '--vscode-input-border': '#3c3c3c',
    '--vscode-input-placeholderForeground': '#989898', '--vscode-dropdown-background': '#313131', '--vscode-dropdown-foreground': '#cccccc',
    '--vscode-dropdown-border': '#3c3c3c', '--vscode-textLink-foreground': '#4daafc', '--vscode-textLink-activeForeground': '#4daafc',
    '--vscode-textCodeBlock-background': '#2b2b2b', '--vscode-textBlockQuote-background': '#2b2b2b', '--vscode-textBlockQuote-border': '#616161',
    '--vscode-toolbar-hoverBackground': '#5a5d5e50', '--vscode-list-hoverBackground': '#2a2d2e',
    '--vscode-charts-blue': '#3794ff', '--vscode-charts-green': '#89d185', '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700',
    '--vscode-editorWarning-foreground': '#cca700', '--vscode-editorInfo-foreground': '#3794ff', '--vscode-testing-iconPassed': '#73c991',
    '--vscode-inputValidation-errorBackground': '#5a1d1d', '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-inputValidation-warningBackground': '#352a05', '--vscode-inputValidation-warningBorder': '#b89500',
    '--vscode-progressBar-background': '#0078d4',
  },
  light: {
    ...common,
    '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#3b3b3b', '--vscode-errorForeground': '#f85149',
    '--vscode-focusBorder': '#005fb8', '--vscode-sideBar-background': '#f8f8f8', '--vscode-editor-background': '#ffffff',
    '--vscode-editorWidget-background': '#f8f8f8', '--vscode-panel-border': '#e5e5e5', '--vscode-widget-border': '#e5e5e5',
    '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#0258a8',
    '--vscode-button-border': '#0000001a', '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-button-secondaryHoverBackground': '#cccccc', '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b',
    '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b', '--vscode-input-border': '#cecece',
    '--vscode-input-placeholderForeground': '#767676', '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-foreground': '#3b3b3b',
    '--vscode-dropdown-border': '#cecece', '--vscode-textLink-foreground': '#005fb8', '--vscode-textLink-activeForeground': '#005fb8',
    '--vscode-textCodeBlock-background': '#f2f2f2', '--vscode-textBlockQuote-background': '#f8f8f8', '--vscode-textBlockQuote-border': '#e5e5e5',
    '--vscode-toolbar-hoverBackground': '#b8b8b850', '--vscode-list-hoverBackground': '#f2f2f2',
    '--vscode-charts-blue': '#1a85ff', '--vscode-charts-green': '#388a34', '--vscode-charts-red': '#e51400', '--vscode-charts-yellow': '#bf8803',
    '--vscode-editorWarning-foreground': '#bf8803', '--vscode-editorInfo-foreground': '#1a85ff', '--vscode-testing-iconPassed': '#388a34',
    '--vscode-inputValidation-errorBackground': '#f2dede', '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-inputValidation-warningBackground': '#f6f5d2', '--vscode-inputValidation-warningBorder': '#b89500',
    '--vscode-progressBar-background': '#005fb8',
  },
  hc: {
    ...common,
    '--vscode-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff', '--vscode-errorForeground': '#f48771',
    '--vscode-focusBorder': '#f38518', '--vscode-sideBar-background': '#000000', '--vscode-editor-background': '#000000',
    '--vscode-editorWidget-background': '#0c141f', '--vscode-panel-border': '#6fc3df', '--vscode-widget-border': '#6fc3df',
    '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#000000',
    '--vscode-button-border': '#6fc3df', '--vscode-button-secondaryBackground': '#000000', '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-button-secondaryHoverBackground': '#000000', '--vscode-badge-background': '#000000', '--vscode-badge-foreground': '#ffffff',
    '--vscode-input-background': '#000000', '--vscode-input-foreground': '#ffffff', '--vscode-input-border': '#6fc3df',
    '--vscode-input-placeholderForeground': '#ffffffb3', '--vscode-dropdown-background': '#000000', '--vscode-dropdown-foreground': '#ffffff',
    '--vscode-dropdown-border': '#6fc3df', '--vscode-textLink-foreground': '#21a6ff', '--vscode-textLink-activeForeground': '#21a6ff',
    '--vscode-textCodeBlock-background': '#000000', '--vscode-textBlockQuote-background': '#000000', '--vscode-textBlockQuote-border': '#ffffff',
    '--vscode-toolbar-hoverBackground': '#000000', '--vscode-list-hoverBackground': '#000000',
    '--vscode-charts-blue': '#3794ff', '--vscode-charts-green': '#89d185', '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700',
    '--vscode-editorWarning-foreground': '#ffd370', '--vscode-editorInfo-foreground': '#3794ff', '--vscode-testing-iconPassed': '#73c991',
    '--vscode-inputValidation-errorBackground': '#000000', '--vscode-inputValidation-errorBorder': '#f48771',
    '--vscode-inputValidation-warningBackground': '#000000', '--vscode-inputValidation-warningBorder': '#ffd370',
    '--vscode-progressBar-background': '#6fc3df', '--vscode-contrastBorder': '#6fc3df', '--vscode-contrastActiveBorder': '#f38518',
  },
};

export function themeCss(name: keyof typeof THEMES): string {
  return `:root{${Object.entries(THEMES[name]).map(([k, v]) => `${k}:${v}`).join(';')}}`;
}
