/** Home: the safe-zone statement and what is coming up, filterable by language offered,
 * borough, school and date. The filters live in the address (?language=bn&borough=K), so a
 * CBO can hand out a link to "Bangla events in Brooklyn". On a first visit the list is "in
 * my language" when there are events in it. */
import { useEffect, useState } from "preact/hooks";
import { api, type Event, unwrap } from "../api/client";
import { SelectFilter, boroughOptions, useLanguageOptions, useSchoolOptions } from "../components/Filters";
import { EventPlace, EventTime, LanguagesOffered, Seats, Translated } from "../components/EventBits";
import { SafeZone } from "../components/SafeZone";
import { Loaded, MoreButton, usePaged } from "../components/Status";
import { language, languageName, t, tn } from "../i18n";
import { navigate, useQuery } from "../router";

const FILTERS = ["language", "borough", "school", "from", "to"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const CITY_ZONE = "America/New_York";

/** The UTC offset New York has on a day ("-04:00" in summer, "-05:00" in winter). */
function cityOffset(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat("en-US", { timeZone: CITY_ZONE, timeZoneName: "longOffset" })
    .formatToParts(noon)
    .find((part) => part.type === "timeZoneName")?.value;
  return name?.replace("GMT", "") || "-05:00";
}

function startOfDay(date: string, end = false): string {
  // A date typed in the filter is a New York day: the summit and the schools are there.
  return `${date}T${end ? "23:59:59" : "00:00:00"}${cityOffset(date)}`;
}

async function loadEvents(filters: Filters, page: number) {
  return unwrap(
    api.GET("/api/v1/events/", {
      params: {
        query: {
          status: "published",
          starts_after: filters.from ? startOfDay(filters.from) : new Date().toISOString(),
          starts_before: filters.to ? startOfDay(filters.to, true) : undefined,
          language: filters.language || undefined,
          borough: filters.borough || undefined,
          school: filters.school ? Number(filters.school) : undefined,
          page,
          page_size: 20,
        },
      },
    }),
  );
}

function EventCard({ event }: { event: Event }) {
  return (
    <li class="card">
      <h3>
        <a href={`/events/${event.id}`}>
          <Translated text={event.title} translations={event.title_translations} />
        </a>
      </h3>
      <p class="kind">{t(event.kind === "meeting" ? "event.kind_meeting" : "event.kind_session")}</p>
      <p>
        <EventTime event={event} />
      </p>
      <p>
        <EventPlace event={event} />
      </p>
      <LanguagesOffered codes={event.languages} />
      <Seats event={event} />
    </li>
  );
}

function FilterForm({ filters }: { filters: Filters }) {
  const languages = useLanguageOptions();
  const schools = useSchoolOptions(filters.borough ?? "");
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? "");
      if (value) query.set(name, value);
    }
    query.set("filtered", "1");
    navigate(`/?${query}`);
  };
  return (
    <form class="filters" onSubmit={apply} aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t("home.filters")}</h2>
      <div class="filter-grid">
        <SelectFilter name="language" label={t("home.filter_language")} any={t("home.any_language")} value={filters.language ?? ""} options={languages} />
        <SelectFilter name="borough" label={t("home.filter_borough")} any={t("home.any_borough")} value={filters.borough ?? ""} options={boroughOptions()} />
        <SelectFilter name="school" label={t("home.filter_school")} any={t("home.any_school")} value={filters.school ?? ""} options={schools} />
        <div class="field">
          <label for="filter-from">{t("home.filter_from")}</label>
          <input id="filter-from" name="from" type="date" value={filters.from ?? ""} />
        </div>
        <div class="field">
          <label for="filter-to">{t("home.filter_to")}</label>
          <input id="filter-to" name="to" type="date" value={filters.to ?? ""} />
        </div>
      </div>
      <div class="actions">
        <button type="submit">{t("home.apply")}</button>
        <a href="/?filtered=1" class="button secondary">
          {t("home.clear")}
        </a>
      </div>
    </form>
  );
}

export function HomePage() {
  const query = useQuery();
  const [filters, setFilters] = useState<Filters | null>(null);

  useEffect(() => {
    const given: Filters = {};
    for (const name of FILTERS) {
      const value = query.get(name);
      if (value) given[name] = value;
    }
    if (query.get("filtered")) {
      setFilters(given);
      return;
    }
    // First look: in the reader's language when anything is offered in it.
    const mine = language().code;
    loadEvents({ language: mine }, 1).then(
      (page) => setFilters(page.count > 0 ? { language: mine } : {}),
      () => setFilters({}),
    );
  }, [query.toString()]);

  return (
    <>
      <h1>{t("home.heading")}</h1>
      <p class="lead">{t("home.intro")}</p>
      <SafeZone />
      {filters && <FilterForm filters={filters} />}
      {/* Keyed by the filters: new filters start again from their first page. */}
      {filters && <EventList key={JSON.stringify(filters)} filters={filters} />}
    </>
  );
}

function EventList({ filters }: { filters: Filters }) {
  const paged = usePaged((page) => loadEvents(filters, page), [JSON.stringify(filters)]);
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{t("home.upcoming")}</h2>
      {filters.language && (
        <p class="muted">{t("home.showing_language", { language: languageName(filters.language) })}</p>
      )}
      <Loaded state={paged.state}>
        {(data) =>
          data.results.length === 0 ? (
            <p>{t("home.no_events")}</p>
          ) : (
            <>
              <p role="status" class="muted" data-count={data.count}>
                {tn("home.count", data.count)}
              </p>
              <ul class="cards">
                {data.results.map((event) => (
                  <EventCard key={event.id} event={event} />
                ))}
              </ul>
              <MoreButton paged={paged} label={t("home.more")} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
