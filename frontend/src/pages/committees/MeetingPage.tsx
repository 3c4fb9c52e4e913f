/** A committee meeting: title, its committee, time in the meeting's zone, place, languages,
 * the published agenda, the approved minutes in the reader's language and, for a meeting
 * still to come, the RSVP form (or a sign-in prompt). */
import { type Meeting } from "../../api/client";
import { EventPlace, EventTime, LanguagesOffered, Translated } from "../../components/EventBits";
import { Loaded, useLoad } from "../../components/Status";
import { formatDate, t } from "../../i18n";
import type { PageProps } from "../../router";
import { RsvpSection } from "./RsvpForm";
import { AgendaList, hasEnded, loadCommittee, loadMeeting, loadMinutes, MinutesText, PageHeading } from "./shared";

/** The committee's name as a link back to it; the meeting stands on its own if the
 * committee does not load. */
function CommitteeFact({ id }: { id: number }) {
  const state = useLoad(() => loadCommittee(id), [id]);
  const committee = state.data;
  if (!committee) return null;
  return (
    <>
      <dt>{t("meeting.committee")}</dt>
      <dd class="meeting-committee">
        <a href={`/committees/${committee.id}`}>
          <Translated text={committee.name} translations={committee.name_translations} />
        </a>
      </dd>
    </>
  );
}

function ApprovedMinutes({ meeting }: { meeting: Meeting }) {
  const state = useLoad(() => loadMinutes(meeting.id), [meeting.id]);
  return (
    <Loaded state={state}>
      {(minutes) => (
        <>
          {minutes.approved_at && (
            <p class="muted">{t("minutes.approved_on", { date: formatDate(minutes.approved_at, meeting.timezone || undefined) })}</p>
          )}
          <MinutesText minutes={minutes} />
          {minutes.amendments.length > 0 && (
            <>
              <h3>{t("minutes.amendments")}</h3>
              <ul class="amendments">
                {minutes.amendments.map((amendment) => (
                  <li key={amendment.id}>
                    <p class="muted">{t("minutes.amended_on", { date: formatDate(amendment.created_at, meeting.timezone || undefined) })}</p>
                    {amendment.reason && <p>{t("minutes.reason", { reason: amendment.reason })}</p>}
                    <MinutesText minutes={amendment} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Loaded>
  );
}

function MeetingBody({ meeting }: { meeting: Meeting }) {
  const ended = hasEnded(meeting);
  const cancelled = meeting.status === "cancelled";
  return (
    <>
      {cancelled && <p class="notice error">{t("meeting.cancelled_notice")}</p>}
      {!cancelled && ended && <p class="notice">{t("meeting.took_place")}</p>}
      {!cancelled && !ended && meeting.late_notice && <p class="notice warning">{t("meeting.late_notice")}</p>}
      <dl class="facts">
        <CommitteeFact id={meeting.committee} />
        <dt>{t("meeting.when")}</dt>
        <dd>
          <EventTime event={meeting} />
        </dd>
        <dt>{t("meeting.where")}</dt>
        <dd>
          <EventPlace event={meeting} withMap />
          {meeting.online_url && (
            <>
              <br />
              <a href={meeting.online_url} rel="noopener" target="_blank">
                {t("meeting.online")}
              </a>
            </>
          )}
        </dd>
        {meeting.languages.length > 0 && <dt>{t("meeting.languages")}</dt>}
        {meeting.languages.length > 0 && (
          <dd>
            <LanguagesOffered codes={meeting.languages} />
          </dd>
        )}
      </dl>
      {meeting.description && (
        <Translated as="p" text={meeting.description} translations={meeting.description_translations} />
      )}
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("meeting.agenda")}</h2>
        {meeting.agenda.length > 0 ? <AgendaList items={meeting.agenda} /> : <p>{t("meeting.no_agenda")}</p>}
      </section>
      {!cancelled && !ended && <RsvpSection meeting={meeting} />}
      {(meeting.has_approved_minutes || ended) && (
        <section aria-labelledby="minutes-heading" id="minutes">
          <h2 id="minutes-heading">{t("minutes.heading")}</h2>
          {meeting.has_approved_minutes ? <ApprovedMinutes meeting={meeting} /> : <p>{t("minutes.none")}</p>}
        </section>
      )}
    </>
  );
}

export function MeetingPage({ params }: PageProps) {
  const state = useLoad(() => loadMeeting(params.id), [params.id]);
  const meeting = state.data;
  return (
    <article class="meeting">
      <PageHeading title={meeting?.title} fallback={t("meeting.heading")}>
        {meeting && <Translated text={meeting.title} translations={meeting.title_translations} />}
      </PageHeading>
      <Loaded state={state}>{(loaded) => <MeetingBody meeting={loaded} />}</Loaded>
    </article>
  );
}
