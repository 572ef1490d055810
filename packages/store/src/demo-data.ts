// The demo world `pnpm start` loads on first start: organization `acme` with every product, partner
// `agency`, and one user per admin level and per Mission Control and Experimentation role.
import { products, type Scope } from "@gatehouse/domain";

/** Every demo account's password. */
export const demoPassword = "gatehouse-demo";

export const demoOperator = {
  id: "op-demo",
  email: "operator@gatehouse.example",
  name: "Gatehouse Operator",
};

export const demoOrganizations = [
  {
    id: "acme",
    name: "Acme",
    kind: "customer",
    products: products.map((p) => p.id as string),
  },
  { id: "agency", name: "Agency", kind: "partner", products: ["admin-center", "mission-control"] },
] as const;

export const demoInstances: ReadonlyArray<{
  readonly id: string;
  readonly product: string;
  readonly name: string;
  readonly production?: boolean;
}> = [
  { id: "acme-exp", product: "experimentation", name: "Acme Experimentation" },
  { id: "acme-mc-sandbox", product: "mission-control", name: "sandbox", production: false },
  { id: "acme-mc-production", product: "mission-control", name: "production", production: true },
  { id: "acme-cms", product: "cms", name: "Acme Site" },
  { id: "acme-odp", product: "odp", name: "Acme ODP" },
  { id: "acme-pim", product: "pim", name: "Acme PIM" },
  { id: "acme-cmp", product: "cmp", name: "Acme CMP" },
  { id: "acme-content-recs", product: "content-recommendations", name: "Acme Content Recommendations" },
  { id: "acme-product-recs", product: "product-recommendations", name: "Acme Product Recommendations" },
  { id: "acme-collaboration", product: "collaboration", name: "Acme Collaboration" },
  { id: "acme-commerce", product: "configured-commerce", name: "Acme Commerce" },
];

/** The Feature project `checkout` (environments production and development) and the Web project `homepage`. */
export const demoProjects = [
  { id: "acme-checkout", instance: "acme-exp", name: "Checkout", platform: "feature" },
  { id: "acme-homepage", instance: "acme-exp", name: "Homepage", platform: "web" },
] as const;

export const demoFlags = [
  { id: "acme-new-cart", project: "acme-checkout", key: "new-cart", name: "New cart", status: "running" },
  { id: "acme-dark-mode", project: "acme-checkout", key: "dark-mode", name: "Dark mode", status: "draft" },
] as const;

/** The new-cart flag is on and published in production, on but unpublished in development. */
export const demoFlagStates = [
  { flag: "acme-new-cart", environment: "acme-checkout-production", enabled: true, rulesetPublished: true },
  { flag: "acme-new-cart", environment: "acme-checkout-development", enabled: true, rulesetPublished: false },
] as const;

/** Checkout's audiences: returning customers target new-cart everywhere, beta testers dark-mode in development. */
export const demoAudiences = [
  { id: "acme-returning", project: "acme-checkout", key: "returning-customers", name: "Returning customers" },
  { id: "acme-beta", project: "acme-checkout", key: "beta-testers", name: "Beta testers" },
  { id: "acme-mobile", project: "acme-checkout", key: "mobile-visitors", name: "Mobile visitors" },
] as const;

export const demoAudienceUses = [
  { audience: "acme-returning", flag: "acme-new-cart", environment: "acme-checkout-production" },
  { audience: "acme-returning", flag: "acme-new-cart", environment: "acme-checkout-development" },
  { audience: "acme-beta", flag: "acme-dark-mode", environment: "acme-checkout-development" },
] as const;

const acme = { org: "acme" };
const mc = { ...acme, product: "mission-control" };
const exp = { ...acme, product: "experimentation", instance: "acme-exp" };
const checkout = { ...exp, project: "acme-checkout" };
const homepage = { ...exp, project: "acme-homepage" };
const production = { ...checkout, environment: "acme-checkout-production" };
/** The new-cart flag in every environment of Checkout: where its flag roles sit. */
const newCart = { ...checkout, flag: "acme-new-cart" };

export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly org: "acme" | "agency";
  /** What the account shows off, for the README. */
  readonly about: string;
  readonly grants: ReadonlyArray<{ readonly role: string; readonly scope: Scope }>;
}

const user = (
  id: string,
  org: "acme" | "agency",
  name: string,
  about: string,
  grants: DemoUser["grants"],
): DemoUser => ({ id: `demo-${id}`, email: `${id}@${org}.example`, name, org, about, grants });

/** A granular Experimentation role needs a project role: these users are editors of `checkout` too. */
const granular = (id: string, name: string, role: string, scope: Scope): DemoUser =>
  user(id, "acme", name, `experimentation:editor on Checkout plus ${role}`, [
    { role: "experimentation:editor", scope: checkout },
    { role, scope },
  ]);

export const demoUsers: ReadonlyArray<DemoUser> = [
  user("admin", "acme", "Ada Admin", "Super admin of acme", [
    { role: "admin-center:super-admin", scope: acme },
  ]),
  user("product-admin", "acme", "Pat Product", "Product admin of CMS", [
    { role: "admin-center:product-admin", scope: { ...acme, product: "cms" } },
  ]),
  user("instance-admin", "acme", "Ian Instance", "Instance admin of the CMS instance Acme Site", [
    { role: "admin-center:instance-admin", scope: { ...acme, product: "cms", instance: "acme-cms" } },
  ]),
  user("project-owner", "acme", "Olga Owner", "Admin Center project owner of Checkout", [
    { role: "admin-center:project-owner", scope: checkout },
  ]),
  ...(["customerUser", "customerDev", "customerAdmin"] as const).map((role) =>
    user(role.toLowerCase(), "acme", `Acme ${role}`, `mission-control:${role} on every acme environment`, [
      { role: `mission-control:${role}`, scope: mc },
    ]),
  ),
  ...(["partnerUser", "partnerDev", "partnerAdmin"] as const).map((role) =>
    user(role.toLowerCase(), "agency", `Agency ${role}`, `mission-control:${role} on acme's environments`, [
      { role: `mission-control:${role}`, scope: mc },
    ]),
  ),
  user("exp-administrator", "acme", "Exp Administrator", "experimentation:administrator of the instance", [
    { role: "experimentation:administrator", scope: exp },
  ]),
  ...(["project-owner", "publisher", "editor", "viewer"] as const).map((role) =>
    user(`exp-${role}`, "acme", `Exp ${role}`, `experimentation:${role} on Checkout (Feature)`, [
      { role: `experimentation:${role}`, scope: checkout },
    ]),
  ),
  ...(["restricted-publisher", "restricted-editor"] as const).map((role) =>
    user(`exp-${role}`, "acme", `Exp ${role}`, `experimentation:${role} on Homepage (Web)`, [
      { role: `experimentation:${role}`, scope: homepage },
    ]),
  ),
  ...(["env-admin", "env-publisher", "env-editor", "env-viewer"] as const).map((role) =>
    granular(`exp-${role}`, `Exp ${role}`, `experimentation:${role}`, production),
  ),
  ...(["flag-admin", "flag-editor", "flag-viewer", "flag-none"] as const).map((role) =>
    granular(`exp-${role}`, `Exp ${role}`, `experimentation:${role}`, newCart),
  ),
];
