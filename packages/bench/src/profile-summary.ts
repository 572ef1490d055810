// Reduces a V8 CPU profile (.cpuprofile) to text: where the busy time went by layer (package), the heaviest
// functions, a top-down tree (a flame graph in text), and collapsed stacks ("a;b;c µs") for flame graph tools.

/** The part of a V8 CPU profile the summary reads. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
    readonly children?: ReadonlyArray<number>;
  }>;
  readonly startTime: number;
  readonly samples: ReadonlyArray<number>;
  readonly timeDeltas: ReadonlyArray<number>;
}

type Node = CpuProfile["nodes"][number];

/** Frames V8 reports without a script: kept apart, since they are no package's code. */
const VM_FRAMES = new Set(["(garbage collector)", "(program)", "writev", "writeUtf8String", "writeBuffer"]);

/** The package a script belongs to (`hono`, `@trpc/server`, `@gatehouse/api`), or undefined for Node's own. */
const packageOf = (url: string): string | undefined => {
  const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dep !== null) return dep[1];
  const own = /\/packages\/([^/]+)\/src\//.exec(url);
  return own === null ? undefined : `@gatehouse/${own[1]}`;
};

/** A frame as the tables name it: function, then package (or file) and line. */
const frameName = (n: Node): string => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = packageOf(url) ?? url.replace(/^.*\//, "");
  const file = url.replace(/^.*\//, "");
  return `${functionName || "(anonymous)"} ${where === "" ? "" : `${where}${where === file ? "" : `/${file}`}:${lineNumber + 1}`}`.trim();
};

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1).padStart(5)}%`;

const table = (title: string, rows: Map<string, number>, total: number, limit: number): string =>
  [
    title,
    ...[...rows]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => `${percent(us, total)}  ${name}`),
  ].join("\n");

const add = (map: Map<string, number>, key: string, us: number): void => {
  map.set(key, (map.get(key) ?? 0) + us);
};

/** One frame of the top-down tree: its inclusive time and its callees. */
interface Branch {
  us: number;
  readonly callees: Map<string, Branch>;
}

/**
 * The top-down tree as indented lines (a flame graph in text): every frame with at least `min` of the busy
 * time, inclusive, under its caller; a frame that is its caller's only such callee continues the caller's line.
 */
const topDown = (root: Branch, total: number, min: number): string[] => {
  const lines: string[] = [];
  const walk = (name: string, branch: Branch, depth: number, chain: string[]): void => {
    const shown = [...branch.callees]
      .filter(([, b]) => b.us >= min * total)
      .sort((a, b) => b[1].us - a[1].us);
    const [only] = shown;
    if (shown.length === 1 && only !== undefined && only[1].us === branch.us) {
      walk(only[0], only[1], depth, [...chain, name]);
      return;
    }
    lines.push(`${percent(branch.us, total)}  ${"  ".repeat(depth)}${[...chain, name].join(" › ")}`);
    for (const [callee, b] of shown) walk(callee, b, depth + 1, []);
  };
  for (const [name, b] of [...root.callees].sort((x, y) => y[1].us - x[1].us))
    if (b.us >= min * total) walk(name, b, 0, []);
  return lines;
};

/**
 * The summary of the samples of `profile` within `window` (monotonic µs; idle time left out) and their collapsed
 * stacks, `requests` being the requests served meanwhile. A sample in Node's own code counts for
 * the nearest package frame above it ("node via hono"): that package asked for the work.
 */
export const summarize = (
  profile: CpuProfile,
  requests: number,
  window: { readonly fromUs: number; readonly toUs: number },
): { readonly text: string; readonly folded: string } => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const layers = new Map<string, number>();
  const self = new Map<string, number>();
  const stacks = new Map<string, number>();
  const root: Branch = { us: 0, callees: new Map() };
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    const leaf = byId.get(id);
    if (at < window.fromUs || at > window.toUs) return;
    if (leaf === undefined || leaf.callFrame.functionName === "(idle)") return;
    const path: Node[] = [];
    for (let frame: number | undefined = id; frame !== undefined; frame = parent.get(frame)) {
      const n = byId.get(frame);
      if (n !== undefined && n.callFrame.functionName !== "(root)") path.push(n);
    }
    busy += us;
    add(self, frameName(leaf), us);
    const names = path.reverse().map(frameName);
    add(stacks, names.join(";"), us);
    let branch = root;
    for (const name of names) {
      let next = branch.callees.get(name);
      if (next === undefined) {
        next = { us: 0, callees: new Map() };
        branch.callees.set(name, next);
      }
      next.us += us;
      branch = next;
    }
    const name = leaf.callFrame.functionName;
    const owner = path.findLast((n) => packageOf(n.callFrame.url) !== undefined);
    const pkg = owner === undefined ? undefined : packageOf(owner.callFrame.url);
    const native = packageOf(leaf.callFrame.url) === undefined;
    add(
      layers,
      VM_FRAMES.has(name)
        ? `${name} (V8 / the kernel)`
        : pkg === undefined
          ? "node (no package frame above)"
          : native
            ? `node via ${pkg}`
            : pkg,
      us,
    );
  });
  const perRequest =
    requests > 0 ? ` = ${(busy / requests).toFixed(1)} µs per request over ${requests} requests` : "";
  const text = [
    `busy ${(busy / 1000).toFixed(0)} ms sampled${perRequest} (wall time of the samples: a thread`,
    "preempted inside a system call counts there, so writev grows on a loaded machine)",
    "",
    table("by layer (self time, Node's own code counted for the package that called it):", layers, busy, 20),
    "",
    table("heaviest functions (self time):", self, busy, 30),
    "",
    "top-down (inclusive time of each frame with at least 2% of it; a lone callee continues its caller's line):",
    ...topDown(root, busy, 0.02),
  ].join("\n");
  const folded = [...stacks].map(([stack, us]) => `${stack} ${us}`).join("\n");
  return { text: `${text}\n`, folded: `${folded}\n` };
};
