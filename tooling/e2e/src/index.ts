// @gatehouse/e2e: what the apps' browser tests share: a Gatehouse server as `pnpm start` runs it, on a
// throwaway database, and Debian's headless Chromium with sign-in, screenshot and long-text helpers.
export { checkPage, checkPages, phone } from "./a11y.ts";
export { type ApiCall, type ApiSession, apiAs, invitePerson, renameInstance } from "./admin-calls.ts";
export { callApi, chromiumPath, demoPassword, launchChromium, screenshot, signIn } from "./browser.ts";
export {
  desktopAndPhone,
  expectPagesShownWhole,
  expectShownWhole,
  howShown,
  longEmail,
  longPerson,
  longText,
  sidewaysScroll,
} from "./long-text.ts";
export { type RunningServer, startGatehouse } from "./server.ts";
export { describeSignIn, type SignInSuiteOptions } from "./sign-in-suite.ts";
export { type BrowserSuite, browserSuite, fastOperations } from "./suite.ts";
export { whyShown } from "./why-shown.ts";
