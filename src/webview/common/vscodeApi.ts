// The webview's handle on the host. `acquireVsCodeApi` may be called once per page; this wraps it with the
// message type of the view so posts are checked at compile time.

interface RawApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): RawApi;

export interface WebviewApi<Out, State> {
  post(message: Out): void;
  getState(): Partial<State>;
  setState(state: State): void;
}

export function connect<Out, State extends object>(): WebviewApi<Out, State> {
  const api = acquireVsCodeApi();
  return {
    post: (m) => api.postMessage(m),
    getState: () => {
      const s = api.getState();
      return typeof s === 'object' && s !== null ? (s as Partial<State>) : {};
    },
    setState: (s) => api.setState(s),
  };
}
