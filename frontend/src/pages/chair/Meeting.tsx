/** /chair/meetings/:id: one meeting. A series' occurrence is moved or cancelled on its own
 * (an exception the series keeps), or changed from here on ("this and following" splits
 * the series); a one-off meeting is edited or cancelled. Links to attendance, agenda and
 * minutes. */
import type { PageProps } from "../../router";
import { useState } from "preact/hooks";
import { api, unwrap, type Profile } from "../../api/client";
import { ErrorSummary } from "../../components/Form";
import { PrintFlyer } from "../../components/PrintFlyer";
import { WhenFields, type When } from "./WhenFields";
import { Loaded, useLoad } from "../../components/Status";
import { formatDateTime, t, tn } from "../../i18n";
import { Fact } from "../account/shared";
import { isLate } from "./MeetingForm";
import {
  ChairGate,
  DeskLoaded,
  LateBadge,
  StatusBadge,
  loadMeetingDesk,
  loadMeeting,
  meetingTime,
  placeOf,
  type Committee,
  type Meeting,
} from "./shared";
import { localDay, localTime, zonedIso } from "../../zone";

type Action = "move" | "cancel" | "split" | "edit" | null;

function minutesOf(meeting: Meeting): number {
  return Math.round((new Date(meeting.ends_at).getTime() - new Date(meeting.starts_at).getTime()) / 60000);
}

