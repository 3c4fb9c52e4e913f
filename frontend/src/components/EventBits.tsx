/** Pieces every event view shares: its title (marked when shown in English for lack of a
 * translation), time in the event's zone, place with a map link, seats, calendar links. */
import type { Event, Schemas } from "../api/client";
import { formatEventTime, language, languageName, t, tn } from "../i18n";

type Translated = { [key: string]: string } | null | undefined;

/** Whether text shown to this reader is the English fallback. */
export function isFallback(translations: unknown): boolean {
  const code = language().code;
  if (code === "en") return false;
  const available = (translations ?? {}) as Translated;
  return !available?.[code] && !available?.[code.split("-")[0]];
}

/** Text from the API, with lang="en" and a marker when it is the English fallback. */
export function Translated({ text, translations, as: Tag = "span" }: { text: string; translations: unknown; as?: "span" | "p" | "h1" | "h2" | "h3" }) {
  if (!isFallback(translations)) return <Tag>{text}</Tag>;
  return (
    <Tag>
      <span lang="en" dir="ltr">{text}</span> <small class="fallback">{t("common.in_english")}</small>
    </Tag>
  );
}

export function EventTime({ event }: { event: Pick<Event, "starts_at" | "ends_at" | "timezone"> }) {
  const zone = event.timezone || "America/New_York";
  return <time dateTime={event.starts_at}>{formatEventTime(event.starts_at, event.ends_at, zone)}</time>;
}

type Place = {
  school?: Schemas["EventPlaceSchool"] | null;
  address?: string;
  room?: string;
  online_url?: string;
};

export function placeText(event: Place): string {
  return [event.school?.name, event.room, event.address || event.school?.address].filter(Boolean).join(", ");
}

export function EventPlace({ event, withMap = false }: { event: Place; withMap?: boolean }) {
  const address = event.address || event.school?.address || "";
  const text = placeText(event);
  return (
    <span class="place">
      {text && <span>{text}</span>}
      {withMap && address && (
        <>
          {" "}
          <a href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`} rel="noopener" target="_blank">
            {t("event.map")}
          </a>
        </>
      )}
      {event.online_url && (
        <>
          {text && " · "}
          {t("event.online")}
        </>
      )}
    </span>
  );
}

export function Seats({ event }: { event: Pick<Event, "capacity" | "seats_left" | "waitlist_length" | "status"> }) {
  if (event.status === "cancelled") return <strong class="badge cancelled">{t("event.cancelled")}</strong>;
  if (event.seats_left === null || event.seats_left === undefined) return <span class="badge">{t("event.open_seats")}</span>;
  if (event.seats_left > 0) return <span class="badge ok">{tn("event.seats_left", event.seats_left)}</span>;
  return <span class="badge full">{tn("event.full_waitlist", event.waitlist_length)}</span>;
}

export function LanguagesOffered({ codes }: { codes: readonly string[] }) {
  if (!codes.length) return null;
  return (
    <ul class="chips" aria-label={t("event.languages")}>
      {codes.map((code) => (
        <li key={code}>{languageName(code)}</li>
      ))}
    </ul>
  );
}

type Links = Pick<Event, "ics_url" | "webcal_url" | "google_calendar_url" | "outlook_calendar_url">;

/** Add to calendar. The .ics link is made relative, so it works on whatever address the
 * page was opened. */
export function CalendarLinks({ links, subscribe = false }: { links: Links; subscribe?: boolean }) {
  const ics = new URL(links.ics_url, window.location.href);
  return (
    <ul class="calendar-links">
      <li>
        <a href={ics.pathname + ics.search} download>
          {t(subscribe ? "calendar.download_feed" : "calendar.download")}
        </a>
      </li>
      <li>
        <a href={links.webcal_url}>{t("calendar.subscribe")}</a>
      </li>
      <li>
        <a href={links.google_calendar_url} rel="noopener" target="_blank">
          {t("calendar.google")}
        </a>
      </li>
      <li>
        <a href={links.outlook_calendar_url} rel="noopener" target="_blank">
          {t("calendar.outlook")}
        </a>
      </li>
    </ul>
  );
}
