// The languages Gatehouse writes to an invitee in (the invitation email and the accept page): one list for the API,
// the Admin Center and the collaborators app, so a language offered anywhere has a message catalog everywhere.
import { Schema } from "effect";

/** The language tags, English first (the default). */
export const languageTags = ["en", "de", "es", "fr", "sv"] as const;
export type Language = (typeof languageTags)[number];

/** A supported language tag; anything else is refused naming the choices. */
export const InviteLanguage = Schema.Literals(languageTags).annotate({
  message: `one of ${languageTags.join(", ")}`,
});

/** Each language by its own name, for a language picker. */
export const languageNames: Readonly<Record<Language, string>> = {
  en: "English",
  de: "Deutsch",
  es: "Español",
  fr: "Français",
  sv: "Svenska",
};

/** The picker's choices, in `languageTags` order. */
export const languageChoices: ReadonlyArray<{ readonly value: Language; readonly label: string }> =
  languageTags.map((value) => ({ value, label: languageNames[value] }));

/** Whether `tag` is a supported language. */
export const isLanguage = (tag: string): tag is Language =>
  (languageTags as ReadonlyArray<string>).includes(tag);

/** `tag` when it is a supported language, else English (an invitation stored before the list was fixed). */
export const languageOf = (tag: string): Language => (isLanguage(tag) ? tag : "en");
