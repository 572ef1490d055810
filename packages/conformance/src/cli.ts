// Command line: `pnpm -s conformance [--check] FILE.jsonl`, run from the repository root.
// Prints one JSON answer per case; with --check also each mismatch and a summary, exiting 1 on any failure.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runLines } from "./run-file.ts";

const args = process.argv.slice(2);
const check = args.includes("--check");
const files = args.filter((a) => a !== "--check");
if (files.length !== 1) {
  process.stderr.write("usage: pnpm -s conformance [--check] FILE.jsonl\n");
  process.exit(2);
}
const base = process.env.INIT_CWD ?? process.cwd();
const out: string[] = [];
const result = runLines(readFileSync(resolve(base, files[0] as string), "utf8"), check, (l) => out.push(l));
process.stdout.write(`${out.join("\n")}\n`);
process.exitCode = check && result.failed > 0 ? 1 : 0;
