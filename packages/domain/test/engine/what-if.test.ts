// engine.whatIf as a decision table: subject × change × resource → the actions gained and lost (a new role or
// permission, an edited role, scope or expiry, a removal, a group's change for each member), and its refusals.
import { describe, expect, it } from "vitest";
import {
  type GrantChange,
  GrantNotHeld,
  InvalidScope,
  UnknownAction,
  UnknownGrant,
  UnknownRole,
  UnknownSubject,
} from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { untouched } from "../support/untouched.ts";
import { FUTURE, NOW, PAST, world } from "../support/world.ts";

const M = "mission-control";
const mc = (action: string) => `${M}:${action}`;
/** A User role's actions, and the ones only Dev and Admin roles add (catalog order). */
const USER = ["site.view", "site.restart", "database.backup"].map(mc);
const DEV = [
  "database.credentials",
  "database.sync",
  "userfiles.sync",
  "code.deploy",
  "extension.deploy",
].map(mc);

const prodScope = path("acme", M, "production");
const sandboxScope = path("acme", M, "sandbox");
const prod = res(prodScope, { production: true });
const sandbox = res(sandboxScope, { production: false });
const RESOURCES = [prod, sandbox];

/** ann holds a User role on production, dan an Admin role there, eve a Dev role that has expired; ops is a group. */
const build = () =>
  world()
    .users("acme", "ann", "bob", "dan", "eve")
    .user("gil", "globex")
    .group("ops", "acme")
    .member("ops", "ann")
    .member("ops", "bob")
    .grant("ann", mc("customerUser"), prodScope, { id: "ann-user" })
    .grant("dan", mc("customerAdmin"), prodScope, { id: "dan-admin" })
    .grant("eve", mc("customerDev"), prodScope, { id: "eve-dev", expiresAt: PAST })
    .grant("gil", mc("customerAdmin"), path("globex", M), { id: "gil-admin" })
    .customRole({ id: "globex-ops", org: "globex", product: M, permissions: [mc("site.view")] })
    .customRole({ id: "acme-viewers", org: "acme", product: M, permissions: [mc("site.view")] });

type Row = readonly [
  title: string,
  subject: string,
  change: GrantChange,
  onProduction: { readonly gained: ReadonlyArray<string>; readonly lost: ReadonlyArray<string> },
  onSandbox?: { readonly gained: ReadonlyArray<string>; readonly lost: ReadonlyArray<string> },
];

const NONE = { gained: [], lost: [] };

const rows: ReadonlyArray<Row> = [
  [
    "a new role gains its actions where it is given",
    "bob",
    { kind: "create", role: mc("customerUser"), scope: prodScope },
    { gained: USER, lost: [] },
  ],
  [
    "a new single permission gains that one action",
    "bob",
    { kind: "create", permission: mc("code.deploy"), scope: prodScope },
    { gained: [mc("code.deploy")], lost: [] },
  ],
  [
    "a new organization's custom role gains its actions",
    "bob",
    { kind: "create", role: "acme-viewers", scope: prodScope },
    { gained: [mc("site.view")], lost: [] },
  ],
  [
    "a new grant that expires later counts now",
    "bob",
    { kind: "create", role: mc("customerUser"), scope: prodScope, expiresAt: FUTURE },
    { gained: USER, lost: [] },
  ],
  [
    "a new grant that has already expired gains nothing",
    "bob",
    { kind: "create", role: mc("customerUser"), scope: prodScope, expiresAt: PAST },
    NONE,
  ],
  [
    "a new product-wide role gains on every instance",
    "bob",
    { kind: "create", role: mc("customerDev"), scope: path("acme", M) },
    { gained: [...USER, ...DEV], lost: [] },
    { gained: [...USER, ...DEV], lost: [] },
  ],
  [
    "a promotion gains the wider role's extra actions",
    "ann",
    { kind: "update", grant: "ann-user", role: mc("customerAdmin") },
    { gained: DEV, lost: [] },
  ],
  [
    "a demotion loses them",
    "dan",
    { kind: "update", grant: "dan-admin", role: mc("customerUser") },
    { gained: [], lost: DEV },
  ],
  [
    "a role turned into a single permission keeps that action only",
    "ann",
    { kind: "update", grant: "ann-user", permission: mc("site.view") },
    { gained: [], lost: [mc("site.restart"), mc("database.backup")] },
  ],
  [
    "a grant moved to another instance loses here and gains there",
    "ann",
    { kind: "update", grant: "ann-user", scope: sandboxScope },
    { gained: [], lost: USER },
    { gained: USER, lost: [] },
  ],
  [
    "an expired grant made permanent counts again",
    "eve",
    { kind: "update", grant: "eve-dev", expiresAt: null },
    { gained: [...USER, ...DEV], lost: [] },
  ],
  [
    "a grant given an expiry already past stops counting",
    "ann",
    { kind: "update", grant: "ann-user", expiresAt: PAST },
    { gained: [], lost: USER },
  ],
  [
    "an unchanged grant changes nothing",
    "ann",
    { kind: "update", grant: "ann-user", role: mc("customerUser"), scope: prodScope },
    NONE,
  ],
  [
    "a removed grant loses its actions",
    "ann",
    { kind: "remove", grant: "ann-user" },
    { gained: [], lost: USER },
  ],
  ["removing an expired grant loses nothing", "eve", { kind: "remove", grant: "eve-dev" }, NONE],
];

