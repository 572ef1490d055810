// The accept page in Spanish.
// Addressed with "usted", like the Spanish invitation email.
import type { AcceptTexts } from "./accept-texts.ts";

export const es: AcceptTexts = {
  title: "Aceptar la invitación",
  intro: "Elija una contraseña de al menos 12 caracteres para activar su cuenta de Gatehouse.",
  nameLabel: "Su nombre",
  namePlaceholder: "Tal como lo escribió quien le invitó",
  passwordLabel: "Contraseña",
  passwordRule: "Use al menos 12 caracteres",
  confirmLabel: "Confirmar contraseña",
  passwordsDiffer: "Las contraseñas no coinciden",
  submit: "Aceptar e iniciar sesión",
  toSignIn: "Ir al inicio de sesión",
  notAccepted: "No aceptada",
  acceptedNotSignedIn: {
    title: "Aceptada, pero sin iniciar sesión",
    failed: "Tu cuenta está activa con la contraseña que elegiste, pero el inicio de sesión falló:",
    next: "Inicia sesión en la página de inicio de sesión con esa contraseña.",
  },
  closed: {
    accepted: "Esta invitación ya se usó. Inicie sesión con la contraseña que eligió.",
    expired: "Esta invitación ha caducado. Pida a quien le invitó que la envíe de nuevo.",
    revoked: "Esta invitación fue retirada. Pida una nueva a quien le invitó.",
  },
};
