// Dates as the user reads them: in local time, in the user's locale, through Intl
// (issue 11: history printed UTC while stats counted local days).

/** Day and time, local: "Nov 22, 2026, 09:05" (in the user's locale). */
export function dateTime(date: Date | string): string {
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(date));
}

/** A day, local and short: "Nov 22". */
export function shortDate(date: Date | string): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(new Date(date));
}

/** A day with its weekday: "Sun, Nov 22". */
export function weekdayDate(date: Date | string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(date));
}