describe("engine.whatIf", () => {
  for (const [title, subject, change, onProduction, onSandbox = NONE] of rows)
    it(`${subject} · ${change.kind}: ${title}`, () => {
      const { engine } = build();
      const answer = untouched(engine, RESOURCES, NOW, () => engine.whatIf(subject, change, RESOURCES, NOW));
      expect(answer).toEqual({
        subject,
        resources: [
          { resource: prod, ...onProduction },
          { resource: sandbox, ...onSandbox },
        ],
        members: [],
      });
    });

  it("a group's change is answered for the group and for each member, who keep what they hold themselves", () => {
    const { engine } = build();
    const change: GrantChange = { kind: "create", role: mc("customerDev"), scope: prodScope };
    const answer = untouched(engine, RESOURCES, NOW, () => engine.whatIf("ops", change, [prod], NOW));
    expect(answer).toEqual({
      subject: "ops",
      resources: [{ resource: prod, gained: [...USER, ...DEV], lost: [] }],
      members: [
        { subject: "ann", resources: [{ resource: prod, gained: DEV, lost: [] }] },
        { subject: "bob", resources: [{ resource: prod, gained: [...USER, ...DEV], lost: [] }] },
      ],
    });
  });

  it("a member loses nothing when its group still gives what its removed grant gave", () => {
    const { engine } = build();
    engine.snapshot.addGrant({ id: "ops-user", subject: "ops", scope: prodScope, role: mc("customerUser") });
    const answer = untouched(engine, RESOURCES, NOW, () =>
      engine.whatIf("ann", { kind: "remove", grant: "ann-user" }, [prod], NOW),
    );
    expect(answer.resources).toEqual([{ resource: prod, gained: [], lost: [] }]);
    const groupGone = engine.whatIf("ops", { kind: "remove", grant: "ops-user" }, [prod], NOW);
    expect(groupGone.members).toEqual([
      { subject: "ann", resources: [{ resource: prod, gained: [], lost: [] }] },
      { subject: "bob", resources: [{ resource: prod, gained: [], lost: USER }] },
    ]);
  });

  it("tells each action once, at the widest scope asked about: an environment lists only what its project does not", () => {
    const X = "experimentation";
    const { engine } = world().users("acme", "fay");
    const feature = (scope: ReturnType<typeof path>, production?: boolean) =>
      res(scope, { platform: "feature", ...(production === undefined ? {} : { production }) });
    const project = feature(path("acme", X, "e1", "p1"));
    const production = feature(path("acme", X, "e1", "p1", "production"), true);
    const development = feature(path("acme", X, "e1", "p1", "development"), false);
    const sibling = feature(path("acme", X, "e1", "p2"));
    const change: GrantChange = { kind: "create", role: `${X}:editor`, scope: path("acme", X, "e1", "p1") };
    const each = engine.whatIf("fay", change, [project], NOW).resources[0]?.gained ?? [];
    const asked = [project, production, development, sibling];
    const [onProject, onProduction, onDevelopment, onSibling] = engine.whatIf(
      "fay",
      change,
      asked,
      NOW,
    ).resources;
    expect(onProject?.gained).toEqual(each);
    expect(each).toContain(`${X}:flag.create`);
    for (const env of [onProduction, onDevelopment])
      expect(env?.gained.filter((a) => each.includes(a))).toEqual([]);
    // What only an environment decides is told there, and the sibling project is no environment of p1.
    expect(onDevelopment?.gained).toContain(`${X}:flag.toggle`);
    expect(onSibling).toEqual({ resource: sibling, gained: [], lost: [] });
  });

  it("whatIfGranted: a newcomer gains what the grants give; an existing user only what it lacks", () => {
    const { engine } = build();
    const grants = [
      { role: mc("customerUser"), scope: prodScope },
      { permission: mc("code.deploy"), scope: sandboxScope },
    ];
    const newcomer = untouched(engine, RESOURCES, NOW, () =>
      engine.whatIfGranted("acme", undefined, grants, RESOURCES, NOW),
    );
    expect(newcomer.resources).toEqual([
      { resource: prod, gained: USER, lost: [] },
      { resource: sandbox, gained: [mc("code.deploy")], lost: [] },
    ]);
    // ann holds the User role on production already: only the sandbox permission is new.
    expect(engine.whatIfGranted("acme", "ann", grants, RESOURCES, NOW).resources).toEqual([
      { resource: prod, gained: [], lost: [] },
      { resource: sandbox, gained: [mc("code.deploy")], lost: [] },
    ]);
    expect(() =>
      engine.whatIfGranted("acme", undefined, [{ role: "made-up", scope: prodScope }], RESOURCES, NOW),
    ).toThrow(UnknownRole);
  });

  it("answers several what-ifs in a row, each against the unchanged snapshot", () => {
    const { engine } = build();
    const promote: GrantChange = { kind: "update", grant: "ann-user", role: mc("customerAdmin") };
    const first = engine.whatIf("ann", promote, [prod], NOW);
    engine.whatIf("ann", { kind: "remove", grant: "ann-user" }, [prod], NOW);
    expect(engine.whatIf("ann", promote, [prod], NOW)).toEqual(first);
  });

  const refusals: ReadonlyArray<readonly [string, string, GrantChange, new (...args: never[]) => Error]> = [
    ["an unknown subject", "nobody", { kind: "remove", grant: "ann-user" }, UnknownSubject],
    ["an unknown grant", "ann", { kind: "remove", grant: "no-such-grant" }, UnknownGrant],
    [
      "another subject's grant",
      "bob",
      { kind: "update", grant: "ann-user", role: mc("customerAdmin") },
      GrantNotHeld,
    ],
    ["an unknown role", "ann", { kind: "update", grant: "ann-user", role: mc("overlord") }, UnknownRole],
    [
      "another organization's custom role, as an unknown one",
      "bob",
      { kind: "create", role: "globex-ops", scope: prodScope },
      UnknownRole,
    ],
    [
      "an unknown permission",
      "bob",
      { kind: "create", permission: mc("fly"), scope: prodScope },
      UnknownAction,
    ],
    [
      "a scope with a gap",
      "bob",
      { kind: "create", role: mc("customerUser"), scope: { org: "acme", instance: "production" } },
      InvalidScope,
    ],
  ];
  for (const [what, subject, change, error] of refusals)
    it(`refuses ${what}, writing nothing`, () => {
      const { engine } = build();
      untouched(engine, RESOURCES, NOW, () =>
        expect(() => engine.whatIf(subject, change, RESOURCES, NOW)).toThrow(error),
      );
    });
});

