// Core shapes both webviews render, taken from the core by type (erased at build: nothing of the core enters a
// webview bundle), so a change in the core is a compile error in the views instead of a silent mismatch.
import type { Route, Usage } from '../../core/request';

export type RouteName = Route;
export type UsageView = Usage;
