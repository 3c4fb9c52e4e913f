/** The human recurrence builder's rule: "every 2 weeks on Monday and Thursday", "every
 * month on the 2nd Tuesday", until a date or N times. It becomes an RFC 5545 RRULE for the
 * API, a sentence in the reader's language, and the dates of the next meetings (expanded
 * here on calendar days; the time is the same wall-clock time in the committee's zone, as
 * the API expands it). */
import { formatNumber, language, t, tn } from "../../i18n";
import { addDays, daysInMonth, dayKey, parseDay, weekdayOf } from "../../zone";

export const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
/** 1st … 4th, and -1 for the last. */
export const NTHS = [1, 2, 3, 4, -1] as const;

export type Rule = {
  freq: "WEEKLY" | "MONTHLY";
  interval: number;
  /** Weekly: the days (0 = Monday). */
  days: number[];
  /** Monthly: by a day of the month ("day") or by a weekday ("nth"). */
  monthly: "day" | "nth";
  monthDay: number;
  nth: number;
  weekday: number;
  end: "count" | "until";
  count: number;
  until: string;
};

/** Which of its month's weekdays ``day`` is (1..4, or -1 for the last when it is the 5th). */
export function nthOf(day: string): number {
  const n = Math.ceil(parseDay(day).getUTCDate() / 7);
  return n > 4 ? -1 : n;
}

/** A rule to start from: monthly on the start day's weekday ("the 2nd Tuesday"). */
export function defaultRule(start: string): Rule {
  return {
    freq: "MONTHLY",
    interval: 1,
    days: [weekdayOf(start)],
    monthly: "nth",
    monthDay: parseDay(start).getUTCDate(),
    nth: nthOf(start),
    weekday: weekdayOf(start),
    end: "count",
    count: 10,
    until: "",
  };
}

export function toRRule(rule: Rule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  // In the order the API writes its rules: FREQ, INTERVAL, COUNT or UNTIL, BYDAY, BYMONTHDAY.
  if (rule.end === "count") parts.push(`COUNT=${rule.count}`);
  else if (rule.until) parts.push(`UNTIL=${rule.until.replace(/-/g, "")}`);
  if (rule.freq === "WEEKLY") {
    parts.push(`BYDAY=${[...rule.days].sort().map((d) => BYDAY[d]).join(",")}`);
  } else if (rule.monthly === "day") {
    parts.push(`BYMONTHDAY=${rule.monthDay}`);
  } else {
    parts.push(`BYDAY=${rule.nth}${BYDAY[rule.weekday]}`);
  }
  return parts.join(";");
}

/** What is missing before the rule can be used, as a message (or null). */
export function ruleProblem(rule: Rule): string | null {
  if (!(rule.interval >= 1)) return t("chair.rule_problem_interval");
  if (rule.freq === "WEEKLY" && rule.days.length === 0) return t("chair.rule_problem_days");
  if (rule.end === "count" && !(rule.count >= 1)) return t("chair.rule_problem_count");
  if (rule.end === "until" && !rule.until) return t("chair.rule_problem_until");
  return null;
}

/** A weekday's name in the reader's language (0 = Monday). */
export function weekdayName(weekday: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language().tag, { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, 1 + weekday)),
  );
}

function list(items: string[]): string {
  return new Intl.ListFormat(language().tag, { style: "long", type: "conjunction" }).format(items);
}

function dayName(day: string): string {
  return new Intl.DateTimeFormat(language().tag, { dateStyle: "long", timeZone: "UTC" }).format(parseDay(day));
}

/** The rule in words: "Every month on the second Tuesday, 10 times". */
export function describe(rule: Rule): string {
  let repeat: string;
  if (rule.freq === "WEEKLY") {
    const days = list([...rule.days].sort().map(weekdayName));
    repeat = tn("chair.rule_weekly", rule.interval, { days });
  } else if (rule.monthly === "day") {
    repeat = tn("chair.rule_monthly_day", rule.interval, { day: formatNumber(rule.monthDay) });
  } else {
    repeat = tn("chair.rule_monthly_nth", rule.interval, {
      nth: t(`chair.nth.${rule.nth === -1 ? "last" : rule.nth}`),
      weekday: weekdayName(rule.weekday),
    });
  }
  if (rule.end === "count") return tn("chair.rule_count", rule.count, { repeat });
  return rule.until ? t("chair.rule_until", { repeat, date: dayName(rule.until) }) : repeat;
}

function monthMatches(rule: Rule, year: number, month: number): string[] {
  const last = daysInMonth(year, month);
  if (rule.monthly === "day") return rule.monthDay <= last ? [dayKey(year, month, rule.monthDay)] : [];
  const first = dayKey(year, month, 1);
  const offset = (rule.weekday - weekdayOf(first) + 7) % 7;
  const candidates: string[] = [];
  for (let date = 1 + offset; date <= last; date += 7) candidates.push(dayKey(year, month, date));
  const pick = rule.nth === -1 ? candidates[candidates.length - 1] : candidates[rule.nth - 1];
  return pick ? [pick] : [];
}

/** The meeting days of ``rule`` from ``start`` on (the start counts only when it
 * matches), at most ``limit`` of them and no more than the rule's COUNT or UNTIL. */
export function occurrences(rule: Rule, start: string, limit: number): string[] {
  if (ruleProblem(rule) || !start) return [];
  const max = Math.min(limit, rule.end === "count" ? rule.count : limit);
  const until = rule.end === "until" ? rule.until : "9999-12-31";
  const found: string[] = [];
  if (rule.freq === "WEEKLY") {
    const weekStart = addDays(start, -weekdayOf(start));
    for (let week = 0; found.length < max && week < 520; week += rule.interval) {
      for (const weekday of [...rule.days].sort()) {
        const day = addDays(weekStart, week * 7 + weekday);
        if (day < start) continue;
        if (day > until || found.length >= max) return found;
        found.push(day);
      }
    }
    return found;
  }
  const [year, month] = start.split("-").map(Number);
  for (let step = 0; found.length < max && step < 240; step += rule.interval) {
    const index = year * 12 + (month - 1) + step;
    for (const day of monthMatches(rule, Math.floor(index / 12), (index % 12) + 1)) {
      if (day < start) continue;
      if (day > until) return found;
      found.push(day);
    }
  }
  return found;
}
