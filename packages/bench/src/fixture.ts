// The benchmark's world: organizations, instances, projects with three environments, users and their grants.
// Generated from a seed, so Gatehouse and CASL always load the very same fixture.
import type { Scope } from "@gatehouse/domain";
import { below, mulberry32, pick, type Random, weighted } from "./random.ts";

export const ENVIRONMENTS = ["production", "development", "staging"] as const;
export type Platform = "web" | "feature";

/** Products whose roles are granted at instance scope, besides Experimentation. */
export const INSTANCE_PRODUCTS = ["mission-control", "odp", "pim", "cms"] as const;
export type InstanceProduct = (typeof INSTANCE_PRODUCTS)[number];

export interface Project {
  readonly scope: Scope;
  readonly platform: Platform;
  /** One scope per name of ENVIRONMENTS, in that order. */
  readonly envs: ReadonlyArray<Scope>;
}

export interface Instance {
  readonly scope: Scope;
  readonly product: InstanceProduct;
  /** Mission Control instances are a sandbox or the production environment of a commerce site. */
  readonly production: boolean;
}

export interface Org {
  readonly id: string;
  readonly firstUser: number;
  readonly userCount: number;
  /** Experimentation instances, each with its projects. */
  readonly experimentation: ReadonlyArray<{
    readonly scope: Scope;
    readonly projects: ReadonlyArray<Project>;
  }>;
  readonly projects: ReadonlyArray<Project>;
  readonly instances: Readonly<Record<InstanceProduct, ReadonlyArray<Instance>>>;
}

/** A grant as generated: the user by index, a shared scope object, and a role or one extra permission. */
export type FixtureGrant = { readonly user: number; readonly scope: Scope } & (
  | { readonly role: string }
  | { readonly permission: string }
);

export interface Fixture {
  readonly seed: number;
  readonly users: ReadonlyArray<string>;
  /** Index of each user's organization in `orgs`. */
  readonly userOrg: Uint32Array;
  readonly orgs: ReadonlyArray<Org>;
  readonly projectCount: number;
  /** Grants ordered by user: user u holds grants[grantStart[u] .. grantStart[u + 1]). */
  readonly grants: ReadonlyArray<FixtureGrant>;
  readonly grantStart: Uint32Array;
}

const PROJECTS_PER_ORG = 100;
const EXPERIMENTATION_INSTANCES = 2;
const WEB_SHARE = 0.2;

const exp = (name: string) => `experimentation:${name}`;
const featureProjectRoles = [
  [exp("viewer"), 35],
  [exp("editor"), 35],
  [exp("publisher"), 20],
  [exp("project-owner"), 10],
] as const;
const webProjectRoles = [
  ...featureProjectRoles,
  [exp("restricted-editor"), 10],
  [exp("restricted-publisher"), 5],
] as const;
const environmentRoles = [exp("env-admin"), exp("env-publisher"), exp("env-editor"), exp("env-viewer")];
const instanceRoles: Record<InstanceProduct, ReadonlyArray<string>> = {
  "mission-control": ["customerUser", "customerDev", "customerAdmin"].map((r) => `mission-control:${r}`),
  odp: ["all-access", "analyst", "integrator", "marketer", "pii-viewer", "user-admin"].map((r) => `odp:${r}`),
  pim: ["PIM_Admin", "PIM_Manager", "PIM_Merchandiser", "PIM_AssetManager", "PIM_ProductImporter"].map(
    (r) => `pim:${r}`,
  ),
  cms: ["commerce-admins", "content-admins", "content-editors"].map((r) => `cms:${r}`),
};
/** Chance that a user holds a role of the product, per draw; ODP gets two draws. */
const instanceRoleOdds: Record<InstanceProduct, number> = {
  "mission-control": 0.2,
  odp: 0.2,
  pim: 0.2,
  cms: 0.2,
};

