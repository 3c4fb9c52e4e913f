// Reads an iCalendar feed on stdin and prints, as JSON, every VEVENT occurrence ical.js
// (the parser web calendar clients use) sees before the given end, in UTC:
// [{uid, recurrence_id, start, end, status}], recurrence_id null for a plain event.
// Usage: node icaljs_expand.mjs /path/to/ical.js/dist/ical.js 2028-01-01T00:00:00Z
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, until] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(modulePath).href)).default;
const limit = ICAL.Time.fromDateTimeString(until.replace(/Z$/, ""));
limit.zone = ICAL.Timezone.utcTimezone;

const utc = (time) => time.convertToZone(ICAL.Timezone.utcTimezone).toString();
const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
const vevents = calendar.getAllSubcomponents("vevent");
const masters = new Map();
const overrides = [];
for (const vevent of vevents) {
  const event = new ICAL.Event(vevent);
  if (event.isRecurrenceException()) overrides.push(event);
  else masters.set(event.uid, event);
}
for (const override of overrides) masters.get(override.uid)?.relateException(override);

const found = [];
for (const event of masters.values()) {
  if (!event.isRecurring()) {
    found.push({
      uid: event.uid,
      recurrence_id: null,
      start: utc(event.startDate),
      end: utc(event.endDate),
      status: event.component.getFirstPropertyValue("status"),
    });
    continue;
  }
  const iterator = event.iterator();
  for (let next = iterator.next(); next && next.compare(limit) < 0; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    found.push({
      uid: event.uid,
      recurrence_id: utc(details.recurrenceId),
      start: utc(details.startDate),
      end: utc(details.endDate),
      status: details.item.component.getFirstPropertyValue("status"),
    });
  }
}
process.stdout.write(JSON.stringify(found));
