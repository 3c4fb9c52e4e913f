/** An event: what, when (in the event's zone), where (with a map link), languages offered,
 * seats or waitlist, interpretation and childcare, add to calendar, listen, register. */
import { api, type Event, unwrap } from "../api/client";
import { CalendarLinks, EventPlace, EventTime, LanguagesOffered, Seats, Translated, placeText } from "../components/EventBits";
import { Listen } from "../components/Listen";
import { Loaded, useLoad } from "../components/Status";
import { formatEventTime, t } from "../i18n";
import type { PageProps } from "../router";

export function loadEvent(id: string | number): Promise<Event> {
  return unwrap(api.GET("/api/v1/events/{id}/", { params: { path: { id: String(id) } } }));
}

export function registrationOpen(event: Event): boolean {
  const now = Date.now();
  if (event.status !== "published") return false;
  if (event.registration_opens_at && Date.parse(event.registration_opens_at) > now) return false;
  if (event.registration_closes_at && Date.parse(event.registration_closes_at) < now) return false;
  return Date.parse(event.starts_at) > now;
}

function spokenFacts(event: Event): string {
  return [
    event.title,
    formatEventTime(event.starts_at, event.ends_at, event.timezone || "America/New_York"),
    placeText(event),
  ]
    .filter(Boolean)
    .join(". ");
}

export function EventPage({ params }: PageProps) {
  const state = useLoad(() => loadEvent(params.id), [params.id]);
  return (
    <Loaded state={state}>
      {(event) => (
        <article class="event">
          <Translated as="h1" text={event.title} translations={event.title_translations} />
          <Listen text={spokenFacts(event)} />
          <dl class="facts">
            <dt>{t("event.when")}</dt>
            <dd>
              <EventTime event={event} />
            </dd>
            <dt>{t("event.where")}</dt>
            <dd>
              <EventPlace event={event} withMap />
            </dd>
            <dt>{t("event.languages")}</dt>
            <dd>
              <LanguagesOffered codes={event.languages} />
            </dd>
            <dt>{t("event.seats")}</dt>
            <dd>
              <Seats event={event} />
            </dd>
          </dl>
          {event.description && (
            <Translated as="p" text={event.description} translations={event.description_translations} />
          )}
          <ul class="offers">
            <li>{t("event.interpretation_offer")}</li>
            <li>{t("event.childcare_offer")}</li>
          </ul>
          {registrationOpen(event) ? (
            <a class="button primary" href={`/events/${event.id}/register`}>
              {event.seats_left === 0 ? t("event.join_waitlist") : t("event.register")}
            </a>
          ) : (
            <p class="notice">{t(event.status === "cancelled" ? "event.cancelled_notice" : "event.registration_closed")}</p>
          )}
          <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{t("calendar.add")}</h2>
            <CalendarLinks links={event} />
          </section>
        </article>
      )}
    </Loaded>
  );
}
