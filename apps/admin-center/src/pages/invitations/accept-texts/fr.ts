// The accept page in French.
// Addressed with "vous", like the French invitation email.
import type { AcceptTexts } from "./accept-texts.ts";

export const fr: AcceptTexts = {
  title: "Accepter votre invitation",
  intro: "Choisissez un mot de passe d’au moins 12 caractères pour activer votre compte Gatehouse.",
  nameLabel: "Votre nom",
  namePlaceholder: "Tel que la personne qui vous invite l’a écrit",
  passwordLabel: "Mot de passe",
  passwordRule: "Utilisez au moins 12 caractères",
  confirmLabel: "Confirmer le mot de passe",
  passwordsDiffer: "Les mots de passe ne correspondent pas",
  submit: "Accepter et se connecter",
  toSignIn: "Aller à la connexion",
  notAccepted: "Non acceptée",
  acceptedNotSignedIn: {
    title: "Acceptée, mais non connecté",
    failed: "Votre compte est actif avec le mot de passe choisi, mais la connexion a échoué :",
    next: "Connectez-vous sur la page de connexion avec ce mot de passe.",
  },
  closed: {
    accepted: "Cette invitation a déjà été utilisée. Connectez-vous avec le mot de passe choisi.",
    expired: "Cette invitation a expiré. Demandez à la personne qui vous a invité de la renvoyer.",
    revoked: "Cette invitation a été retirée. Demandez-en une nouvelle à la personne qui vous a invité.",
  },
};
