// Splitting SQL scripts into statements: semicolons inside strings, identifiers, comments and dollar quotes
// do not end a statement. PostgreSQL servers get multi-statement scripts through this.
import { describe, expect, it } from "@effect/vitest";
import { asDoBlock, splitStatements } from "../src/sql-script.ts";

describe("splitStatements", () => {
  it.each([
    ["one statement", "select 1", ["select 1"]],
    ["trailing semicolon and blanks", "  select 1;\n\n ;  ", ["select 1"]],
    [
      "two statements",
      "create table a (x int); insert into a values (1)",
      ["create table a (x int)", "insert into a values (1)"],
    ],
    [
      "a semicolon in a string",
      "insert into a values ('x;y'); select 2",
      ["insert into a values ('x;y')", "select 2"],
    ],
    ["a doubled quote in a string", "select 'it''s; fine'; select 3", ["select 'it''s; fine'", "select 3"]],
    ["a backslash escape in an E string", "select E'a\\';b'; select 4", ["select E'a\\';b'", "select 4"]],
    ["a semicolon in a quoted identifier", 'select 1 as "a;b"; select 5', ['select 1 as "a;b"', "select 5"]],
    [
      "a line comment",
      "select 1; -- not; a statement\nselect 6",
      ["select 1", "-- not; a statement\nselect 6"],
    ],
    ["a lone trailing comment", "select 1; -- done;", ["select 1"]],
    [
      "a nested block comment",
      "select /* a /* b; */ c; */ 1; select 7",
      ["select /* a /* b; */ c; */ 1", "select 7"],
    ],
    [
      "a dollar-quoted function body",
      "create function f() returns int as $$ begin return 1; end $$ language plpgsql; select f()",
      ["create function f() returns int as $$ begin return 1; end $$ language plpgsql", "select f()"],
    ],
    [
      "a tagged dollar quote holding $$",
      "do $body$ begin perform $$;$$; end $body$; select 8",
      ["do $body$ begin perform $$;$$; end $body$", "select 8"],
    ],
    ["positional parameters", "select $1::int; select $2", ["select $1::int", "select $2"]],
  ])("handles %s", (_name, script, expected) => {
    expect(splitStatements(script)).toEqual(expected);
  });
});

describe("asDoBlock", () => {
  it("quotes the script with tags it does not contain", () => {
    const script = "select $gh_script_0$x$gh_script_0$; select 1";
    const block = asDoBlock(script);
    expect(block).toBe(`DO $gh_block_0$ BEGIN EXECUTE $gh_script_1$${script}$gh_script_1$; END $gh_block_0$`);
    expect(splitStatements(block)).toEqual([block]);
  });
});