function ActionPanel({
  committee,
  meeting,
  action,
  done,
  close,
}: {
  committee: Committee;
  meeting: Meeting;
  action: Exclude<Action, null>;
  done: (message: string) => void;
  close: () => void;
}) {
  const zone = meeting.timezone;
  const [when, setWhen] = useState<When>({
    day: localDay(meeting.starts_at, zone),
    time: localTime(meeting.starts_at, zone),
    duration: minutesOf(meeting),
    room: meeting.room,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const committeeId = String(meeting.committee);
  const seriesPath = { id: committeeId, series_id: String(meeting.series ?? "") };
  const startIso = zonedIso(when.day, when.time || "00:00", zone);
  const endIso = new Date(new Date(startIso).getTime() + when.duration * 60000).toISOString();

  const run = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (action === "cancel" && meeting.series) {
        await unwrap(
          api.POST("/api/v1/committees/{id}/series/{series_id}/exceptions/", {
            params: { path: seriesPath },
            body: { original_start: meeting.original_start ?? meeting.starts_at, kind: "cancel" },
          }),
        );
      } else if (action === "cancel") {
        await unwrap(api.PATCH("/api/v1/meetings/{id}/", { params: { path: { id: String(meeting.id) } }, body: { status: "cancelled" } }));
      } else if (action === "move") {
        await unwrap(
          api.POST("/api/v1/committees/{id}/series/{series_id}/exceptions/", {
            params: { path: seriesPath },
            body: {
              original_start: meeting.original_start ?? meeting.starts_at,
              kind: "move",
              starts_at: startIso,
              ends_at: endIso,
              ...(when.room !== meeting.room ? { room: when.room } : {}),
            },
          }),
        );
      } else if (action === "split") {
        await unwrap(
          api.POST("/api/v1/committees/{id}/series/{series_id}/split/", {
            params: { path: seriesPath },
            body: {
              at: meeting.original_start ?? meeting.starts_at,
              start_time: when.time,
              duration_minutes: when.duration,
              room: when.room,
            },
          }),
        );
      } else {
        await unwrap(
          api.PATCH("/api/v1/meetings/{id}/", {
            params: { path: { id: String(meeting.id) } },
            body: { starts_at: startIso, ends_at: endIso, room: when.room },
          }),
        );
      }
      done(t(`chair.done_${action}`));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const labels = { starts_at: t("chair.new_day"), ends_at: t("chair.duration"), start_time: t("chair.start_time"), duration_minutes: t("chair.duration"), room: t("chair.room") };
  const late = action !== "cancel" && isLate(committee, startIso);
  return (
    <form class="card chair-panel" onSubmit={run} aria-labelledby="panel-heading" noValidate>
      <h2 id="panel-heading">{t(`chair.action_${action}`)}</h2>
      <ErrorSummary error={error} labels={labels} />
      {action === "cancel" ? (
        <p>{t(meeting.series ? "chair.cancel_one_explain" : "chair.cancel_explain")}</p>
      ) : (
        <>
          {action === "split" && <p>{t("chair.split_explain")}</p>}
          <WhenFields when={when} onChange={setWhen} error={error} dayLabel={action === "split" ? null : t("chair.new_day")} />
          {late && (
            <p class="notice warning" role="status">
              {tn("chair.late_warning", committee.notice_days)}
            </p>
          )}
        </>
      )}
      <p class="actions">
        <button type="submit" class={action === "cancel" ? "danger" : "primary"} disabled={busy} aria-busy={busy}>
          {t(`chair.confirm_${action}`)}
        </button>
        <button type="button" class="secondary" onClick={close}>
          {t("chair.never_mind")}
        </button>
      </p>
    </form>
  );
}

function Restore({ meeting, done }: { meeting: Meeting; done: (message: string) => void }) {
  const [error, setError] = useState<unknown>(null);
  const restore = async () => {
    setError(null);
    try {
      const path = { id: String(meeting.committee), series_id: String(meeting.series) };
      const series = await unwrap(api.GET("/api/v1/committees/{id}/series/{series_id}/", { params: { path } }));
      const key = new Date(meeting.original_start ?? "").getTime();
      const exception = series.exceptions.find((e) => new Date(e.original_start).getTime() === key);
      if (exception) {
        await unwrap(
          api.DELETE("/api/v1/committees/{id}/series/{series_id}/exceptions/{exception_id}/", {
            params: { path: { ...path, exception_id: String(exception.id) } },
          }),
        );
      }
      done(t("chair.done_restore"));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <ErrorSummary error={error} labels={{}} />
      <button type="button" class="secondary" onClick={() => void restore()}>
        {t("chair.action_restore")}
      </button>
    </>
  );
}

function MeetingDesk({ committee, initial }: { committee: Committee; initial: Meeting }) {
  const meeting = useLoad(() => loadMeeting(initial.id), [initial.id]);
  const [action, setAction] = useState<Action>(null);
  const [message, setMessage] = useState("");
  const done = (text: string) => {
    setAction(null);
    setMessage(text);
    meeting.reload();
  };
  const current = meeting.data ?? initial;
  const cancelled = current.status === "cancelled";
  const month = localDay(current.starts_at, current.timezone).slice(0, 7);
  const actions: Exclude<Action, null>[] = cancelled ? [] : current.series ? ["move", "cancel", "split"] : ["edit", "cancel"];
  return (
    <>
      <p class="crumbs">
        <a href={`/chair/committees/${committee.id}?month=${month}`}>{committee.name}</a>
      </p>
      <h1>{current.title}</h1>
      <p role="status" class={message ? "notice success" : "visually-hidden"}>
        {message}
      </p>
      <Loaded state={meeting}>
        {(m) => (
          <>
            <p>
              <StatusBadge meeting={m} /> <LateBadge meeting={m} />
            </p>
            <dl class="facts">
              <Fact label={t("chair.when")}>{meetingTime(m)}</Fact>
              <Fact label={t("chair.where")}>{placeOf(m) ? <bdi>{placeOf(m)}</bdi> : "—"}</Fact>
              {m.series && m.original_start && m.original_start !== m.starts_at && !cancelled && (
                <Fact label={t("chair.moved_from")}>{formatDateTime(m.original_start, m.timezone)}</Fact>
              )}
              <Fact label={t("chair.kind")}>{t(m.series ? "chair.kind_occurrence" : "chair.kind_one_off")}</Fact>
            </dl>
          </>
        )}
      </Loaded>
      <nav aria-label={t("chair.meeting_links")}>
        <ul class="plain chair-links">
          <li>
            <a class="button" href={`/chair/meetings/${current.id}/attendance`}>
              {t("chair.attendance")}
            </a>
          </li>
          <li>
            <a class="button secondary" href={`/chair/meetings/${current.id}/agenda`}>
              {t("chair.agenda")}
            </a>
          </li>
          <li>
            <a class="button secondary" href={`/chair/meetings/${current.id}/minutes`}>
              {t("chair.minutes")}
            </a>
          </li>
        </ul>
      </nav>
      {!cancelled && <PrintFlyer event={current.event} />}
      <section aria-labelledby="change-heading">
        <h2 id="change-heading">{t("chair.change_heading")}</h2>
        {cancelled && current.series && <Restore meeting={current} done={done} />}
        {cancelled && !current.series && <p>{t("chair.cancelled_one_off")}</p>}
        <p class="actions">
          {actions.map((name) => (
            <button
              key={name}
              type="button"
              class={name === "cancel" ? "danger" : "secondary"}
              aria-expanded={action === name}
              onClick={() => setAction(action === name ? null : name)}
            >
              {t(`chair.action_${name}`)}
            </button>
          ))}
        </p>
        {action && <ActionPanel key={action} committee={committee} meeting={current} action={action} done={done} close={() => setAction(null)} />}
      </section>
    </>
  );
}

function Desk({ id, profile }: { id: string; profile: Profile }) {
  const desk = useLoad(() => loadMeetingDesk(id), [id, profile.id]);
  return (
    <DeskLoaded state={desk} heading={t("chair.meeting_heading")}>
      {({ meeting, committee }) => <MeetingDesk committee={committee} initial={meeting} />}
    </DeskLoaded>
  );
}

export function ChairMeetingPage({ params }: PageProps) {
  return <ChairGate heading={t("chair.meeting_heading")}>{(profile) => <Desk id={params.id ?? ""} profile={profile} />}</ChairGate>;
}

