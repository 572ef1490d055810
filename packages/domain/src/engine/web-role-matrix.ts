// Seed 004's "Access by collaborator role" table asked of the engine: each Web project role granted to one subject of
// an example instance, each row's actions checked on a Web project, its footnotes read from how the answers differ.
import { projectRoleOrder } from "../catalog/products/experimentation.ts";
import type { Resource } from "../model/resource.ts";
import type { Scope } from "../model/scope.ts";
import { Engine } from "./engine.ts";

/** Why a cell holds only in part: extensions only; drafts but no publishing; only on the projects it owns. */
export type MatrixNote = "extensions" | "drafts" | "owned";

/** One row of the table: the actions a role must hold for an X (and, for "… only", those it must not). */
interface RowDef {
  readonly label: string;
  readonly actions: ReadonlyArray<string>;
  /** An X only when the role holds none of these (Extensions › Create only). */
  readonly without?: ReadonlyArray<string>;
  /** The action whose absence makes the X a draft (Edit: no `experiment.publish`). */
  readonly draftsUnless?: string;
  /** A setting of the project itself: asked on a second project too, to tell "on its own projects only". */
  readonly perProject?: true;
}

const x = (name: string) => `experimentation:${name}`;
const row = (
  label: string,
  actions: ReadonlyArray<string>,
  more: Omit<RowDef, "label" | "actions"> = {},
) => ({
  label,
  actions: actions.map(x),
  ...more,
});

/** The seed's rows by group, in its order; the X marks are the engine's. */
const layout: ReadonlyArray<{ readonly group: string; readonly rows: ReadonlyArray<RowDef> }> = [
  {
    group: "Experiments and campaigns",
    rows: [
      row("View", ["experiment.view"]),
      row("Edit", ["experiment.edit"], { draftsUnless: x("experiment.publish") }),
      row("Create", ["experiment.create"]),
      row("Start and pause", ["experiment.start", "experiment.pause"]),
      row("Publish", ["experiment.publish"]),
      row("Archive and delete", ["experiment.archive", "experiment.delete"]),
    ],
  },
  {
    group: "Pages",
    rows: [
      row("View", ["page.view"]),
      row("Create", ["page.create"]),
      row("Edit and archive", ["page.edit", "page.archive"]),
    ],
  },
  {
    group: "Events and tags",
    rows: [
      row("View events", ["event.view"]),
      row("Create events", ["event.create"]),
      row("Edit and archive events", ["event.edit", "event.archive"]),
    ],
  },
  {
    group: "Extensions",
    rows: [
      row("Create only", ["extension.create"], { without: [x("extension.edit")] }),
      row("Create and edit", ["extension.create", "extension.edit"]),
    ],
  },
  {
    group: "Audiences",
    rows: [row("View", ["audience.view"]), row("Create and edit", ["audience.create", "audience.edit"])],
  },
  { group: "Results", rows: [row("View", ["results.view"]), row("Reset", ["results.reset"])] },
  {
    group: "Project settings",
    rows: [
      row("Add collaborators", ["collaborator.add"], { perProject: true }),
      row("Change snippet settings", ["snippet.edit"], { perProject: true }),
    ],
  },
  {
    group: "Account settings",
    rows: [
      row("View", ["account.view"]),
      row("Edit cross-origin settings", ["account.cross-origin.edit"]),
      row("View and pay bills", ["billing.view", "billing.pay"]),
    ],
  },
];

/** The footnotes, marked as the seed marks them. */
export const matrixNotes: ReadonlyArray<{
  readonly id: MatrixNote;
  readonly mark: string;
  /** The note in two words, for a cell's accessible name. */
  readonly label: string;
  readonly text: string;
}> = [
  {
    id: "extensions",
    mark: "*",
    label: "extensions only",
    text: "Can only make changes within a variation using extensions",
  },
  { id: "drafts", mark: "**", label: "drafts only", text: "Can draft changes but cannot publish them" },
  { id: "owned", mark: "***", label: "own projects only", text: "On projects for which they are an owner" },
];

export interface MatrixCell {
  readonly role: string;
  readonly holds: boolean;
  readonly notes: ReadonlyArray<MatrixNote>;
}

export interface WebRoleMatrix {
  /** The Web project roles, widest first (the table's columns). */
  readonly roles: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly groups: ReadonlyArray<{
    readonly label: string;
    readonly rows: ReadonlyArray<{
      readonly label: string;
      readonly actions: ReadonlyArray<string>;
      readonly cells: ReadonlyArray<MatrixCell>;
    }>;
  }>;
  readonly notes: typeof matrixNotes;
}

// The example world: one instance with two Web projects; each role's holder sits where the role is given.
const ORG = "example";
const instance: Scope = { org: ORG, product: "experimentation", instance: "web" };
const owned: Scope = { ...instance, project: "owned" };
const other: Scope = { ...instance, project: "other" };
const web = (scope: Scope, changeKind: "code-editor" | "extension"): Resource => ({
  ...scope,
  attrs: { platform: "web", changeKind },
});

const exampleEngine = (): Engine => {
  const engine = new Engine();
  for (const role of projectRoleOrder) {
    engine.snapshot.addUser(role, ORG);
    // A role the catalog gives only at the instance (Administrator) sits there; the others at the owned project.
    const levels = engine.snapshot.catalog.role(role).levels;
    const scope = levels === undefined || levels.includes("project") ? owned : instance;
    engine.snapshot.addGrant({ id: role, subject: role, scope, role });
  }
  return engine;
};

/** Asks the engine every cell of the table (once: the catalog does not change while a process runs). */
export const webRoleMatrix = (): WebRoleMatrix => {
  const engine = exampleEngine();
  const holdsAll = (role: string, actions: ReadonlyArray<string>, resource: Resource) =>
    actions.every((action) => engine.allows(role, action, resource));
  const cell = (role: string, def: RowDef): MatrixCell => {
    const full = holdsAll(role, def.actions, web(owned, "code-editor"));
    const extensions = !full && holdsAll(role, def.actions, web(owned, "extension"));
    const excluded = (def.without ?? []).some((action) =>
      engine.allows(role, action, web(owned, "code-editor")),
    );
    const holds = (full || extensions) && !excluded;
    const notes: MatrixNote[] = [];
    if (holds && extensions) notes.push("extensions");
    if (
      holds &&
      def.draftsUnless !== undefined &&
      !engine.allows(role, def.draftsUnless, web(owned, "extension"))
    )
      notes.push("drafts");
    if (holds && def.perProject === true && !holdsAll(role, def.actions, web(other, "code-editor")))
      notes.push("owned");
    return { role, holds, notes };
  };
  return {
    roles: projectRoleOrder.map((id) => ({ id, name: engine.roleName(id) ?? id })),
    groups: layout.map(({ group, rows }) => ({
      label: group,
      rows: rows.map((def) => ({
        label: def.label,
        actions: def.actions,
        cells: projectRoleOrder.map((role) => cell(role, def)),
      })),
    })),
    notes: matrixNotes,
  };
};
