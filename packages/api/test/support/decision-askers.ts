// The askers the decision API's batch tests put every question to: an API key, a super admin, a customer user and a
// partner user of acme, with Globex provisioned beside it (its instance is another organization's resource).
import { expect } from "vitest";
import type { Call, demoApi } from "./demo-api.ts";
import { type Globex, provisionGlobex } from "./second-org.ts";

export interface DecisionAskers {
  readonly globex: Globex;
  readonly actors: Readonly<Record<"key" | "admin" | "customerUser" | "partner", Call>>;
}

/** Provisions Globex and signs the askers in; the key is created by acme's super admin under `keyName`. */
export const decisionAskers = async (
  api: ReturnType<typeof demoApi>,
  keyName: string,
): Promise<DecisionAskers> => {
  const globex = await provisionGlobex(api, "demo-partneruser");
  const admin = await api.signIn("admin@acme.example");
  const created = await api.send("POST", "apiKeys.create", { name: keyName }, admin);
  expect(created.status).toBe(200);
  return {
    globex,
    actors: {
      key: { bearer: (created.data as { key: string }).key },
      admin,
      customerUser: await api.signIn("customeruser@acme.example"),
      partner: await api.signIn("partneruser@agency.example"),
    },
  };
};