const makeOrg = (o: number, firstUser: number, userCount: number, projectCount: number, random: Random) => {
  const org = `org${o}`;
  const experimentation = Array.from({ length: EXPERIMENTATION_INSTANCES }, (_, i) => {
    const scope: Scope = { org, product: "experimentation", instance: `${org}-exp${i}` };
    const projects: Project[] = [];
    for (let p = i; p < projectCount; p += EXPERIMENTATION_INSTANCES) {
      const projectScope: Scope = { ...scope, project: `${org}-p${p}` };
      projects.push({
        scope: projectScope,
        platform: random() < WEB_SHARE ? "web" : "feature",
        envs: ENVIRONMENTS.map((environment) => ({ ...projectScope, environment })),
      });
    }
    return { scope, projects };
  });
  const single = (product: InstanceProduct): ReadonlyArray<Instance> => [
    { scope: { org, product, instance: `${org}-${product}` }, product, production: false },
  ];
  const instances = {
    "mission-control": ["sandbox", "production"].map((name) => ({
      scope: { org, product: "mission-control", instance: `${org}-mc-${name}` },
      product: "mission-control" as const,
      production: name === "production",
    })),
    odp: single("odp"),
    pim: single("pim"),
    cms: single("cms"),
  };
  return {
    id: org,
    firstUser,
    userCount,
    experimentation,
    projects: experimentation.flatMap((e) => e.projects),
    instances,
  };
};

/** A user's grants: one to three project roles, sometimes an instance administrator, other products' roles. */
const grantsOfUser = (user: number, org: Org, random: Random, out: FixtureGrant[]): void => {
  const projectGrants = 1 + (random() < 0.5 ? 1 : 0) + (random() < 0.2 ? 1 : 0);
  let granular: { project: Project; role: string } | undefined;
  for (let k = 0; k < projectGrants; k++) {
    const project = pick(random, org.projects);
    const role = weighted(random, project.platform === "web" ? webProjectRoles : featureProjectRoles);
    out.push({ user, scope: project.scope, role });
    if (project.platform === "feature" && role !== exp("project-owner")) granular ??= { project, role };
  }
  if (random() < 0.01)
    out.push({ user, scope: pick(random, org.experimentation).scope, role: exp("administrator") });
  if (granular !== undefined && random() < 0.35) {
    const env = below(random, ENVIRONMENTS.length);
    out.push({ user, scope: granular.project.envs[env] as Scope, role: pick(random, environmentRoles) });
  }
  if (granular !== undefined && random() < 0.02)
    out.push({ user, scope: granular.project.scope, permission: exp("flags_multiple_experiments") });
  for (const product of INSTANCE_PRODUCTS) {
    const draws = product === "odp" ? 2 : 1;
    for (let d = 0; d < draws; d++)
      if (random() < instanceRoleOdds[product]) {
        const instance = pick(random, org.instances[product]);
        out.push({ user, scope: instance.scope, role: pick(random, instanceRoles[product]) });
      }
  }
};

/** The fixture for `userCount` users and `projectCount` projects (100 projects per organization). */
export const generateFixture = (userCount: number, projectCount: number, seed: number): Fixture => {
  const random = mulberry32(seed);
  const orgCount = Math.max(1, Math.round(projectCount / PROJECTS_PER_ORG));
  const orgs: Org[] = [];
  for (let o = 0; o < orgCount; o++) {
    const firstUser = Math.floor((o * userCount) / orgCount);
    const nextUser = Math.floor(((o + 1) * userCount) / orgCount);
    const firstProject = Math.floor((o * projectCount) / orgCount);
    const nextProject = Math.floor(((o + 1) * projectCount) / orgCount);
    orgs.push(makeOrg(o, firstUser, nextUser - firstUser, Math.max(1, nextProject - firstProject), random));
  }
  const users: string[] = [];
  const userOrg = new Uint32Array(userCount);
  const grants: FixtureGrant[] = [];
  const grantStart = new Uint32Array(userCount + 1);
  for (let o = 0; o < orgs.length; o++) {
    const org = orgs[o] as Org;
    for (let u = org.firstUser; u < org.firstUser + org.userCount; u++) {
      users.push(`user${u}`);
      userOrg[u] = o;
      grantStart[u] = grants.length;
      grantsOfUser(u, org, random, grants);
    }
  }
  grantStart[userCount] = grants.length;
  return {
    seed,
    users,
    userOrg,
    orgs,
    projectCount: orgs.reduce((n, o) => n + o.projects.length, 0),
    grants,
    grantStart,
  };
};
