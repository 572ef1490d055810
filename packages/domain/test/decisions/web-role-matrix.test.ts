// Seed 004's "Access by collaborator role" table as the engine answers it (webRoleMatrix), cell by cell: X, a blank,
// and the footnotes (* extensions only, ** drafts only, *** on owned projects); where it departs from the seed, why.
import { describe, expect, it } from "vitest";
import { webRoleMatrix } from "../../src/index.ts";

const mark = { extensions: "*", drafts: "**", owned: "***" } as const;

// Columns: Administrator, Project Owner, Publisher, Restricted Publisher, Editor, Restricted Editor, Viewer.
// Departures from the seed: the seed stars Restricted Publisher's "Start and pause" (but not its Publish, the same
// act on the Web); the engine limits only creating and editing to extensions. A restricted editor also drafts only
// (the seed: "otherwise the same abilities as an Editor"), and a project owner adds collaborators only to the
// projects it owns (the seed's prose), so those cells carry the second and third note too.
const expected: Record<string, Record<string, string>> = {
  "Experiments and campaigns": {
    View: "X X X X X X X",
    Edit: "X X X X* X** X*,** -",
    Create: "X X X X* X X* -",
    "Start and pause": "X X X X - - -",
    Publish: "X X X X - - -",
    "Archive and delete": "X X X X - - -",
  },
  Pages: { View: "X X X X X X X", Create: "X X X X X X -", "Edit and archive": "X X X - - - -" },
  "Events and tags": {
    "View events": "X X X X X X X",
    "Create events": "X X X X X X -",
    "Edit and archive events": "X X X - - - -",
  },
  Extensions: { "Create only": "- - - X X X -", "Create and edit": "X X X - - - -" },
  Audiences: { View: "X X X X X X X", "Create and edit": "X X X X X - -" },
  Results: { View: "X X X X X X X", Reset: "X X - - - - -" },
  "Project settings": {
    "Add collaborators": "X X*** - - - - -",
    "Change snippet settings": "X X*** - - - - -",
  },
  "Account settings": {
    View: "X X X X X X X",
    "Edit cross-origin settings": "X - - - - - -",
    "View and pay bills": "X - - - - - -",
  },
};

const matrix = webRoleMatrix();

describe("the Web role matrix, asked of the engine", () => {
  it("has the seed's seven roles as columns, widest first", () => {
    expect(matrix.roles.map((r) => r.name)).toEqual([
      "Administrator",
      "Project Owner",
      "Publisher",
      "Restricted Publisher",
      "Editor",
      "Restricted Editor",
      "Viewer",
    ]);
  });

  it("has the seed's groups and rows in its order", () => {
    expect(matrix.groups.map((g) => [g.label, g.rows.map((r) => r.label)])).toEqual(
      Object.entries(expected).map(([group, rows]) => [group, Object.keys(rows)]),
    );
  });

  for (const group of matrix.groups)
    for (const row of group.rows)
      it(`${group.label} › ${row.label}: ${expected[group.label]?.[row.label]}`, () => {
        const cells = row.cells.map((c) => (c.holds ? `X${c.notes.map((n) => mark[n]).join(",")}` : "-"));
        expect(cells.join(" ")).toBe(expected[group.label]?.[row.label]);
      });

  it("marks no note on a blank cell and names every note it uses", () => {
    const cells = matrix.groups.flatMap((g) => g.rows.flatMap((r) => r.cells));
    expect(cells.filter((c) => !c.holds && c.notes.length > 0)).toEqual([]);
    const used = new Set(cells.flatMap((c) => c.notes));
    expect(matrix.notes.map((n) => n.id).sort()).toEqual([...used].sort());
  });
});
