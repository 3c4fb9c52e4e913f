/** Who looked at an event's registrants: the access log the API keeps (every list,
 * download, door lookup, call list and interpreter's job with names), for the event's
 * organisers. It loads when its section is opened, so it includes the list the page
 * itself has just shown; the kind filter keeps its value while the section is closed and
 * opened again. A table on wide screens, a list of cards on phones. */
import { useEffect, useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { SelectFilter } from "../../components/Filters";
import { type ListPage, Loaded, MoreButton, usePaged } from "../../components/Status";
import { formatDateTime, t, tn } from "../../i18n";
import { Fact } from "../account/shared";

type AccessRecord = Schemas["AccessRecord"];
type Kind =
  | "registrant_list"
  | "registrant_export"
  | "check_in_lookup"
  | "interpreter_job"
  | "call_list"
  | "call_list_export"
  | "call_list_print";

const KINDS: Kind[] = [
  "registrant_list",
  "registrant_export",
  "check_in_lookup",
  "interpreter_job",
  "call_list",
  "call_list_export",
  "call_list_print",
];
const PAGE_SIZE = 25;
const WIDE = "(min-width: 40rem)";
/** The organiser's tables keep cells on one line; this one's texts wrap to fit a tablet. */
const WRAP = { whiteSpace: "normal", overflowWrap: "anywhere" } as const;

function loadPage(event: number, kind: "" | Kind, page: number): Promise<ListPage<AccessRecord>> {
  return unwrap(
    api.GET("/api/v1/events/{id}/access-log/", {
      params: { path: { id: event }, query: { kind: kind || undefined, page, page_size: PAGE_SIZE } },
    }),
  );
}

/** Whether the screen is wide enough for the table (a tablet, a computer). */
function useWide(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE).matches);
  useEffect(() => {
    const media = window.matchMedia(WIDE);
    const update = () => setWide(media.matches);
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, []);
  return wide;
}

/** "Chrome 120 · Android" from a browser's User-Agent; the start of it when it is not a
 * browser we know. */
export function shortAgent(agent: string): string {
  if (!agent.trim()) return t("organiser.access_no_device");
  const browsers: [RegExp, string][] = [
    [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
    [/(?:OPR|Opera)\/(\d+)/, "Opera"],
    [/SamsungBrowser\/(\d+)/, "Samsung Internet"],
    [/(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
    [/(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/, "Chrome"],
    [/Version\/(\d+)[.\d]* (?:Mobile\/\w+ )?Safari\//, "Safari"],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, "Android"],
    [/iPhone|iPad|iPod/, "iOS"],
    [/CrOS/, "ChromeOS"],
    [/Windows/, "Windows"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/Linux/, "Linux"],
  ];
  const browser = browsers.map(([pattern, name]) => [agent.match(pattern), name] as const).find(([match]) => match);
  const system = systems.find(([pattern]) => pattern.test(agent))?.[1];
  if (!browser) return agent.length > 40 ? `${agent.slice(0, 40)}…` : agent;
  const [match, name] = browser;
  return [`${name} ${match?.[1] ?? ""}`.trim(), system].filter(Boolean).join(" · ");
}

function Who({ record }: { record: AccessRecord }) {
  if (!record.who) return <>{t("organiser.access_who_gone")}</>;
  return (
    <>
      {record.who.name || record.who.email}
      <span class="cell-note" style={{ overflowWrap: "anywhere" }}>
        <bdi dir="ltr">{record.who.email}</bdi>
      </span>
    </>
  );
}

function Device({ record }: { record: AccessRecord }) {
  return (
    <>
      <bdi dir="ltr">{record.client_address || "—"}</bdi>
      <span class="cell-note" title={record.user_agent || undefined}>
        <bdi>{shortAgent(record.user_agent)}</bdi>
      </span>
    </>
  );
}

function When({ record, zone }: { record: AccessRecord; zone: string }) {
  return <time dateTime={record.at}>{formatDateTime(record.at, zone)}</time>;
}

function LogTable({ records, zone }: { records: AccessRecord[]; zone: string }) {
  return (
    <div class="table-wrap narrow" tabIndex={0} role="region" aria-labelledby="access-log-caption">
      <table class="access-log">
        <caption id="access-log-caption">{t("organiser.access_table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organiser.access_col_when")}</th>
            <th scope="col">{t("organiser.access_col_who")}</th>
            <th scope="col">{t("organiser.access_col_what")}</th>
            <th scope="col">{t("organiser.access_col_count")}</th>
            <th scope="col">{t("organiser.access_col_device")}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <td>
                <When record={record} zone={zone} />
              </td>
              <td style={WRAP}>
                <Who record={record} />
              </td>
              <td style={WRAP}>{record.label}</td>
              <td>{tn("organiser.people", record.count)}</td>
              <td style={WRAP}>
                <Device record={record} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LogCards({ records, zone }: { records: AccessRecord[]; zone: string }) {
  return (
    <ul class="cards single access-log">
      {records.map((record) => (
        <li key={record.id} class="card registration">
          <h3>{record.label}</h3>
          <dl class="facts">
            <Fact label={t("organiser.access_col_when")}>
              <When record={record} zone={zone} />
            </Fact>
            <Fact label={t("organiser.access_col_who")}>
              <Who record={record} />
            </Fact>
            <Fact label={t("organiser.access_col_count")}>{tn("organiser.people", record.count)}</Fact>
            <Fact label={t("organiser.access_col_device")}>
              <Device record={record} />
            </Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** One kind's log. Keyed by the kind, so a slow answer for a kind no longer chosen lands
 * in a list that is gone. */
function Entries({ event, kind, zone }: { event: number; kind: "" | Kind; zone: string }) {
  const paged = usePaged((page) => loadPage(event, kind, page), []);
  const wide = useWide();
  return (
    <Loaded state={paged.state}>
      {({ count, results }) =>
        results.length ? (
          <>
            <p class="muted">{tn("organiser.access_count", count)}</p>
            {wide ? <LogTable records={results} zone={zone} /> : <LogCards records={results} zone={zone} />}
            <MoreButton paged={paged} label={t("organiser.access_more")} />
          </>
        ) : (
          <p>{kind ? t("organiser.access_none_of_kind") : t("organiser.access_none")}</p>
        )
      }
    </Loaded>
  );
}

export function AccessLogSection({ event, zone }: { event: number; zone: string }) {
  const [open, setOpen] = useState(false);
  // Each opening reads the log again: it grows while the page is open.
  const [opened, setOpened] = useState(0);
  const [kind, setKind] = useState<"" | Kind>("");
  const toggle = (e: Event) => {
    const now = (e.currentTarget as HTMLDetailsElement).open;
    setOpen(now);
    if (now) setOpened((n) => n + 1);
  };
  return (
    <section class="access-log-section" aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t("organiser.access_heading")}</h2>
      <p>{t("organiser.access_intro")}</p>
      <p class="muted">{t("organiser.access_families")}</p>
      <details onToggle={toggle}>
        <summary>{t("organiser.access_show")}</summary>
        {open && (
          <>
            <form class="filters" onSubmit={(e) => e.preventDefault()}>
              <SelectFilter
                name="access-kind"
                label={t("organiser.access_filter_kind")}
                any={t("organiser.access_any_kind")}
                value={kind}
                options={KINDS.map((k) => ({ value: k, label: t(`organiser.access_kind.${k}`) }))}
                onChange={(value) => setKind(value as "" | Kind)}
              />
            </form>
            <Entries key={`${opened}-${kind}`} event={event} kind={kind} zone={zone} />
          </>
        )}
      </details>
    </section>
  );
}
