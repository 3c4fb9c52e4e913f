/** The demand board: one line per event, language and mode, uncovered and late ones first.
 * Per line: who could take it (the API's suggestions) or anyone on the roster with the
 * language, assign, take off. A refused double-booking is said in words from the 409's
 * colliding job: where the interpreter already is, and when, in that event's zone. */
import type { ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type Schemas, toApiError, unwrap } from "../../api/client";
import { type ListPage, Loaded, MoreButton, errorText, useLoad, usePaged } from "../../components/Status";
import { formatEventTime, formatNumber, t, tn, tx } from "../../i18n";
import { Fact, SignedIn } from "../account/shared";
import { COORDINATOR, ConsoleNav, LateBadge, LineStatus, boardOrder, modeText } from "./shared";

type Line = Schemas["DemandLine"];
type Candidate = { id: number; name: string; agency?: string };
type Filters = { event?: number; language?: string };
/** The colliding job a 409 double_booked carries. */
type Collision = {
  event_title: string;
  starts_at: string;
  ends_at: string;
  timezone: string;
  school: string | null;
  address: string;
  room: string;
};
type Outcome = { kind: "ok" | "error"; text: ComponentChild[] | string };

function loadLines(filters: Filters, page: number): Promise<ListPage<Line>> {
  return unwrap(api.GET("/api/v1/interpretation/lines/", { params: { query: { ...filters, page, page_size: 100 } } }));
}

function fetchLine(id: number): Promise<Line> {
  return unwrap(api.GET("/api/v1/interpretation/lines/{id}/", { params: { path: { id: String(id) } } }));
}

/** "Not assigned: Lucía Gómez is already at P.S. 20 (Budget night), Saturday … 5:00 – 7:00 PM." */
function explainCollision(name: string, job: Collision): ComponentChild[] {
  const place = job.school || job.address || job.event_title;
  return tx("interp.conflict", {
    name: <strong>{name}</strong>,
    place: <bdi>{place}</bdi>,
    event: <bdi>{job.event_title}</bdi>,
    when: formatEventTime(job.starts_at, job.ends_at, job.timezone),
  });
}

async function assign(line: Line, candidate: Candidate): Promise<Outcome> {
  let result;
  try {
    result = await api.POST("/api/v1/assignments/", { body: { line: line.id, interpreter: candidate.id } });
  } catch {
    return { kind: "error", text: errorText(toApiError(0, null)) };
  }
  if (result.response.ok) {
    return { kind: "ok", text: t("interp.assigned_notice", { name: candidate.name }) };
  }
  const body = result.error as { code?: string; conflicting_assignment?: Collision } | undefined;
  if (result.response.status === 409 && body?.code === "double_booked" && body.conflicting_assignment) {
    return { kind: "error", text: explainCollision(candidate.name, body.conflicting_assignment) };
  }
  return { kind: "error", text: errorText(toApiError(result.response.status, body)) };
}

/** Who could take the line: the API's suggestions, and anyone on the roster with the
 * language and mode (the API refuses what collides, and says why). */
