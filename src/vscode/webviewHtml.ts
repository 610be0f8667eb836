// The HTML shell both webviews load: a strict CSP with a fresh nonce per render, our CSS and one bundled script,
// nothing remote. Resource roots are limited to dist/ (scripts) and media/ (css, icons).

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export type WebviewBundle = 'chat' | 'spend';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `initial`: what the page renders before its first message, as JSON in a data attribute (not an inline script,
 * which the CSP would have to allow). The chat view passes its thread so a restored thread is the first paint.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: WebviewBundle, title: string,
  { nonce = makeNonce(), initial }: { nonce?: string; initial?: unknown } = {}): string {
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', `webview-${bundle}.js`)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${attr(media('common.css'))}">
<link rel="stylesheet" nonce="${nonce}" href="${attr(media(`${bundle}.css`))}">
<title>${attr(title)}</title>
</head>
<body>
<div id="app"${initial === undefined ? '' : ` data-initial="${attr(JSON.stringify(initial))}"`}></div>
<script nonce="${nonce}" src="${attr(script)}"></script>
</body>
</html>`;
}
