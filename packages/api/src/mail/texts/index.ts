// The invitation email's catalogs by language: a Record over every supported language, so adding a language to
// @gatehouse/contracts without writing its catalog is a type error here.
import type { Language } from "@gatehouse/contracts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import type { InvitationTexts } from "./invitation-texts.ts";
import { sv } from "./sv.ts";

export type { InvitationTexts } from "./invitation-texts.ts";

export const invitationTexts: Readonly<Record<Language, InvitationTexts>> = { en, de, es, fr, sv };
