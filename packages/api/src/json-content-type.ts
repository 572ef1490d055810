// Whether a request's content-type header names JSON, as tRPC's JSON handler reads it: `application/json` with any
// parameters (a charset), in any case. The /v1 decision API and the one-call tRPC path both ask it.

/** Whether `contentType` names JSON (`application/json`, any parameters such as a charset). */
export const namesJson = (contentType: string | undefined): boolean =>
  contentType === "application/json" ||
  (contentType !== undefined && contentType.split(";", 1)[0]?.trim().toLowerCase() === "application/json");
