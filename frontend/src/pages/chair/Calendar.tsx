/** /chair/committees/:id: a committee's month of meetings (a grid on wider screens, a list
 * always, both from the same answer), the upcoming meetings, and the meetings scheduled or
 * changed inside the public notice period. ?month=YYYY-MM picks the month. */
import type { PageProps } from "../../router";
import { api, unwrap, type Profile } from "../../api/client";
import { PosterLink } from "../../components/PosterLink";
import { Loaded, useLoad } from "../../components/Status";
import { language, t, tn } from "../../i18n";
import { useQuery } from "../../router";
import { LateBadge, StatusBadge, useDesk, ChairGate, DeskLoaded, meetingTime, type Committee, type Meeting } from "./shared";
import { addDays, dayKey, daysInMonth, localDay, localTime, today, weekdayOf } from "../../zone";
import { weekdayName } from "./recurrence";

type Month = { year: number; month: number };

function parseMonth(value: string | null, timeZone: string): Month {
  const found = value && /^(\d{4})-(\d{2})$/.exec(value);
  if (found) return { year: Number(found[1]), month: Number(found[2]) };
  const [year, month] = today(timeZone).split("-").map(Number);
  return { year, month };
}

function shift({ year, month }: Month, by: number): string {
  const index = year * 12 + month - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function monthName({ year, month }: Month): string {
  return new Intl.DateTimeFormat(language().tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

function loadMeetings(committee: number, from: string, to: string, extra: Record<string, string> = {}): Promise<Meeting[]> {
  return unwrap(
    api.GET("/api/v1/committees/{id}/meetings/", {
      params: { path: { id: String(committee) }, query: { from, to, page_size: 200, ...extra } },
    }),
  ).then((page) => page.results);
}

function MeetingLine({ meeting }: { meeting: Meeting }) {
  return (
    <li class={meeting.status === "cancelled" ? "chair-meeting cancelled" : "chair-meeting"}>
      <a href={`/chair/meetings/${meeting.id}`}>{meeting.title}</a> <StatusBadge meeting={meeting} /> <LateBadge meeting={meeting} />
      <span class="chair-when">{meetingTime(meeting)}</span>
    </li>
  );
}

function MonthGrid({ month, byDay, timeZone }: { month: Month; byDay: Map<string, Meeting[]>; timeZone: string }) {
  const first = dayKey(month.year, month.month, 1);
  const start = addDays(first, -weekdayOf(first));
  const last = dayKey(month.year, month.month, daysInMonth(month.year, month.month));
  const weeks: string[][] = [];
  for (let day = start; day <= last; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  }
  const now = today(timeZone);
  return (
    <div class="chair-grid-wrap">
      <table class="chair-grid">
        <caption class="visually-hidden">{monthName(month)}</caption>
        <thead>
          <tr>
            {[0, 1, 2, 3, 4, 5, 6].map((d) => (
              <th key={d} scope="col">
                {weekdayName(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.slice(0, 7) === first.slice(0, 7);
                return (
                  <td key={day} class={[inMonth ? "" : "outside", day === now ? "today" : ""].join(" ")}>
                    <span class="chair-daynum">{Number(day.slice(8))}</span>
                    {inMonth &&
                      (byDay.get(day) ?? []).map((meeting) => (
                        <a
                          key={meeting.id}
                          href={`/chair/meetings/${meeting.id}`}
                          class={meeting.status === "cancelled" ? "chair-chip cancelled" : "chair-chip"}
                        >
                          <bdi>{localTime(meeting.starts_at, timeZone)}</bdi> <bdi>{meeting.title}</bdi>
                          {meeting.status === "cancelled" && <> ({t("chair.status_cancelled")})</>}
                        </a>
                      ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonthView({ committee, month }: { committee: Committee; month: Month }) {
  const zone = committee.timezone;
  const first = dayKey(month.year, month.month, 1);
  const last = dayKey(month.year, month.month, daysInMonth(month.year, month.month));
  // A day either side: the API's days are UTC ones, ours the committee's.
  const meetings = useLoad(
    () => loadMeetings(committee.id, addDays(first, -1), addDays(last, 1)),
    [committee.id, first],
  );
  return (
    <section aria-labelledby="month-heading">
      <div class="chair-month-bar">
        <h2 id="month-heading">{monthName(month)}</h2>
        <a class="button secondary" href={`?month=${shift(month, -1)}`}>
          {t("chair.previous_month")}
        </a>
        <a class="button secondary next" href={`?month=${shift(month, 1)}`}>
          {t("chair.next_month")}
        </a>
      </div>
      <Loaded state={meetings}>
        {(rows) => {
          const inMonth = rows.filter((m) => {
            const day = localDay(m.starts_at, zone);
            return day >= first && day <= last;
          });
          const byDay = new Map<string, Meeting[]>();
          for (const meeting of inMonth) {
            const day = localDay(meeting.starts_at, zone);
            byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
          }
          return (
            <>
              <MonthGrid month={month} byDay={byDay} timeZone={zone} />
              <h3>{tn("chair.month_count", inMonth.length)}</h3>
              {inMonth.length > 0 && (
                <ul class="plain chair-list">
                  {inMonth.map((meeting) => (
                    <MeetingLine key={meeting.id} meeting={meeting} />
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function Upcoming({ committee }: { committee: Committee }) {
  const from = today(committee.timezone);
  const upcoming = useLoad(() => loadMeetings(committee.id, from, addDays(from, 366)), [committee.id]);
  const late = useLoad(
    () =>
      unwrap(
        api.GET("/api/v1/committees/{id}/late-notices/", {
          params: { path: { id: String(committee.id) }, query: { from, page_size: 50 } },
        }),
      ).then((page) => page.results.filter((m) => m.status !== "cancelled")),
    [committee.id],
  );
  return (
    <>
      {late.data && late.data.length > 0 && (
        <section class="notice warning" aria-labelledby="late-heading">
          <h2 id="late-heading">{tn("chair.late_count", late.data.length)}</h2>
          <p>{tn("chair.late_explain", committee.notice_days)}</p>
          <ul class="plain chair-list">
            {late.data.map((meeting) => (
              <MeetingLine key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("chair.upcoming")}</h2>
        <Loaded state={upcoming}>
          {(rows) => {
            const next = rows.filter((m) => new Date(m.ends_at) > new Date()).slice(0, 5);
            return next.length ? (
              <ul class="plain chair-list">
                {next.map((meeting) => (
                  <MeetingLine key={meeting.id} meeting={meeting} />
                ))}
              </ul>
            ) : (
              <p>{t("chair.no_upcoming")}</p>
            );
          }}
        </Loaded>
      </section>
    </>
  );
}

function CalendarDesk({ id, profile }: { id: string; profile: Profile }) {
  const desk = useDesk(id, profile);
  const query = useQuery();
  return (
    <DeskLoaded state={desk} heading={t("chair.calendar_heading")}>
      {({ committee }) => {
        const month = parseMonth(query.get("month"), committee.timezone);
        return (
          <>
            <p class="crumbs">
              <a href="/chair">{t("chair.back_to_committees")}</a>
            </p>
            <h1>{committee.name}</h1>
            <p class="muted">
              {tn("chair.voting_members", committee.voting_members)} · {tn("chair.notice_days", committee.notice_days)}
            </p>
            <p class="actions chair-actions">
              <a class="button" href={`/chair/committees/${committee.id}/meetings/new`}>
                {t("chair.new_meeting")}
              </a>
              <a class="button secondary" href={`/chair/committees/${committee.id}/members`}>
                {t("chair.members")}
              </a>
            </p>
            <Upcoming committee={committee} />
            <MonthView committee={committee} month={month} />
            {committee.school && (committee.can_approve_minutes || profile.roles.includes("organiser")) && (
              // The poster is for the school's staff (chairs and co-chairs here) and organisers.
              <PosterLink school={committee.school} />
            )}
          </>
        );
      }}
    </DeskLoaded>
  );
}

export function ChairCalendarPage({ params }: PageProps) {
  return <ChairGate heading={t("chair.calendar_heading")}>{(profile) => <CalendarDesk id={params.id ?? ""} profile={profile} />}</ChairGate>;
}
