// When a Mission Control operation may be scheduled: from a minute in the past (clocks differ; it then runs at once)
// to 90 days ahead. The API's input schema and the run dialog ask this one rule.

/** How far in the past a schedule may lie (a browser's clock behind the server's, or a slow submit). */
export const SCHEDULE_GRACE_MS = 60_000;

/** How far ahead an operation may be scheduled. */
export const SCHEDULE_HORIZON_DAYS = 90;

const horizonMs = SCHEDULE_HORIZON_DAYS * 24 * 60 * 60 * 1000;

/** Why `at` is no schedule at `now` (epoch ms), or undefined when it is one. */
export const scheduleRefusal = (at: Date, now: number): string | undefined => {
  const t = at.getTime();
  if (t < now - SCHEDULE_GRACE_MS) return "must not lie in the past (leave it out to run now)";
  if (t > now + horizonMs) return `must lie within ${SCHEDULE_HORIZON_DAYS} days from now`;
  return undefined;
};
