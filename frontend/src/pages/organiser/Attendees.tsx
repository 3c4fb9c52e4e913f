/** A session's registrations for its organisers: filtered by status, need and language,
 * a page at a time, with a CSV export of the same filters. Every export is logged by the
 * API, and the page says so before the button; the log itself is the last section. */
import { useEffect, useState } from "preact/hooks";
import { api, type Registration, type Schemas, unwrap } from "../../api/client";
import { SelectFilter, useLanguageOptions } from "../../components/Filters";
import { SpokenCode } from "../../components/Pass";
import { PosterLink } from "../../components/PosterLink";
import { PrintFlyer } from "../../components/PrintFlyer";
import { type ListPage, Loaded, MoreButton, useLoad, usePaged } from "../../components/Status";
import { formatDateTime, formatEventTime, formatNumber, t, tn, tx } from "../../i18n";
import type { PageProps } from "../../router";
import { Fact, StatusText, WaitlistPosition } from "../account/shared";
import { AccessLogSection } from "./AccessLog";
import { OrganiserOnly, useLanguageNames } from "./shared";

type Session = Schemas["Session"];
type Status = NonNullable<Registration["status"]>;
type Need = "interpreter" | "childcare" | "accessibility";
type Filters = { status: "" | Status; needs: "" | Need; language: string };

const STATUSES: Status[] = ["confirmed", "waitlisted", "checked_in", "cancelled", "declined"];
const NEEDS: Need[] = ["interpreter", "childcare", "accessibility"];
const PAGE_SIZE = 25;

function query(filters: Filters) {
  return {
    status: filters.status || undefined,
    needs: filters.needs ? [filters.needs] : undefined,
    language: filters.language || undefined,
  };
}

function loadPage(event: number, filters: Filters, page: number): Promise<ListPage<Registration>> {
  return unwrap(
    api.GET("/api/v1/events/{id}/registrations/", {
      params: { path: { id: String(event) }, query: { ...query(filters), page, page_size: PAGE_SIZE } },
    }),
  );
}

/** The export's address with the same filters as the list. */
function exportHref(event: number, filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.needs) params.set("needs", filters.needs);
  if (filters.language) params.set("language", filters.language);
  const search = params.toString();
  return `/api/v1/events/${event}/registrations/export/${search ? `?${search}` : ""}`;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function AttendeeCard({ registration, name }: { registration: Registration; name: (code: string) => string }) {
  const childcare = asList(registration.childcare_ages);
  const access = asList(registration.accessibility);
  return (
    <li class="card registration">
      <h3>{registration.name}</h3>
      <dl class="facts">
        <Fact label={t("account.status_label")}>
          <StatusText status={registration.status} />
          {registration.status === "waitlisted" && (
            <>
              {" "}
              <WaitlistPosition position={registration.waitlist_position} />
            </>
          )}
        </Fact>
        <Fact label={t("pass.party")}>
          {tx("pass.party_value", { adults: formatNumber(registration.adults), children: formatNumber(registration.children) })}
        </Fact>
        <Fact label={t("organiser.attendee_language")}>{name(registration.preferred_language)}</Fact>
        {registration.interpreter_language && (
          <Fact label={t("organiser.attendee_interpreter")}>{name(registration.interpreter_language)}</Fact>
        )}
        {childcare.length > 0 && <Fact label={t("organiser.attendee_childcare")}>{tn("organiser.children", childcare.length)}</Fact>}
        {(access.length > 0 || registration.accessibility_notes) && (
          <Fact label={t("register.accessibility")}>
            {[...access.map((need) => t(`need.${need}`)), registration.accessibility_notes].filter(Boolean).join(" · ")}
          </Fact>
        )}
        {(registration.phone || registration.email) && (
          <Fact label={t("cbo.contact")}>
            <bdi dir="ltr">{registration.phone || registration.email}</bdi>
          </Fact>
        )}
        {registration.organization_name && <Fact label={t("organiser.attendee_organization")}>{registration.organization_name}</Fact>}
        <Fact label={t("cbo.code_label")}>
          <SpokenCode code={registration.pass_code} />
        </Fact>
        <Fact label={t("cbo.registered_on")}>
          <time dateTime={registration.created_at}>{formatDateTime(registration.created_at, registration.event_timezone)}</time>
        </Fact>
      </dl>
    </li>
  );
}

