// What a name people read may hold: nothing that shows as blank or invisible, or lets it look exactly like another
// name (fields.ts's TrimmedText checks these); joiners and variation selectors only where emoji and scripts need them.
import { Schema } from "effect";

/**
 * Never in a name: the soft hyphen, the combining grapheme joiner, the Arabic letter mark, Hangul fillers, Khmer
 * inherent vowels, Mongolian selectors, the zero-width space, directional marks, embeddings, overrides and isolates,
 * word joiners and invisible operators, the Braille blank, the byte-order mark and the tag and selector planes' odd ones.
 */
const NEVER =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each listed character is refused alone, combining or not.
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uFEFF\uFFA0\u{E0000}-\u{E001F}\u{E0080}-\u{E00FF}\u{E01F0}-\u{E0FFF}]/u;

/** An emoji, or a skin tone, that a joiner or a variation selector may follow. */
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]\uFE0F?$/u;
/** A letter or mark of a script that joins its letters (Arabic, Persian, Indic…), where joiners shape them. */
const JOINING = /^[\p{L}\p{M}]$/u;
const NARROW = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;
const joins = (c: string | undefined): boolean => c !== undefined && JOINING.test(c) && !NARROW.test(c);

/**
 * Whether a zero-width joiner or non-joiner stands where it shows nothing: a joiner belongs between emoji (a
 * selector or skin tone before it allowed) or between letters of a joining script, a non-joiner between the latter.
 */
const misplacedJoiner = (s: string): boolean => {
  const chars = [...s];
  return chars.some((c, i) => {
    if (c !== "\u200C" && c !== "\u200D") return false;
    const between = joins(chars[i - 1]) && joins(chars[i + 1]);
    const emoji =
      c === "\u200D" &&
      EMOJI.test(chars.slice(0, i).join("")) &&
      /^\p{Extended_Pictographic}$/u.test(chars[i + 1] ?? "");
    return !between && !emoji;
  });
};

/** A character that is only invisible where it stands: each pattern finds one out of its place. */
const MISPLACED: ReadonlyArray<RegExp> = [
  // A variation selector after anything but an emoji only hides itself.
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u,
  // Tag characters spell a flag after the black flag, nowhere else.
  /(?<![\u{1F3F4}\u{E0020}-\u{E007F}])[\u{E0020}-\u{E007F}]/u,
];

/** Whether `s` holds a character that shows nothing, or that makes it look like another text. */
const hidesSomething = (s: string): boolean =>
  NEVER.test(s) || MISPLACED.some((pattern) => pattern.test(s)) || misplacedJoiner(s);

export const withoutInvisible = Schema.makeFilter((s: string) => !hidesSomething(s), {
  message: "must not contain invisible or direction-changing characters (such as a zero-width space)",
});

/** Every kind of space (no-break, ideographic, thin…) as the one people type, so names that look alike are alike. */
export const plainSpaces = (s: string): string => s.replace(/\p{Zs}/gu, " ");
