// Dates as the user reads them: in local time, in the user's locale, through Intl
// (issue 11: history printed UTC while stats counted local days).

// A formatter costs far more to make than to use (`coach stats` formats a date per
// mock): each is made once per time zone (TZ can change within a process, as in tests).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${name}\u0000${process.env['TZ'] ?? ''}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(undefined, options)));
  return f;
}

/** Day and time, local: "Nov 22, 2026, 09:05" (in the user's locale). */
export function dateTime(date: Date | string): string {
  return formatter('dateTime', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(date));
}

/** A day, local and short: "Nov 22". */
export function shortDate(date: Date | string): string {
  return formatter('short', { month: 'short', day: 'numeric' }).format(new Date(date));
}

/** A day with its weekday: "Sun, Nov 22". */
export function weekdayDate(date: Date | string): string {
  return formatter('weekday', { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(date));
}
