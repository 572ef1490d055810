// The apps' buttons ask the server the question their call asks: every mutation the UI calls is asked about with
// useMay / GuardedCall / ConfirmButton by its procedure (or is a listed form submission), never by an engine action.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { authorizationOf } from "../src/authorization.ts";
import { appRouter } from "../src/root.ts";

const root = join(import.meta.dirname, "../../..");
type Walked = Record<string, { readonly _def: { readonly meta?: unknown } }>;
const tree = appRouter._def.procedures as unknown as Walked;
/** The procedures `may` can rehearse: every authorizedMutation. */
const rehearsable = new Set(
  Object.keys(tree).filter((path) => authorizationOf(tree[path] ?? { _def: {} })?.rehearse),
);

/**
 * Calls whose input is a form the person fills (who, which roles, what name): the opening of the form is guarded
 * by the closest read or navigation question, and the submit shows the server's refusal as the form's error.
 */
const formSubmissions: Record<string, string> = {
  "accessRequests.request": "Mission Control's request form: the partner picks customer, role and place",
  "groups.create": "Create group's name form, opened under admin-center:group.manage",
  "organizations.create":
    "the operator's Provision form: id, name, kind and products typed (its console only)",
  "organizations.inviteFirstAdmin":
    "the operator's first super admin form: the invitee's email and name typed",
};

/** The UI's source files: the three apps and the shared client and UI packages. */
const sources = (): ReadonlyArray<{ readonly file: string; readonly text: string }> => {
  const dirs = [
    ...readdirSync(join(root, "apps")).map((app) => join(root, "apps", app, "src")),
    join(root, "packages/ui/src"),
    join(root, "packages/client/src"),
  ];
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => ({
        file: relative(root, join(dir, name)),
        text: readFileSync(join(dir, name), "utf8"),
      })),
  );
};

/** The mutations a source calls: `client.a.b.mutate(`, `.mutateAsync(` or `trpc.a.b.mutationOptions(`. */
export const callsIn = (text: string) =>
  [...text.matchAll(/\b(?:client|trpc)\.([\w.]+)\.(?:mutate|mutateAsync|mutationOptions)\(/g)]
    .map((m) => m[1] ?? "")
    .filter((path) => rehearsable.has(path));

/** The procedures a source asks about: `useMay("a.b"`, `procedure="a.b"` (GuardedCall, ConfirmButton) or `: "a.b"`. */
export const asksIn = (text: string) =>
  [...text.matchAll(/(?:useMay\(\s*|procedure=\{?|procedure:\s*)"([\w.]+)"/g)].map((m) => m[1] ?? "");

/** Does a source guard a control by an engine action (`<Guarded action=…>`, `useCan(…)`)? */
export const guardsByAction = (text: string) => /<Guarded\b|\buseCan\(/.test(text);

const summary = (files: ReturnType<typeof sources>) => {
  const called = new Map<string, string[]>();
  const asked = new Set<string>();
  const mixed: string[] = [];
  for (const { file, text } of files) {
    const calls = callsIn(text);
    for (const path of calls) called.set(path, [...(called.get(path) ?? []), file]);
    for (const path of asksIn(text)) asked.add(path);
    if (calls.length > 0 && guardsByAction(text)) mixed.push(file);
  }
  return { called, asked, mixed };
};

describe("the UI's guards", () => {
  const { called, asked, mixed } = summary(sources());

  it("finds the calls it judges (the scan can see them)", () => {
    expect(called.size).toBeGreaterThan(15);
    expect(called.get("grants.update")).toBeDefined();
  });

  it("asks the server about every mutation a button calls, by that procedure", () => {
    const unasked = [...called.keys()].filter((path) => !asked.has(path) && !(path in formSubmissions));
    expect(unasked.map((path) => `${path} (called in ${called.get(path)?.join(", ")})`)).toEqual([]);
  });

  it("names only procedures `may` can rehearse, and lists only form submissions the UI makes and never asks about", () => {
    expect([...asked].filter((path) => !rehearsable.has(path))).toEqual([]);
    const stale = Object.keys(formSubmissions).filter((path) => !called.has(path) || asked.has(path));
    expect(stale).toEqual([]);
  });

  it("never guards a mutation's control by an engine action in the file that calls it", () => {
    expect(mixed).toEqual([]);
  });

  it("would catch a button calling a mutation under an action's guard (the checks can fail)", () => {
    const planted = {
      file: "apps/x/src/planted.tsx",
      text: `const save = useMutation(trpc.roles.updateCustom.mutationOptions());
        <Guarded action="admin-center:custom-role.create" resource={scope}>{() => null}</Guarded>`,
    };
    const found = summary([planted]);
    expect(found.mixed).toEqual(["apps/x/src/planted.tsx"]);
    expect(found.asked.has("roles.updateCustom")).toBe(false);
    expect(asksIn(`<GuardedCall procedure="roles.updateCustom" input={x}>`)).toEqual(["roles.updateCustom"]);
  });
});
