// A moment as a `datetime-local` input shows it, in the browser's time zone: the one conversion every form that
// takes a date and time (a grant's expiry, an operation's schedule) uses.

const pad = (n: number) => String(n).padStart(2, "0");

/** The `datetime-local` value of `at` (to the minute), in the browser's time zone. */
export const localDateTimeValue = (at: Date): string =>
  `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
