// "Today" and "this month" are the user's local calendar. Views compute them when asked (a new record, a setting),
// so with no request after midnight the status bar kept yesterday's spend as "today" — and a budget's day with it.
// The spend store asks again when the local day ends; this is when.

/** Milliseconds from `now` to the start of the next local day (23 or 25 hours on a DST change day are counted). */
export function msUntilNextLocalDay(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return next.getTime() - now.getTime();
}
