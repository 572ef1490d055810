// CSV exports (issue 12): the users of a place with product, instance and role by name, and the audit log, each
// through its list's own question and filters; formulas defused, quoting right, another organization unseen.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

interface CsvFile {
  readonly name: string;
  readonly csv: string;
  readonly rows: number;
  readonly truncated: boolean;
}

const exported = async (call: Call, path: string, input: object) => {
  const answer = await send("GET", path, input, call);
  expect(answer.status).toBe(200);
  const file = answer.data as CsvFile;
  const parsed = Papa.parse<Record<string, string>>(file.csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { file, rows: parsed.data };
};

describe("exports", () => {
  it("exports an instance's users with product, instance and role by name; formulas stay text", async () => {
    const admin = await signIn("admin@acme.example");
    const invited = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["formula@acme.example"],
        name: '=HYPERLINK("http://evil.example","Click"), "quoted"',
        language: "en",
        grants: [
          { role: "cms:content-editors", scope: { org: "acme", product: "cms", instance: "acme-cms" } },
        ],
      },
      admin,
    );
    expect(invited.status).toBe(200);
    const { file, rows } = await exported(admin, "exports.users", {
      org: "acme",
      scope: { product: "cms", instance: "acme-cms" },
    });
    expect(file).toMatchObject({ name: "users-acme.csv", truncated: false });
    expect(file.csv.split("\r\n")[0]).toBe("Email,Name,Status,Product,Instance,Project,Role,Expires");
    const row = rows.find((r) => r.Email === "formula@acme.example");
    // The name keeps its comma and quotes (RFC 4180) and is prefixed with ' so a spreadsheet does not run it.
    expect(row).toMatchObject({
      Name: `'=HYPERLINK("http://evil.example","Click"), "quoted"`,
      Status: "invited",
      Product: "CMS",
      Instance: "Acme Site",
      Role: expect.any(String),
    });
    expect(row?.Role).not.toContain(":");
    expect(rows.find((r) => r.Email === "instance-admin@acme.example")).toMatchObject({
      Product: "CMS",
      Instance: "Acme Site",
    });
    // The same search as the list.
    const searched = await exported(admin, "exports.users", { org: "acme", search: "formula@" });
    expect(searched.rows.map((r) => r.Email)).toEqual(["formula@acme.example"]);
  });

  it("honours the list's permissions: a CMS instance admin may not export Experimentation's users", async () => {
    const instanceAdmin = await signIn("instance-admin@acme.example");
    const own = await exported(instanceAdmin, "exports.users", {
      org: "acme",
      scope: { product: "cms", instance: "acme-cms" },
    });
    expect(own.rows.length).toBeGreaterThan(0);
    const other = await send(
      "GET",
      "exports.users",
      { org: "acme", scope: { product: "experimentation", instance: "acme-exp" } },
      instanceAdmin,
    );
    expect(other.status).toBe(403);
    const list = await send(
      "GET",
      "users.list",
      { org: "acme", scope: { product: "experimentation", instance: "acme-exp" } },
      instanceAdmin,
    );
    expect(list.status).toBe(other.status);
  });

  it("exports the audit log with the list's filters, by name, and never another organization's", async () => {
    const admin = await signIn("admin@acme.example");
    const { rows } = await exported(admin, "exports.audit", { org: "acme", action: "auth.login" });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.Action))).toEqual(new Set(["auth.login"]));
    expect(rows).toContainEqual(
      expect.objectContaining({ Actor: "Ada Admin", "Actor id": "demo-admin", Target: "Ada Admin" }),
    );
    const listed = await send("GET", "audit.list", { org: "acme", action: "auth.login", limit: 200 }, admin);
    expect(rows.length).toBe((listed.data as { items: unknown[] }).items.length);

    const foreign = await send("GET", "exports.audit", { org: "agency" }, admin);
    const madeUp = await send("GET", "exports.audit", { org: "no-such-org" }, admin);
    expect(foreign.status).toBe(404);
    expect(foreign.status).toBe(madeUp.status);
    const partner = await signIn("partneruser@agency.example");
    expect((await send("GET", "exports.audit", { org: "acme" }, partner)).status).toBe(404);
    const plain = await signIn("customeruser@acme.example");
    expect((await send("GET", "exports.audit", { org: "acme" }, plain)).status).toBe(403);
  });
});
