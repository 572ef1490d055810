// The accept page's catalogs by language: a Record over every supported language, so a language added to
// @gatehouse/contracts without its catalog here is a type error.
import type { Language } from "@gatehouse/contracts";
import type { AcceptTexts } from "./accept-texts.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { sv } from "./sv.ts";

export type { AcceptTexts } from "./accept-texts.ts";

export const acceptTexts: Readonly<Record<Language, AcceptTexts>> = { en, de, es, fr, sv };
