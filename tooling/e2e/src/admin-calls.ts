// A browser test's setup made as an administrator makes it: a page of its own signed in as them, each call with its
// session as the apps make it (callApi), and the calls several tests share (renaming an instance, inviting a person).
import type { Page } from "playwright-core";
import { callApi, signIn } from "./browser.ts";
import type { BrowserSuite } from "./suite.ts";

/** One tRPC call as the signed-in user: a mutation unless `method` says GET. */
export type ApiCall = (path: string, input: unknown, method?: "GET" | "POST") => Promise<unknown>;

export interface ApiSession {
  readonly page: Page;
  readonly call: ApiCall;
  /** Closes the page and its browser context. */
  readonly close: () => Promise<void>;
}

/** A new page signed in as `email` at `url` (an app's address), and its calls to the API. */
export const apiAs = async (suite: BrowserSuite, url: string, email: string): Promise<ApiSession> => {
  const page = await suite.newPage();
  await signIn(page, url, email);
  return {
    page,
    call: (path, input, method = "POST") => callApi(page, suite.origin, path, input, method),
    close: () => page.context().close(),
  };
};

/** Renames instance `id` of `product` in `org` to `name`, at the version the list gives. */
export const renameInstance = async (
  call: ApiCall,
  where: { readonly org: string; readonly product: string; readonly id: string },
  name: string,
): Promise<void> => {
  const instances = (await call(
    "instances.list",
    { org: where.org, product: where.product },
    "GET",
  )) as Array<{
    readonly id: string;
    readonly version: number;
  }>;
  const version = instances.find((i) => i.id === where.id)?.version;
  await call("instances.rename", { id: where.id, version, name });
};

/** Invites `person` to `org` in English with one grant (an existing account gets the role at once). */
export const invitePerson = async (
  call: ApiCall,
  org: string,
  person: { readonly name: string; readonly email: string },
  grant: { readonly role: string; readonly scope: object },
): Promise<void> => {
  await call("users.invite", {
    org,
    emails: [person.email],
    name: person.name,
    language: "en",
    grants: [grant],
  });
};