function Candidates({ line, onAssigned }: { line: Line; onAssigned: (notice: string) => void }) {
  const suggestions = useLoad(
    () =>
      unwrap(
        api.GET("/api/v1/interpretation/lines/{id}/suggestions/", {
          params: { path: { id: String(line.id) }, query: { page_size: 50 } },
        }),
      ),
    [line.id],
  );
  const roster = useLoad(
    () =>
      unwrap(
        api.GET("/api/v1/interpreters/", {
          params: { query: { language: line.language, mode: line.mode, active: true, page_size: 100 } },
        }),
      ),
    [line.id],
  );
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) box.current?.focus();
  }, [outcome]);

  const run = async (candidate: Candidate) => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const result = await assign(line, candidate);
    setBusy(false);
    if (result.kind === "ok") onAssigned(result.text as string);
    else setOutcome(result);
  };
  const selectId = `other-${line.id}`;
  return (
    <div class="interp-candidates">
      <div class={outcome ? "notice error" : "visually-hidden"} role="alert" tabIndex={-1} ref={box}>
        {outcome && <p>{outcome.text}</p>}
      </div>
      <h3>{t("interp.suggestions_heading")}</h3>
      <Loaded state={suggestions}>
        {({ results }) =>
          results.length ? (
            <ul class="interp-suggestions">
              {results.map((person) => (
                <li key={person.id}>
                  <span>
                    <strong>{person.name}</strong>
                    {person.agency && <span class="muted"> · {person.agency}</span>}
                  </span>
                  <button type="button" disabled={busy} onClick={() => void run(person)}>
                    {t("interp.assign_person", { name: person.name })}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("interp.no_suggestions")}</p>
          )
        }
      </Loaded>
      <Loaded state={roster}>
        {({ results }) =>
          results.length ? (
            <form
              class="interp-other"
              onSubmit={(event) => {
                event.preventDefault();
                const person = results.find((p) => String(p.id) === chosen);
                if (person) void run(person);
              }}
            >
              <label for={selectId}>{t("interp.other_label")}</label>
              <select id={selectId} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                <option value="">{t("interp.other_choose")}</option>
                {results.map((person) => (
                  <option key={person.id} value={String(person.id)}>
                    {person.name}
                  </option>
                ))}
              </select>
              <button type="submit" class="secondary" disabled={busy || !chosen} aria-busy={busy}>
                {t("interp.assign")}
              </button>
            </form>
          ) : null
        }
      </Loaded>
    </div>
  );
}

function LineCard({
  line,
  notice,
  onChanged,
}: {
  line: Line;
  notice: string;
  onChanged: (line: Line, notice: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const noticeBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeBox.current?.focus();
  }, [notice]);
  const open_ = line.status === "requested" && !line.assignment;
  const refresh = async (text: string) => onChanged(await fetchLine(line.id), text);
  const withdraw = async () => {
    if (!line.assignment || busy) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST("/api/v1/assignments/{id}/withdraw/", { params: { path: { id: String(line.assignment.id) } } }),
      );
      await refresh(t("interp.withdrawn_notice", { name: line.assignment.interpreter_name }));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const heading = `line-${line.id}-heading`;
  return (
    <li class="card interp-line" id={`line-${line.id}`} aria-labelledby={heading}>
      <h2 id={heading}>
        {tx("interp.line_heading", {
          language: line.language_name,
          mode: modeText(line.mode),
        })}
      </h2>
      <p class="interp-badges">
        <LineStatus status={line.status ?? "requested"} /> {line.late && <LateBadge />}
      </p>
      <dl class="facts">
        <Fact label={t("interp.event")}>
          <bdi>{line.event_title}</bdi>
        </Fact>
        <Fact label={t("interp.when")}>{formatEventTime(line.starts_at, line.ends_at, line.timezone)}</Fact>
        <Fact label={t("interp.people")}>{formatNumber(line.people ?? 0)}</Fact>
        {line.assignment && (
          <Fact label={t("interp.interpreter")}>
            {line.assignment.interpreter_name} ({t(`interp.job_status.${line.assignment.status}`)})
          </Fact>
        )}
      </dl>
      {notice && (
        <p class="notice success" role="status" tabIndex={-1} ref={noticeBox}>
          {notice}
        </p>
      )}
      {error !== null && (
        <p class="notice error" role="alert">
          {errorText(error)}
        </p>
      )}
      {line.assignment && (
        <div class="actions">
          <button type="button" class="secondary" disabled={busy} aria-busy={busy} onClick={() => void withdraw()}>
            {t("interp.withdraw", { name: line.assignment.interpreter_name })}
          </button>
        </div>
      )}
      {open_ && (
        <>
          <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t("interp.hide_candidates") : t("interp.find_interpreter")}
          </button>
          {open && (
            <Candidates
              line={line}
              onAssigned={(text) => {
                setOpen(false);
                void refresh(text).catch(setError);
              }}
            />
          )}
        </>
      )}
    </li>
  );
}

function FilterForm({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const options = useLoad(
    () =>
      unwrap(api.GET("/api/v1/interpretation/coverage/", { params: { query: { page_size: 100 } } })) as Promise<
        ListPage<Schemas["Coverage"]>
      >,
  );
  const events = options.data?.results ?? [];
  const names = new Map(events.flatMap((event) => event.lines.map((line) => [line.language, line.language_name] as const)));
  const languages = [...names].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <form class="interp-filters" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="filter-event">{t("interp.filter_event")}</label>
        <select
          id="filter-event"
          value={filters.event ? String(filters.event) : ""}
          onChange={(e) => onChange({ ...filters, event: Number(e.currentTarget.value) || undefined })}
        >
          <option value="">{t("interp.all_events")}</option>
          {events.map((event) => (
            <option key={event.event} value={String(event.event)}>
              {event.title}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-language">{t("interp.filter_language")}</label>
        <select
          id="filter-language"
          value={filters.language ?? ""}
          onChange={(e) => onChange({ ...filters, language: e.currentTarget.value || undefined })}
        >
          <option value="">{t("interp.all_languages")}</option>
          {languages.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function Board() {
  const [filters, setFilters] = useState<Filters>({});
  const paged = usePaged((page) => loadLines(filters, page), [filters.event, filters.language]);
  const [notice, setNotice] = useState<{ id: number; text: string } | null>(null);
  return (
    <>
      <h1>{t("interp.board_heading")}</h1>
      <ConsoleNav />
      <p>{t("interp.board_intro")}</p>
      <FilterForm filters={filters} onChange={setFilters} />
      <Loaded state={paged.state}>
        {({ results, count }) =>
          results.length ? (
            <>
              <p class="muted" role="status">
                {tn("interp.lines_count", count)}
              </p>
              <ul class="cards single">
                {boardOrder(results).map((line) => (
                  <LineCard
                    key={line.id}
                    line={line}
                    notice={notice?.id === line.id ? notice.text : ""}
                    onChanged={(changed, text) => {
                      paged.replace((old) => old.id === changed.id, changed);
                      setNotice({ id: changed.id, text });
                    }}
                  />
                ))}
              </ul>
              <MoreButton paged={paged} label={t("interp.show_more")} />
            </>
          ) : (
            <p role="status">{t("interp.no_lines")}</p>
          )
        }
      </Loaded>
    </>
  );
}

export function DemandBoardPage() {
  return (
    <SignedIn heading={t("interp.board_heading")} roles={COORDINATOR}>
      {() => <Board />}
    </SignedIn>
  );
}
