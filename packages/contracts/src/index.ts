// @gatehouse/contracts: the API's input schemas, one module per router, imported by the API and by the apps'
// forms so both sides validate the same way. Effect only; no server code.
export { LoginInput } from "./auth.ts";
