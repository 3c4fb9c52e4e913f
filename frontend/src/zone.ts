/** Wall-clock dates and times in a named time zone (a committee's, a summit's, the
 * roster's), without a library: Intl gives a moment's local parts and its offset; a local date and time become an ISO
 * string with the offset the zone has then. Calendar days are "YYYY-MM-DD" strings. */

export type Parts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment's wall-clock parts in ``timeZone`` (weekday 0 = Monday). */
export function localParts(moment: Date, timeZone: string): Parts {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    partsFormats.set(timeZone, format);
  }
  const out: Record<string, string> = {};
  for (const part of format.formatToParts(moment)) out[part.type] = part.value;
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    weekday: weekdays.indexOf(out.weekday),
  };
}

function pad(value: number, size = 2): string {
  return String(value).padStart(size, "0");
}

export function dayKey(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The local calendar day ("YYYY-MM-DD") of an ISO moment in ``timeZone``. */
export function localDay(iso: string | Date, timeZone: string): string {
  const p = localParts(typeof iso === "string" ? new Date(iso) : iso, timeZone);
  return dayKey(p.year, p.month, p.day);
}

/** The local wall-clock time ("HH:MM") of an ISO moment in ``timeZone``. */
export function localTime(iso: string, timeZone: string): string {
  const p = localParts(new Date(iso), timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Minutes the zone is ahead of UTC at ``moment``. */
function offsetMinutes(moment: number, timeZone: string): number {
  const p = localParts(new Date(moment), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(moment / 60000) * 60000) / 60000);
}

/** A local date and time in ``timeZone`` as an ISO string with its offset
 * ("2027-01-12T18:00:00-05:00"). */
export function zonedIso(day: string, time: string, timeZone: string): string {
  const [year, month, date] = day.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  let offset = offsetMinutes(wall, timeZone);
  const second = offsetMinutes(wall - offset * 60000, timeZone);
  if (second !== offset) offset = second;
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${day}T${pad(hour)}:${pad(minute)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Days are counted on a UTC calendar so that adding never crosses a DST change. */
export function parseDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

export function formatDay(date: Date): string {
  return dayKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDay(date);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(day: string): number {
  return (parseDay(day).getUTCDay() + 6) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today in ``timeZone``. */
export function today(timeZone: string): string {
  return localDay(new Date(), timeZone);
}
