// The scope the access matrix looks at, kept in the page's URL (?product=…&instance=…&project=…) so a view
// can be bookmarked and shared; changing a level clears the levels below it.
import { useCallback } from "react";
import { useSearchParams } from "react-router";

export interface MatrixScope {
  readonly product?: string;
  readonly instance?: string;
  readonly project?: string;
}

const levels = ["product", "instance", "project"] as const;
type Level = (typeof levels)[number];

export const useMatrixScope = () => {
  const [params, setParams] = useSearchParams();
  const scope: MatrixScope = Object.fromEntries(
    levels.flatMap((level) => {
      const value = params.get(level);
      return value === null || value === "" ? [] : [[level, value]];
    }),
  );
  const choose = useCallback(
    (level: Level, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const below of levels.slice(levels.indexOf(level))) next.delete(below);
          if (value !== null && value !== "") next.set(level, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { scope, choose };
};
