// Links into the docs stay valid: every `docs/<page>.md#<anchor>` the code, tests and docs name is a page that
// exists and a heading (or `<a id>`) on it, so a renamed section cannot leave a router pointing nowhere.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const docs = join(root, "docs");

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a dash. */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");

/** The anchors of one page: its headings outside code blocks, and explicit `<a id>`s. */
const anchorsOf = (page: string): Set<string> => {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of readFileSync(page, "utf8").split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.+)$/.exec(line);
    if (heading?.[1] !== undefined) anchors.add(slug(heading[1]));
    for (const [, id] of line.matchAll(/<a id="([^"]+)"><\/a>/g)) if (id !== undefined) anchors.add(id);
  }
  return anchors;
};

/** Source and doc files that may link into the docs (no dependencies, no build output). */
const linkingFiles = (): ReadonlyArray<string> => {
  const files = [join(root, "README.md")];
  for (const group of ["packages", "apps"])
    for (const pkg of readdirSync(join(root, group)))
      for (const part of ["src", "test"]) {
        const dir = join(root, group, pkg, part);
        if (!existsSync(dir)) continue;
        for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }))
          if (/\.(ts|tsx|md)$/.test(file) && !file.includes("node_modules")) files.push(join(dir, file));
      }
  for (const file of readdirSync(docs)) if (file.endsWith(".md")) files.push(join(docs, file));
  return files;
};

/** Every link of `file` as `page#anchor` (anchor may be empty): `docs/<page>.md#<anchor>` anywhere, `(<page>.md#<anchor>)` in docs. */
const linksOf = (file: string): ReadonlyArray<{ readonly page: string; readonly anchor: string }> => {
  const text = readFileSync(file, "utf8");
  const links = [...text.matchAll(/docs\/([a-z-]+)\.md(?:#([a-z0-9-]+))?/g)].map(([, page, anchor]) => ({
    page: `${page}.md`,
    anchor: anchor ?? "",
  }));
  if (file.startsWith(docs))
    for (const [, page, anchor] of text.matchAll(/\]\(([a-z-]+\.md)?(?:#([a-z0-9-]+))?\)/g))
      links.push({ page: page ?? relative(docs, file), anchor: anchor ?? "" });
  return links;
};

describe("links into the docs", () => {
  it("name pages that exist and anchors on them", () => {
    const anchors = new Map<string, Set<string>>();
    const broken: Array<string> = [];
    let count = 0;
    for (const file of linkingFiles())
      for (const { page, anchor } of linksOf(file)) {
        count += 1;
        const path = join(docs, page);
        if (!existsSync(path)) {
          broken.push(`${relative(root, file)}: docs/${page} does not exist`);
          continue;
        }
        if (anchor === "") continue;
        if (!anchors.has(page)) anchors.set(page, anchorsOf(path));
        if (anchors.get(page)?.has(anchor) !== true)
          broken.push(`${relative(root, file)}: docs/${page}#${anchor} is no heading there`);
      }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(20);
  });

  it("reads headings as GitHub anchors them", () => {
    expect(slug("API: authz questions")).toBe("api-authz-questions");
    expect(slug("Sign-in")).toBe("sign-in");
    expect(slug("`Everyone` and product groups")).toBe("everyone-and-product-groups");
  });
});
