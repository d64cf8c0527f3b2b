export {
  buildWebOnce,
  freePort,
  repoRoot,
  startServer,
  type RunningServer,
  type StartServerOptions,
} from "./server";
export {
  chromiumArgs,
  openBrowser,
  phoneViewport,
  screenshots,
  type BrowserOptions,
  type OpenBrowser,
} from "./browser";
export { residentIdNumber, uniquePhone } from "./identities";
export { endpointExists, focusedElement } from "./probes";
