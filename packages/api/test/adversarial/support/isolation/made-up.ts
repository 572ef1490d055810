// Made-up ids of the same shape as real ones: every letter and digit replaced by another of its kind (hex stays
// hex), punctuation and known prefixes (`grt_`, `cms:custom_`) kept, so only existence tells them apart.

/** A small deterministic generator (mulberry32), so a failing sweep names the same made-up ids every run. */
const generator = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = (alphabet: string, next: () => number) => alphabet[Math.floor(next() * alphabet.length)] ?? "x";

/** Made-up twins of real values, one per value for the whole sweep. */
export const madeUpIds = (seed = 10) => {
  const next = generator(seed);
  const twins = new Map<string, string>();
  const scramble = (value: string): string => {
    const cut = Math.max(value.lastIndexOf("_"), value.indexOf(":")) + 1;
    const [kept, rest] = [value.slice(0, cut), value.slice(cut)];
    const hex = /^[0-9a-f]{16,}$/.test(rest);
    const made = [...rest]
      .map((c) => {
        if (hex) return pick("0123456789abcdef", next);
        if (/[a-z]/.test(c)) return pick("abcdefghijklmnopqrstuvwxyz", next);
        if (/[A-Z]/.test(c)) return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ", next);
        if (/[0-9]/.test(c)) return pick("0123456789", next);
        return c;
      })
      .join("");
    return `${kept}${made}`;
  };
  return (value: string): string => {
    const known = twins.get(value);
    if (known !== undefined) return known;
    let made = scramble(value);
    while (made === value) made = scramble(value);
    twins.set(value, made);
    return made;
  };
};
