// Meta-procedures: procedures whose input names another procedure and an input for it (`may`). The sweep asks one
// with every case it built for each procedure it answers about, so it is swept exactly as its subjects are.
import type { Case } from "./cases.ts";
import type { Procedure } from "./procedures.ts";

export interface Meta {
  /** Whether it answers about `procedure`. */
  readonly about: (procedure: Procedure) => boolean;
  /** Its input asking about `path` called with `input`. */
  readonly input: (path: string, input: unknown) => unknown;
}

/**
 * Every meta-procedure by path. One not listed here is built from its schema like any other procedure, and its
 * field naming a procedure cannot be built (inputs.ts): the sweep fails until it is listed.
 */
export const metaProcedures: ReadonlyMap<string, Meta> = new Map([
  // `may({ procedure, input })`: what the mutation would answer (its authorization, without its handler).
  [
    "may",
    { about: (p: Procedure) => p.type === "mutation", input: (procedure, input) => ({ procedure, input }) },
  ],
]);

/** What a sweep covers: every procedure, and each meta-procedure asked about each of its subjects. */
export const coverage = (procedures: ReadonlyArray<Procedure>): ReadonlyArray<string> => [
  ...procedures.map((p) => p.path),
  ...[...metaProcedures].flatMap(([path, meta]) =>
    procedures.filter(meta.about).map((subject) => askedAbout(path, subject.path)),
  ),
];

/** The coverage entry of `meta` asked about `subject`. */
export const askedAbout = (meta: string, subject: string) => `${meta}(${subject})`;

/** The cases of `meta`: every case of each subject, its foreign input and its made-up twin asked through `meta`. */
export const metaCasesOf = (
  meta: Meta,
  procedures: ReadonlyArray<Procedure>,
  casesOf: (procedure: Procedure) => ReadonlyArray<Case>,
): ReadonlyArray<Case> =>
  procedures.filter(meta.about).flatMap((subject) =>
    casesOf(subject).map((c) => ({
      ...c,
      about: subject.path,
      variant: `${subject.path}: ${c.variant}`,
      foreign: meta.input(subject.path, c.foreign),
      madeUp: c.madeUp === undefined ? undefined : meta.input(subject.path, c.madeUp),
    })),
  );
