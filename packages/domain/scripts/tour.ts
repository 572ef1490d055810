// A guided run of the engine over a small demo organization: what `pnpm start` shows until the API lands.
// Each line is a real decision with the engine's own explanation.
import { Engine, type Resource } from "../src/index.ts";

const engine = new Engine();
const snap = engine.snapshot;
const users: ReadonlyArray<readonly [string, string, Parameters<typeof snap.addGrant>[0]["scope"]]> = [
  ["admin@acme.example", "admin-center:super-admin", { org: "acme" }],
  ["cms-admin@acme.example", "admin-center:product-admin", { org: "acme", product: "cms" }],
  [
    "ops@acme.example",
    "mission-control:customerUser",
    { org: "acme", product: "mission-control", instance: "production" },
  ],
  [
    "dev@acme.example",
    "mission-control:customerDev",
    { org: "acme", product: "mission-control", instance: "production" },
  ],
  [
    "editor@acme.example",
    "experimentation:editor",
    { org: "acme", product: "experimentation", instance: "exp", project: "checkout" },
  ],
];
users.forEach(([user, role, scope], i) => {
  snap.addUser(user, "acme");
  snap.addGrant({ id: `demo-${i}`, subject: user, role, scope });
});

const production: Resource = {
  org: "acme",
  product: "mission-control",
  instance: "production",
  attrs: { production: true },
};
const flagIn = (environment: string, isProduction: boolean): Resource => ({
  org: "acme",
  product: "experimentation",
  instance: "exp",
  project: "checkout",
  environment,
  flag: "new-cart",
  attrs: { platform: "feature", production: isProduction, flagStatus: "running", rulesetPublished: true },
});

const questions: ReadonlyArray<readonly [string, string, Resource]> = [
  ["ops@acme.example", "mission-control:site.restart", production],
  ["ops@acme.example", "mission-control:code.deploy", production],
  ["dev@acme.example", "mission-control:code.deploy", production],
  ["editor@acme.example", "experimentation:flag.toggle", flagIn("development", false)],
  ["editor@acme.example", "experimentation:flag.toggle", flagIn("production", true)],
  ["cms-admin@acme.example", "admin-center:group.manage", { org: "acme", product: "cms" }],
];

console.log(
  `Gatehouse engine: ${snap.catalog.products.size} products, ${snap.catalog.actions.size} actions, ${snap.catalog.roles.size} system roles\n`,
);
for (const [user, action, resource] of questions) {
  const why = engine.explain(user, action, resource);
  console.log(`${why.decision.toUpperCase().padEnd(5)} ${user} ${action}\n      ${why.reason}`);
}
for (const user of users.map(([u]) => u)) console.log(`landing for ${user}: ${engine.landing(user)}`);
console.log("\nThe API server and the three apps arrive with the next issues; `pnpm test` runs every suite.");