function FilterForm({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const languages = useLanguageOptions();
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-labelledby="attendee-filters">
      <h2 id="attendee-filters">{t("organiser.filters")}</h2>
      <div class="filter-grid">
        <SelectFilter
          name="status"
          label={t("organiser.filter_status")}
          any={t("organiser.any_status")}
          value={filters.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`account.status.${s}`) }))}
          onChange={(value) => onChange({ ...filters, status: value as Filters["status"] })}
        />
        <SelectFilter
          name="needs"
          label={t("organiser.filter_needs")}
          any={t("organiser.any_need")}
          value={filters.needs}
          options={NEEDS.map((n) => ({ value: n, label: t(`organiser.need.${n}`) }))}
          onChange={(value) => onChange({ ...filters, needs: value as Filters["needs"] })}
        />
        <SelectFilter
          name="language"
          label={t("organiser.filter_language")}
          any={t("organiser.any_language")}
          value={filters.language}
          options={languages}
          onChange={(value) => onChange({ ...filters, language: value })}
        />
      </div>
    </form>
  );
}

/** One filtered list. Keyed by its filters, so a slow answer for filters no longer chosen
 * lands in a list that is gone instead of replacing the newer one. */
function Results({ event, filters, onCount }: { event: number; filters: Filters; onCount: (count: number | null) => void }) {
  const paged = usePaged((page) => loadPage(event, filters, page), []);
  const name = useLanguageNames();
  const count = paged.state.loading ? null : (paged.state.data?.count ?? null);
  useEffect(() => onCount(count), [count]);
  return (
    <Loaded state={paged.state}>
      {({ results }) =>
        results.length ? (
          <>
            <ul class="cards single">
              {results.map((registration) => (
                <AttendeeCard key={registration.id} registration={registration} name={name} />
              ))}
            </ul>
            <MoreButton paged={paged} label={t("organiser.show_more")} />
          </>
        ) : (
          <p>{t("organiser.no_registrations")}</p>
        )
      }
    </Loaded>
  );
}

function Attendees({ session }: { session: Session }) {
  const event = session.event;
  const [filters, setFilters] = useState<Filters>({ status: "", needs: "", language: "" });
  const [count, setCount] = useState<number | null>(null);
  return (
    <>
      <h1>{t("organiser.attendees_heading", { title: event.title })}</h1>
      <p class="crumbs">
        <a href={`/organiser/summits/${session.summit}`}>{t("organiser.back_to_dashboard")}</a>
      </p>
      <p>{formatEventTime(event.starts_at, event.ends_at, event.timezone ?? "America/New_York")}</p>
      <FilterForm filters={filters} onChange={setFilters} />

      <section class="export" aria-labelledby="export-heading">
        <h2 id="export-heading">{t("organiser.export_heading")}</h2>
        <p class="notice warning" id="export-notice">
          {t("organiser.export_logged")}
        </p>
        <p>
          <a class="button secondary" href={exportHref(event.id, filters)} download aria-describedby="export-notice">
            {t("organiser.export_button")}
          </a>
        </p>
      </section>

      <PrintFlyer event={event.id} />
      {event.school && <PosterLink school={event.school} />}

      <section aria-labelledby="attendee-list">
        <h2 id="attendee-list">{t("organiser.registrations")}</h2>
        <p role="status" class="muted">
          {count === null ? "" : tn("organiser.registrations_count", count)}
        </p>
        <Results key={exportHref(event.id, filters)} event={event.id} filters={filters} onCount={setCount} />
      </section>

      <AccessLogSection event={event.id} zone={event.timezone ?? "America/New_York"} />
    </>
  );
}

function SessionAttendees({ id }: { id: string }) {
  const session = useLoad(() => unwrap(api.GET("/api/v1/sessions/{id}/", { params: { path: { id } } })), [id]);
  if (session.data) return <Attendees session={session.data} />;
  return (
    <>
      <h1>{t("organiser.attendees_heading_plain")}</h1>
      <Loaded state={session}>{() => null}</Loaded>
    </>
  );
}

export function OrganiserAttendeesPage({ params }: PageProps) {
  return <OrganiserOnly heading={t("organiser.attendees_heading_plain")}>{() => <SessionAttendees id={params.id} />}</OrganiserOnly>;
}
