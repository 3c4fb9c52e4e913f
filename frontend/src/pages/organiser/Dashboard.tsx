/** A summit's dashboard for its organisers: per session the parties with a seat and on the
 * waitlist, seats left, interpreters needed per language (adults) and children needing
 * childcare; per language interpreter demand against coverage and late requests. Two bar
 * charts (SVG) with the same numbers in tables. It refreshes itself every minute, and on
 * "Refresh", in place: nothing moves the reader's focus. */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { LoadError, Loading, errorText } from "../../components/Status";
import { formatDateTime, formatNumber, t, tn } from "../../i18n";
import type { PageProps } from "../../router";
import { BarChart, type ChartRow, Legend } from "./Charts";
import { type DashboardLanguage, type DashboardRow, OrganiserOnly, type Summit, formatPercent, useLanguageNames } from "./shared";

type Names = (code: string) => string;

const EVERY_MS = 60_000;

type Figures = { summit: Summit; sessions: DashboardRow[]; languages: DashboardLanguage[]; at: string };

function loadFigures(id: string): Promise<Figures> {
  const path = { path: { id } };
  return Promise.all([
    unwrap(api.GET("/api/v1/summits/{id}/", { params: path })),
    unwrap(api.GET("/api/v1/summits/{id}/dashboard/", { params: path })),
    unwrap(api.GET("/api/v1/summits/{id}/dashboard/interpretation/", { params: path })),
  ]).then(([summit, sessions, languages]) => ({ summit, sessions, languages, at: new Date().toISOString() }));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function Needs({ needs, name }: { needs: Record<string, number>; name: Names }) {
  const entries = Object.entries(needs);
  if (!entries.length) return <>{t("organiser.none")}</>;
  return (
    <ul class="plain">
      {entries.map(([code, adults]) => (
        <li key={code}>{t("organiser.need_line", { language: name(code), count: adults })}</li>
      ))}
    </ul>
  );
}

function fillRows(sessions: DashboardRow[]): ChartRow[] {
  return sessions.map((row) => {
    if (row.capacity === null || row.capacity === 0) {
      return {
        key: row.session,
        label: row.title,
        bars: [],
        value: t("organiser.fill_unlimited", { people: row.confirmed_people }),
      };
    }
    const share = row.confirmed_people / row.capacity;
    return {
      key: row.session,
      label: row.title,
      bars: [
        { share: 1, tone: "track" },
        { share, tone: share >= 1 ? "full" : "value" },
      ],
      value: formatPercent(share),
    };
  });
}

function coverageRows(languages: DashboardLanguage[], name: Names): ChartRow[] {
  const most = Math.max(1, ...languages.map((l) => l.needed));
  return languages.map((l) => ({
    key: l.language,
    label: name(l.language),
    bars: [
      { share: l.needed / most, tone: "demand" },
      { share: l.covered / most, tone: "value" },
    ],
    value: t("organiser.covered_of", { covered: l.covered, needed: l.needed }),
  }));
}

function Summary({ figures }: { figures: Figures }) {
  const { sessions, languages } = figures;
  const facts: [string, number][] = [
    [t("organiser.total_confirmed"), sum(sessions.map((s) => s.confirmed_people))],
    [t("organiser.total_waitlisted"), sum(sessions.map((s) => s.waitlisted_parties))],
    [t("organiser.total_interpreters"), sum(languages.map((l) => l.needed))],
    [t("organiser.total_childcare"), sum(sessions.map((s) => s.childcare_children))],
    [t("organiser.total_late"), sum(languages.map((l) => l.late_requests))],
  ];
  return (
    <dl class="organiser-summary">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function SessionTable({ figures, name }: { figures: Figures; name: Names }) {
  const zone = figures.summit.timezone ?? "America/New_York";
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="sessions-table-caption">
      <table>
        <caption id="sessions-table-caption">{t("organiser.sessions_table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organiser.col_session")}</th>
            <th scope="col">{t("organiser.col_confirmed")}</th>
            <th scope="col">{t("organiser.col_waitlisted")}</th>
            <th scope="col">{t("organiser.col_seats_left")}</th>
            <th scope="col">{t("organiser.col_fill")}</th>
            <th scope="col">{t("organiser.col_interpreters")}</th>
            <th scope="col">{t("organiser.col_childcare")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.sessions.map((row) => (
            <tr key={row.session}>
              <th scope="row">
                <a href={`/organiser/sessions/${row.session}/attendees`}>{row.title}</a>
                <span class="cell-note">
                  <time dateTime={row.starts_at}>{formatDateTime(row.starts_at, zone)}</time>
                </span>
                {row.status !== "published" && <span class="badge full">{t(`organiser.event_status.${row.status}`)}</span>}
              </th>
              <td>
                {tn("organiser.parties", row.confirmed_parties)}
                <span class="cell-note">{tn("organiser.people", row.confirmed_people)}</span>
              </td>
              <td>{tn("organiser.parties", row.waitlisted_parties)}</td>
              <td>{row.seats_left === null ? t("organiser.no_limit") : formatNumber(row.seats_left)}</td>
              <td>{row.capacity ? formatPercent(row.confirmed_people / row.capacity) : t("organiser.no_limit")}</td>
              <td>
                <Needs needs={row.interpreter_needs} name={name} />
              </td>
              <td>{formatNumber(row.childcare_children)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LanguageTable({ languages, name }: { languages: DashboardLanguage[]; name: Names }) {
  return (
    <div class="table-wrap narrow" tabIndex={0} role="region" aria-labelledby="languages-table-caption">
      <table>
        <caption id="languages-table-caption">{t("organiser.languages_table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organiser.col_language")}</th>
            <th scope="col">{t("organiser.col_needed")}</th>
            <th scope="col">{t("organiser.col_covered")}</th>
            <th scope="col">{t("organiser.col_confirmed_interpreter")}</th>
            <th scope="col">{t("organiser.col_gaps")}</th>
            <th scope="col">{t("organiser.col_late")}</th>
          </tr>
        </thead>
        <tbody>
          {languages.map((l) => (
            <tr key={l.language}>
              <th scope="row">{name(l.language)}</th>
              <td>{formatNumber(l.needed)}</td>
              <td>{formatNumber(l.covered)}</td>
              <td>{formatNumber(l.confirmed)}</td>
              <td>{formatNumber(l.gaps)}</td>
              <td>{formatNumber(l.late_requests)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Board({ id }: { id: string }) {
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState("");
  const busyRef = useRef(false);
  const name = useLanguageNames();

  const refresh = useCallback(
    async (manual: boolean) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      if (manual) setAnnounce("");
      try {
        const fresh = await loadFigures(id);
        setFigures(fresh);
        setError(null);
        if (manual) setAnnounce(t("organiser.refreshed", { time: formatDateTime(fresh.at, fresh.summit.timezone) }));
      } catch (problem) {
        setError(problem);
        if (manual) setAnnounce(errorText(problem));
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [id],
  );

  useEffect(() => {
    void refresh(false);
    const timer = window.setInterval(() => {
      if (!document.hidden) void refresh(false);
    }, EVERY_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  if (!figures) {
    return (
      <>
        <h1>{t("organiser.dashboard_heading")}</h1>
        {error !== null ? <LoadError error={error} retry={() => void refresh(false)} /> : <Loading />}
      </>
    );
  }
  const { summit, sessions, languages } = figures;
  const zone = summit.timezone ?? "America/New_York";
  return (
    <>
      <h1>{summit.title}</h1>
      <p class="crumbs">
        <a href="/organiser">{t("organiser.back_to_summits")}</a>
      </p>
      <div class="refresh-bar">
        <p class="muted" id="figures-time">
          {t("organiser.figures_as_of", { time: formatDateTime(figures.at, zone) })}
        </p>
        <button type="button" class="secondary" onClick={() => void refresh(true)} aria-busy={busy} aria-describedby="figures-time">
          {busy ? t("organiser.refreshing") : t("organiser.refresh")}
        </button>
      </div>
      <p class="hint">{t("organiser.auto_refresh")}</p>
      <p role="status" class="visually-hidden">
        {announce}
      </p>
      {error !== null && (
        <p class="notice error" role="alert">
          {t("organiser.refresh_failed", { reason: errorText(error) })}
        </p>
      )}
      <Summary figures={figures} />

      <section aria-labelledby="seats-heading">
        <h2 id="seats-heading">{t("organiser.seats_heading")}</h2>
        {sessions.length ? (
          <>
            <BarChart
              id="fill-chart"
              title={t("organiser.fill_chart")}
              rows={fillRows(sessions)}
              legend={
                <Legend
                  items={[
                    { tone: "value", label: t("organiser.legend_taken") },
                    { tone: "full", label: t("organiser.legend_full") },
                    { tone: "track", label: t("organiser.legend_capacity") },
                  ]}
                />
              }
            />
            <SessionTable figures={figures} name={name} />
          </>
        ) : (
          <p>{t("organiser.no_sessions")}</p>
        )}
      </section>

      <section aria-labelledby="interpreters-heading">
        <h2 id="interpreters-heading">{t("organiser.interpreters_heading")}</h2>
        {languages.length ? (
          <>
            <BarChart
              id="coverage-chart"
              title={t("organiser.coverage_chart")}
              rows={coverageRows(languages, name)}
              legend={
                <Legend
                  items={[
                    { tone: "demand", label: t("organiser.legend_needed") },
                    { tone: "value", label: t("organiser.legend_covered") },
                  ]}
                />
              }
            />
            <LanguageTable languages={languages} name={name} />
          </>
        ) : (
          <p>{t("organiser.no_interpretation")}</p>
        )}
      </section>
    </>
  );
}

export function OrganiserDashboardPage({ params }: PageProps) {
  return <OrganiserOnly heading={t("organiser.dashboard_heading")}>{() => <Board id={params.id} />}</OrganiserOnly>;
}