describe("the engine's answers about stored grants and subjects", () => {
  it("grant: a stored grant as the input that made it", () => {
    const { engine } = build();
    engine.snapshot.addGrant({
      id: "bob-deploy",
      subject: "bob",
      scope: prodScope,
      permission: mc("code.deploy"),
    });
    expect(engine.grant("eve-dev")).toEqual({
      id: "eve-dev",
      subject: "eve",
      scope: prodScope,
      role: mc("customerDev"),
      expiresAt: PAST,
    });
    expect(engine.grant("bob-deploy")).toEqual({
      id: "bob-deploy",
      subject: "bob",
      scope: prodScope,
      permission: mc("code.deploy"),
    });
    expect(engine.grant("no-such-grant")).toBeUndefined();
  });

  it("findSubject and holdsGrantIn: kind, home, and the organizations a subject or its groups hold grants in", () => {
    const { engine } = build();
    expect(engine.findSubject("ops")).toMatchObject({ id: "ops", kind: "group", org: "acme" });
    expect(engine.findSubject("nobody")).toBeUndefined();
    expect(engine.findSubject("ann")).toMatchObject({ id: "ann", kind: "user", org: "acme" });
    // A group's key in the check index is not an id anyone can name.
    expect(engine.findSubject("\u0000group:ops")).toBeUndefined();
    // Only a partner organization's users and groups hold Mission Control roles in another organization.
    engine.snapshot.setOrg("acme", { kind: "partner", products: undefined });
    engine.snapshot.addGrant({
      id: "ops-globex",
      subject: "ops",
      scope: path("globex", M),
      role: mc("partnerUser"),
    });
    expect(engine.holdsGrantIn("bob", "globex")).toBe(true);
    expect(engine.holdsGrantIn("dan", "globex")).toBe(false);
    expect(engine.holdsGrantIn("nobody", "acme")).toBe(false);
  });
});
