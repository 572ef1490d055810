// The invitation email in Spanish.
// Addressed with "usted", as business software in Spanish usually is.
import type { InvitationTexts } from "./invitation-texts.ts";

export const es: InvitationTexts = {
  subject: (org) => `Invitación a ${org} en Gatehouse`,
  greeting: (name) => `Hola, ${name}:`,
  invited: (org, inviter) =>
    inviter === undefined
      ? `Le invitamos a administrar ${org} en Gatehouse.`
      : `${inviter} le ha invitado a ${org} en Gatehouse.`,
  action: "Abra este enlace para elegir una contraseña y activar su cuenta:",
  expires: (date) => `El enlace funciona una sola vez y caduca el ${date}.`,
  unexpected: "Si no esperaba esta invitación, puede ignorar este correo.",
};
