/** A calendar date, `YYYY-MM-DD`, with no time zone: exam days, deadlines, certificate dates. */
export type CivilDate = string;

function parts(date: CivilDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function format(y: number, m: number, d: number): CivilDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Months later on the same day, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return format(year, month, Math.min(d, lastDay));
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The civil date of an instant in a time zone (the caller's center's, for "today"). */
export function civilDateOf(instant: Date, timeZone = 'UTC'): CivilDate {
  return dayFormat(timeZone).format(instant);
}

// Building a formatter costs far more than using one (the reminder sweep asks thousands of times a second).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

export const earliest = (dates: CivilDate[]): CivilDate | null => (dates.length ? [...dates].sort()[0] : null);
export const latest = (dates: CivilDate[]): CivilDate | null => (dates.length ? [...dates].sort().reverse()[0] : null);
