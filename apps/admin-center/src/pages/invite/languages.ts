// The languages an invitation can be sent in (the invitee's interface language), as BCP 47 tags with names.
export const languages: ReadonlyArray<{ readonly value: string; readonly label: string }> = [
  { value: "en", label: "English" },
  { value: "de", label: "Deutsch" },
  { value: "es", label: "Español" },
  { value: "fr", label: "Français" },
  { value: "it", label: "Italiano" },
  { value: "ja", label: "日本語" },
  { value: "nl", label: "Nederlands" },
  { value: "pt-BR", label: "Português (Brasil)" },
  { value: "sv", label: "Svenska" },
];
