/** What the committees pages share: loaders, the committee's kind and school in words, the
 * date a meeting filter wants, minutes text, and a heading present from the first frame. */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { api, type Committee, type Meeting, type Schemas, unwrap } from "../../api/client";
import { isFallback, Translated } from "../../components/EventBits";
import { t, tn } from "../../i18n";

export type Minutes = Schemas["Minutes"];
type School = Schemas["EventPlaceSchool"];

export const CITY_ZONE = "America/New_York";

export function loadCommittee(id: string | number): Promise<Committee> {
  return unwrap(api.GET("/api/v1/committees/{id}/", { params: { path: { id: String(id) } } }));
}

export function loadMeeting(id: string | number): Promise<Meeting> {
  return unwrap(api.GET("/api/v1/meetings/{id}/", { params: { path: { id: String(id) } } }));
}

export function loadMinutes(meetingId: number): Promise<Minutes> {
  return unwrap(api.GET("/api/v1/meetings/{id}/minutes/", { params: { path: { id: String(meetingId) } } }));
}

/** A day as the meeting filters take it (YYYY-MM-DD), in the committee's time zone. */
export function dayIn(zone: string, offsetDays = 0): string {
  const when = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(when);
}

export function hasEnded(meeting: Pick<Meeting, "ends_at">): boolean {
  return Date.parse(meeting.ends_at) <= Date.now();
}

export function kindLabel(kind: Committee["kind"]): string {
  return t(`committee.kind.${kind}`);
}

/** "P.S. 19, Queens", or "All New York City schools" for the citywide committee. */
export function schoolLine(school: School | null | undefined): string {
  if (!school) return t("committee.citywide");
  const borough = school.borough ? t(`borough.${school.borough}`) : "";
  return borough ? t("committee.school_borough", { school: school.name, borough }) : school.name;
}

/** The page's one <h1>: there from the first frame (with a general title while loading), so
 * focus lands on it at once and stays on the same element when the real title arrives;
 * the document is named after the real title. */
export function PageHeading({ title, children, fallback }: { title?: string; children?: ComponentChildren; fallback: string }) {
  useEffect(() => {
    if (title) document.title = `${title} · Open Doors`;
  }, [title]);
  return <h1>{title ? children ?? title : fallback}</h1>;
}

/** Approved minutes in the reader's language (the API picks it), as paragraphs, marked
 * when they are the English fallback. */
export function MinutesText({ minutes }: { minutes: Pick<Minutes, "text" | "text_translations"> }) {
  const fallback = isFallback(minutes.text_translations);
  const blocks = minutes.text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <div class="minutes-text">
      {fallback && <p class="fallback">{t("common.in_english")}</p>}
      <div lang={fallback ? "en" : undefined}>
        {blocks.map((block, i) => (
          <p key={i} dir="auto">
            {block}
          </p>
        ))}
      </div>
    </div>
  );
}

/** A published agenda, in order, with who presents and for how long. */
export function AgendaList({ items }: { items: readonly Schemas["AgendaItem"][] }) {
  return (
    <ol class="agenda">
      {items.map((item) => {
        const details = [
          item.presenter ? t("meeting.presenter", { name: item.presenter }) : "",
          item.minutes ? tn("meeting.agenda_minutes", item.minutes) : "",
        ].filter(Boolean);
        return (
          <li key={item.id}>
            <Translated text={item.title} translations={item.title_translations} />
            {details.length > 0 && (
              <>
                {" "}
                <span class="agenda-details">{details.join(" · ")}</span>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
