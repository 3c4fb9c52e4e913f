/** Interpretation coverage per event: people needing it, lines assigned and confirmed,
 * gaps and late requests, each line's interpreter; and the same as a CSV file. */
import { api, type Schemas, unwrap } from "../../api/client";
import { type ListPage, Loaded, MoreButton, usePaged } from "../../components/Status";
import { formatEventTime, formatNumber, t, tn, tx } from "../../i18n";
import { SignedIn, hasRole } from "../account/shared";
import { COVERAGE_ROLES, ConsoleNav, LateBadge, LineStatus, modeText } from "./shared";

type Coverage = Schemas["Coverage"];

function loadPage(page: number): Promise<ListPage<Coverage>> {
  // JSON pages (the schema's other answer is the CSV file, asked with ?format=csv).
  return unwrap(api.GET("/api/v1/interpretation/coverage/", { params: { query: { page, page_size: 50 } } })) as Promise<
    ListPage<Coverage>
  >;
}

function EventCoverage({ row }: { row: Coverage }) {
  const heading = `coverage-${row.event}`;
  const numbers: [string, number][] = [
    ["interp.col_people", row.people],
    ["interp.col_languages", row.languages],
    ["interp.col_assigned", row.assigned],
    ["interp.col_confirmed", row.confirmed],
    ["interp.col_gaps", row.gaps],
    ["interp.col_late", row.late_requests],
  ];
  return (
    <li class="card interp-coverage" aria-labelledby={heading}>
      <h2 id={heading}>
        <bdi>{row.title}</bdi>
      </h2>
      <p>{formatEventTime(row.starts_at, row.ends_at, row.timezone)}</p>
      <dl class="interp-numbers">
        {numbers.map(([key, value]) => (
          <div key={key} class={key === "interp.col_gaps" && value > 0 ? "gap" : undefined}>
            <dt>{t(key)}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      <div class="table-scroll" role="region" aria-labelledby={heading} tabIndex={0}>
        <table>
          <caption class="visually-hidden">{t("interp.lines_caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("interp.col_line")}</th>
              <th scope="col">{t("interp.col_people")}</th>
              <th scope="col">{t("interp.col_status")}</th>
              <th scope="col">{t("interp.interpreter")}</th>
            </tr>
          </thead>
          <tbody>
            {row.lines.map((line) => (
              <tr key={line.id}>
                <th scope="row">{tx("interp.line_heading", { language: line.language_name, mode: modeText(line.mode) })}</th>
                <td>{formatNumber(line.people)}</td>
                <td>
                  <LineStatus status={line.status} /> {line.late && <LateBadge />}
                </td>
                <td>{line.interpreter_name ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </li>
  );
}

function CoverageReport({ coordinator }: { coordinator: boolean }) {
  const paged = usePaged(loadPage, []);
  return (
    <>
      <h1>{t("interp.coverage_heading")}</h1>
      <ConsoleNav coordinator={coordinator} />
      <p>{t("interp.coverage_intro")}</p>
      <p>
        <a class="button secondary" href="/api/v1/interpretation/coverage/?format=csv" download="interpretation-coverage.csv">
          {t("interp.download_csv")}
        </a>
      </p>
      <Loaded state={paged.state}>
        {({ results, count }) =>
          results.length ? (
            <>
              <p class="muted">{tn("interp.events_count", count)}</p>
              <ul class="cards single">
                {results.map((row) => (
                  <EventCoverage key={row.event} row={row} />
                ))}
              </ul>
              <MoreButton paged={paged} label={t("interp.show_more")} />
            </>
          ) : (
            <p>{t("interp.no_coverage")}</p>
          )
        }
      </Loaded>
    </>
  );
}

export function CoveragePage() {
  return (
    <SignedIn heading={t("interp.coverage_heading")} roles={COVERAGE_ROLES}>
      {(profile) => <CoverageReport coordinator={hasRole(profile, ["interpreter_coordinator"])} />}
    </SignedIn>
  );
}
