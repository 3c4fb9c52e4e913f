/** A committee: what it is, its upcoming meetings (time in the meeting's zone, place,
 * published agenda), subscribe links for its calendar, its recent meetings and the latest
 * approved minutes in the reader's language. */
import { useState } from "preact/hooks";
import { api, type Committee, type Meeting, unwrap } from "../../api/client";
import { CalendarLinks, EventPlace, EventTime, LanguagesOffered, Translated } from "../../components/EventBits";
import { Loaded, useLoad } from "../../components/Status";
import { t, tn } from "../../i18n";
import type { PageProps } from "../../router";
import { AgendaList, CITY_ZONE, dayIn, hasEnded, kindLabel, loadCommittee, loadMinutes, MinutesText, PageHeading, schoolLine } from "./shared";

const UPCOMING_PAGE = 4;
const RECENT_SHOWN = 3;

function meetingsOf(committee: Committee, query: { from?: string; to?: string; page?: number; page_size?: number }) {
  return unwrap(
    api.GET("/api/v1/committees/{id}/meetings/", { params: { path: { id: String(committee.id) }, query } }),
  );
}

function MeetingCard({ meeting, upcoming }: { meeting: Meeting; upcoming: boolean }) {
  return (
    <li class="card meeting-card">
      <h3>
        <a href={`/meetings/${meeting.id}`}>
          <Translated text={meeting.title} translations={meeting.title_translations} />
        </a>
      </h3>
      {meeting.status === "cancelled" && <p class="badge cancelled">{t("meeting.cancelled")}</p>}
      <p>
        <EventTime event={meeting} />
      </p>
      <p>
        <EventPlace event={meeting} />
      </p>
      {upcoming && meeting.agenda.length > 0 && (
        <details class="agenda-details-box">
          <summary>{tn("meeting.agenda_items", meeting.agenda.length)}</summary>
          <AgendaList items={meeting.agenda} />
        </details>
      )}
      {upcoming && meeting.status !== "cancelled" && (
        <p>
          <a href={`/meetings/${meeting.id}`}>{t("meeting.view")}</a>
        </p>
      )}
      {meeting.has_approved_minutes && (
        <p>
          <span class="badge ok">{t("meeting.has_minutes")}</span>{" "}
          <a href={`/meetings/${meeting.id}#minutes`}>{t("meeting.read_minutes")}</a>
        </p>
      )}
    </li>
  );
}

function UpcomingMeetings({ committee }: { committee: Committee }) {
  const [pages, setPages] = useState(1);
  const from = dayIn(committee.timezone || CITY_ZONE);
  const state = useLoad(async () => {
    const all = await Promise.all(
      Array.from({ length: pages }, (_, i) => meetingsOf(committee, { from, page: i + 1, page_size: UPCOMING_PAGE })),
    );
    const fetched = all.flatMap((page) => page.results);
    // The list starts at today's midnight: a meeting already over today is not "coming up".
    const results = fetched.filter((meeting) => !hasEnded(meeting));
    return { total: all[0].count, fetched: fetched.length, count: all[0].count - (fetched.length - results.length), results };
  }, [committee.id, pages]);
  return (
    <section aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading">{t("committee.upcoming")}</h2>
      <Loaded state={state}>
        {(data) =>
          data.results.length === 0 ? (
            <p>{t("committee.no_upcoming")}</p>
          ) : (
            <>
              <p class="muted">{tn("committee.upcoming_count", data.count)}</p>
              <ul class="cards meetings">
                {data.results.map((meeting) => (
                  <MeetingCard key={meeting.id} meeting={meeting} upcoming />
                ))}
              </ul>
              {data.fetched < data.total && (
                <button type="button" class="secondary" onClick={() => setPages(pages + 1)}>
                  {t("committee.more_meetings")}
                </button>
              )}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function LatestMinutes({ meeting }: { meeting: Meeting }) {
  const state = useLoad(() => loadMinutes(meeting.id), [meeting.id]);
  return (
    <section aria-labelledby="latest-minutes-heading">
      <h2 id="latest-minutes-heading">{t("committee.latest_minutes")}</h2>
      <p>
        <a href={`/meetings/${meeting.id}`}>
          <Translated text={meeting.title} translations={meeting.title_translations} />
        </a>
        {", "}
        <EventTime event={meeting} />
      </p>
      <Loaded state={state}>{(minutes) => <MinutesText minutes={minutes} />}</Loaded>
    </section>
  );
}

function RecentMeetings({ committee }: { committee: Committee }) {
  const zone = committee.timezone || CITY_ZONE;
  const state = useLoad(async () => {
    const page = await meetingsOf(committee, { from: dayIn(zone, -366), to: dayIn(zone), page_size: 200 });
    return page.results.filter(hasEnded).reverse();
  }, [committee.id]);
  return (
    <Loaded state={state}>
      {(past) => {
        const withMinutes = past.find((meeting) => meeting.has_approved_minutes);
        return (
          <>
            <section aria-labelledby="recent-heading">
              <h2 id="recent-heading">{t("committee.recent")}</h2>
              {past.length === 0 ? (
                <p>{t("committee.no_recent")}</p>
              ) : (
                <ul class="cards meetings">
                  {past.slice(0, RECENT_SHOWN).map((meeting) => (
                    <MeetingCard key={meeting.id} meeting={meeting} upcoming={false} />
                  ))}
                </ul>
              )}
            </section>
            {withMinutes && <LatestMinutes meeting={withMinutes} />}
          </>
        );
      }}
    </Loaded>
  );
}

function CommitteeBody({ committee }: { committee: Committee }) {
  return (
    <>
      <p class="kind">{kindLabel(committee.kind)}</p>
      <dl class="facts">
        <dt>{t("committee.filter_school")}</dt>
        <dd>{schoolLine(committee.school)}</dd>
        <dt>{t("committee.languages")}</dt>
        <dd>
          <LanguagesOffered codes={committee.languages} />
        </dd>
      </dl>
      {committee.visibility === "members" && <p class="badge">{t("committee.members_only")}</p>}
      {committee.description && (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t("committee.about")}</h2>
          <Translated as="p" text={committee.description} translations={committee.description_translations} />
        </section>
      )}
      <UpcomingMeetings committee={committee} />
      {committee.calendar && (
        <section aria-labelledby="follow-heading">
          <h2 id="follow-heading">{t("committee.follow")}</h2>
          <p>{t("committee.follow_intro")}</p>
          <CalendarLinks links={committee.calendar} subscribe />
        </section>
      )}
      <RecentMeetings committee={committee} />
      <p class="back-link">
        <a href="/committees">{t("committee.all_committees")}</a>
      </p>
    </>
  );
}

export function CommitteePage({ params }: PageProps) {
  const state = useLoad(() => loadCommittee(params.id), [params.id]);
  const committee = state.data;
  return (
    <article class="committee">
      <PageHeading title={committee?.name} fallback={t("committee.heading")}>
        {committee && <Translated text={committee.name} translations={committee.name_translations} />}
      </PageHeading>
      <Loaded state={state}>{(loaded) => <CommitteeBody committee={loaded} />}</Loaded>
    </article>
  );
}
