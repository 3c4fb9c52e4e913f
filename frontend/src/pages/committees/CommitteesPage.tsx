/** The public committees, filterable by kind, borough, school and language. The filters live
 * in the address (?kind=welcoming&borough=Q), so a link can be handed out. */
import { useState } from "preact/hooks";
import { api, type Committee, unwrap } from "../../api/client";
import { SelectFilter, boroughOptions, useLanguageOptions, useSchoolOptions } from "../../components/Filters";
import { LanguagesOffered, Translated } from "../../components/EventBits";
import { Loaded, MoreButton, usePaged } from "../../components/Status";
import { t, tn } from "../../i18n";
import { navigate, useQuery } from "../../router";
import { kindLabel, schoolLine } from "./shared";

const KINDS: readonly Committee["kind"][] = ["welcoming", "multicultural_advisory", "citywide_advisory"];
const FILTERS = ["kind", "borough", "school", "language"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const PAGE_SIZE = 20;

function isKind(value: string | undefined): value is Committee["kind"] {
  return KINDS.some((kind) => kind === value);
}

function loadCommittees(filters: Filters, page: number) {
  return unwrap(
    api.GET("/api/v1/committees/", {
      params: {
        query: {
          kind: isKind(filters.kind) ? filters.kind : undefined,
          borough: filters.borough || undefined,
          school: filters.school ? Number(filters.school) : undefined,
          language: filters.language || undefined,
          page,
          page_size: PAGE_SIZE,
        },
      },
    }),
  );
}

function CommitteeCard({ committee }: { committee: Committee }) {
  return (
    <li class="card">
      <h3>
        <a href={`/committees/${committee.id}`}>
          <Translated text={committee.name} translations={committee.name_translations} />
        </a>
      </h3>
      <p class="kind">{kindLabel(committee.kind)}</p>
      <p>{schoolLine(committee.school)}</p>
      <LanguagesOffered codes={committee.languages} />
      {committee.visibility === "members" && <p class="badge">{t("committee.members_only")}</p>}
    </li>
  );
}

function FilterForm({ filters }: { filters: Filters }) {
  const [borough, setBorough] = useState(filters.borough ?? "");
  const languages = useLanguageOptions();
  const schools = useSchoolOptions(borough);
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? "");
      if (value) query.set(name, value);
    }
    navigate(query.toString() ? `/committees?${query}` : "/committees");
  };
  return (
    <form class="filters" onSubmit={apply} aria-labelledby="committee-filters-heading">
      <h2 id="committee-filters-heading">{t("committee.filters")}</h2>
      <div class="filter-grid">
        <SelectFilter
          name="kind"
          label={t("committee.filter_kind")}
          any={t("committee.any_kind")}
          value={filters.kind ?? ""}
          options={KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
        />
        <SelectFilter
          name="borough"
          label={t("committee.filter_borough")}
          any={t("committee.any_borough")}
          value={borough}
          options={boroughOptions()}
          onChange={setBorough}
        />
        <SelectFilter name="school" label={t("committee.filter_school")} any={t("committee.any_school")} value={filters.school ?? ""} options={schools} />
        <SelectFilter name="language" label={t("committee.filter_language")} any={t("committee.any_language")} value={filters.language ?? ""} options={languages} />
      </div>
      <div class="actions">
        <button type="submit">{t("committee.apply")}</button>
        <a href="/committees" class="button secondary">
          {t("committee.clear")}
        </a>
      </div>
    </form>
  );
}

function CommitteeList({ filters }: { filters: Filters }) {
  const paged = usePaged((page) => loadCommittees(filters, page), [JSON.stringify(filters)]);
  return (
    <section aria-labelledby="committees-heading">
      <h2 id="committees-heading">{t("committee.results")}</h2>
      <Loaded state={paged.state}>
        {(data) =>
          data.results.length === 0 ? (
            <p role="status">{t("committee.none")}</p>
          ) : (
            <>
              <p role="status" class="muted">
                {tn("committee.count", data.count)}
              </p>
              <ul class="cards">
                {data.results.map((committee) => (
                  <CommitteeCard key={committee.id} committee={committee} />
                ))}
              </ul>
              <MoreButton paged={paged} label={t("committee.more")} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

export function CommitteesPage() {
  const query = useQuery();
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  const key = JSON.stringify(filters);
  return (
    <>
      <h1>{t("committee.list_heading")}</h1>
      <p class="lead">{t("committee.list_intro")}</p>
      <FilterForm key={key} filters={filters} />
      <CommitteeList key={key} filters={filters} />
    </>
  );
}
