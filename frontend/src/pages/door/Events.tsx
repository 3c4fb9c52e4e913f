/** Which door: the events from today on, soonest first, to open the check-in screen of. */
import { api, type Event, unwrap } from "../../api/client";
import { EventPlace, EventTime, Translated } from "../../components/EventBits";
import { Loaded, MoreButton, usePaged } from "../../components/Status";
import { t } from "../../i18n";
import { SignedIn } from "../account/shared";
import { DOOR_ROLES } from "./shared";

const PAGE_SIZE = 20;

function startOfToday(): string {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return today.toISOString();
}

function isToday(event: Event): boolean {
  const day = (value: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: event.timezone || "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(value);
  return day(new Date(event.starts_at)) === day(new Date());
}

function Events() {
  const paged = usePaged(
    (page) =>
      unwrap(
        api.GET("/api/v1/events/", {
          params: { query: { status: "published", check_in: true, starts_after: startOfToday(), page, page_size: PAGE_SIZE } },
        }),
      ),
    [],
  );
  return (
    <Loaded state={paged.state}>
      {(data) =>
        data.results.length ? (
          <>
            <ul class="cards single door-events">
              {data.results.map((event) => (
                <li key={event.id} class="card">
                  <h2>
                    <a href={`/door/${event.id}`}>
                      <Translated text={event.title} translations={event.title_translations} />
                    </a>
                  </h2>
                  {isToday(event) && <p class="badge ok">{t("door.today")}</p>}
                  <p>
                    <EventTime event={event} />
                  </p>
                  <p>
                    <EventPlace event={event} />
                  </p>
                </li>
              ))}
            </ul>
            <MoreButton paged={paged} label={t("door.more_events")} />
          </>
        ) : (
          <p>{t("door.no_events")}</p>
        )
      }
    </Loaded>
  );
}

export function DoorEventsPage() {
  return (
    <SignedIn heading={t("door.heading")} roles={DOOR_ROLES}>
      {() => (
        <>
          <h1>{t("door.heading")}</h1>
          <p class="lead">{t("door.pick_intro")}</p>
          <Events />
        </>
      )}
    </SignedIn>
  );
}
