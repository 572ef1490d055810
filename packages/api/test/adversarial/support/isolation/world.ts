// The sweep's world: the demo's acme and agency, globex built to mirror acme, both customers populated through the
// API, every actor signed in (acme's and globex's users and API keys, agency's partner users) and every object read.
import { demoUsers } from "@gatehouse/store";
import type { Effect } from "effect";
import type { StoreServices } from "../../../../src/auth/store-runner.ts";
import { buildGlobex, globexUsers } from "./globex.ts";
import { type App, signIn } from "./http.ts";
import { type Inventory, inventory } from "./inventory.ts";
import { populate } from "./populate.ts";
import type { Actor } from "./sweep.ts";

export interface World {
  readonly acme: Inventory;
  readonly globex: Inventory;
  readonly agency: Inventory;
  readonly actors: {
    readonly acme: ReadonlyArray<Actor>;
    readonly globex: ReadonlyArray<Actor>;
    readonly agency: ReadonlyArray<Actor>;
  };
  /** What agency's partner users legitimately reach in acme (its Mission Control grants there): not leaks. */
  readonly partnerReach: ReadonlySet<string>;
}

export interface Backend {
  readonly app: App;
  readonly run: <A, E>(effect: Effect.Effect<A, E, StoreServices>) => Promise<A>;
  readonly rows: <A extends object>(statement: string) => Promise<ReadonlyArray<A>>;
}

interface Person {
  readonly email: string;
  readonly grants: ReadonlyArray<{ readonly scope: { readonly product?: string | undefined } }>;
}

/** The products of a user's grants; undefined (every product) for a grant at the organization (super admin). */
const productsOf = (user: Person): ReadonlySet<string> | undefined => {
  const products = user.grants.map((g) => g.scope.product);
  return products.includes(undefined) ? undefined : new Set(products as ReadonlyArray<string>);
};

const signInAll = async (app: App, users: ReadonlyArray<Person>, partner = false): Promise<Actor[]> => {
  const actors: Actor[] = [];
  for (const u of users) {
    const credentials = await signIn(app, u.email);
    // A partner's grants lie in other organizations: it is swept everywhere.
    const products = partner ? undefined : productsOf(u);
    actors.push({ name: u.email, credentials, ...(products === undefined ? {} : { products }) });
  }
  return actors;
};

/**
 * `actors` with new sessions (an API key stays as it is): each direction's sweep ends its actors' sessions with
 * `auth.logout`, so each direction has sessions of its own.
 */
export const signedInAgain = async (app: App, actors: ReadonlyArray<Actor>): Promise<Actor[]> => {
  const again: Actor[] = [];
  for (const a of actors)
    again.push(a.credentials.kind === "session" ? { ...a, credentials: await signIn(app, a.name) } : a);
  return again;
};

/** Builds the world on `backend` (its demo database already seeded). */
export const buildWorld = async ({ app, run, rows }: Backend): Promise<World> => {
  await buildGlobex(app, run);
  const acmeUsers = demoUsers.filter((u) => u.org === "acme");
  const agencyUsers = demoUsers.filter((u) => u.org === "agency");
  const acme = await signInAll(app, acmeUsers);
  const globex = await signInAll(app, globexUsers);
  const agency = await signInAll(app, agencyUsers, true);
  const by = (actors: ReadonlyArray<Actor>, prefix: string) => {
    const found = actors.find((a) => a.name.startsWith(prefix));
    if (found === undefined) throw new Error(`no actor ${prefix}`);
    return found.credentials;
  };
  const keys: Record<string, string> = {};
  for (const [org, actors] of [
    ["acme", acme],
    ["globex", globex],
  ] as const) {
    const populated = await populate(app, org, {
      admin: by(actors, "admin@"),
      expAdministrator: by(actors, "exp-administrator@"),
      customerAdmin: by(actors, "customeradmin@"),
      partner: by(agency, "partneruser@"),
    });
    keys[org] = populated.apiKey;
  }
  const apiKey = (org: string): Actor => ({
    name: `API key of ${org}`,
    credentials: { kind: "api-key", bearer: keys[org] ?? "" },
  });
  const reach = await rows<{ value: string }>(
    `select id as value from instances where org = 'acme' and product = 'mission-control'
     union select name from instances where org = 'acme' and product = 'mission-control'
     union select id from operations where org = 'acme'
     union select requested_by from operations where org = 'acme'
     union select id from grants where org = 'acme' and subject_user in (select id from users where org = 'agency')
     union select id from access_requests where customer_org = 'acme' and partner_org = 'agency'
     union select note from access_requests where customer_org = 'acme' and partner_org = 'agency'
     union select name from organizations where id = 'acme'`,
  );
  return {
    acme: await inventory(rows, "acme", "demo-admin"),
    globex: await inventory(rows, "globex", "globex-admin"),
    agency: await inventory(rows, "agency", "demo-partneruser"),
    actors: { acme: [...acme, apiKey("acme")], globex: [...globex, apiKey("globex")], agency },
    partnerReach: new Set(reach.map((r) => r.value)),
  };
};
