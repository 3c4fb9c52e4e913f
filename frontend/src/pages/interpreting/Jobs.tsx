/** An interpreter's own jobs: where, when, which language and mode; confirm or decline
 * (with a reason); and a link to subscribe to one's calendar, which holds the jobs too.
 * The API decides who is an interpreter: the roster entry linked to the account. */
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type Profile, type Schemas, unwrap } from "../../api/client";
import { type ListPage, Loaded, MoreButton, errorText, useLoad, usePaged } from "../../components/Status";
import { formatEventTime, formatNumber, languageName, t, tn } from "../../i18n";
import { Fact, SignedIn } from "../account/shared";
import { modeText } from "./shared";

type Job = Schemas["Assignment"];
type Interpreter = Schemas["Interpreter"];

function loadJobs(interpreter: number, page: number): Promise<ListPage<Job>> {
  return unwrap(
    api.GET("/api/v1/interpreters/{id}/assignments/", {
      params: { path: { id: String(interpreter) }, query: { page, page_size: 50 } },
    }),
  );
}

/** The roster entry linked to this account (a coordinator sees the whole roster). */
async function myEntry(profile: Profile): Promise<Interpreter | null> {
  const page = await unwrap(api.GET("/api/v1/interpreters/", { params: { query: { page_size: 100 } } }));
  return page.results.find((entry) => entry.user === profile.id) ?? null;
}

function Decline({ job, onDone, onClose }: { job: Job; onDone: (job: Job) => void; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      onDone(
        await unwrap(
          api.POST("/api/v1/assignments/{id}/decline/", { params: { path: { id: String(job.id) } }, body: { reason } }),
        ),
      );
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const id = `reason-${job.id}`;
  return (
    <form class="inline-panel" onSubmit={submit} noValidate>
      {error !== null && (
        <p class="notice error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div class="field">
        <label for={id}>{t("interp.decline_reason")}</label>
        <textarea id={id} ref={field} maxLength={300} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="submit" class="danger" disabled={busy} aria-busy={busy}>
          {t("interp.decline_yes")}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t("interp.keep_job")}
        </button>
      </div>
    </form>
  );
}

function place(job: Job): string {
  const event = job.event;
  return [event.school, event.address, event.room].filter(Boolean).join(", ");
}

function JobCard({ job, notice, onChanged }: { job: Job; notice: string; onChanged: (job: Job, notice: string) => void }) {
  const [declining, setDeclining] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const noticeBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeBox.current?.focus();
  }, [notice]);
  const open = job.status === "assigned" || job.status === "confirmed";
  const needsAnswer = job.status === "assigned" || Boolean(job.reconfirm);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const done = await unwrap(api.POST("/api/v1/assignments/{id}/confirm/", { params: { path: { id: String(job.id) } } }));
      onChanged(done, t("interp.confirmed_notice"));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const heading = `job-${job.id}-heading`;
  const where = place(job);
  return (
    <li class="card interp-job" id={`job-${job.id}`} aria-labelledby={heading}>
      <h2 id={heading}>
        <bdi>{job.event.title}</bdi>
      </h2>
      <p class="interp-badges">
        <span class={`badge ${job.status === "confirmed" ? "ok" : job.status === "assigned" ? "full" : "cancelled"}`}>
          {t(`interp.job_status.${job.status}`)}
        </span>
        {job.reconfirm && <span class="badge late">{t("interp.reconfirm")}</span>}
      </p>
      <dl class="facts">
        <Fact label={t("interp.when")}>{formatEventTime(job.event.starts_at, job.event.ends_at, job.event.timezone)}</Fact>
        {where && <Fact label={t("interp.where")}>{where}</Fact>}
        {job.event.online_url && (
          <Fact label={t("interp.online")}>
            <bdi dir="ltr">
              <a href={job.event.online_url}>{job.event.online_url}</a>
            </bdi>
          </Fact>
        )}
        <Fact label={t("interp.language")}>{languageName(job.language)}</Fact>
        <Fact label={t("interp.mode_label")}>{modeText(job.mode)}</Fact>
        <Fact label={t("interp.people")}>{formatNumber(job.people)}</Fact>
        {job.attendees && job.attendees.length > 0 && <Fact label={t("interp.attendees")}>{job.attendees.join(", ")}</Fact>}
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
      {open && !declining && (
        <div class="actions">
          {needsAnswer && (
            <button type="button" disabled={busy} aria-busy={busy} onClick={() => void confirm()}>
              {t("interp.confirm")}
            </button>
          )}
          <button type="button" class="secondary" onClick={() => setDeclining(true)}>
            {t("interp.decline")}
          </button>
        </div>
      )}
      {open && declining && (
        <Decline
          job={job}
          onClose={() => setDeclining(false)}
          onDone={(done) => {
            setDeclining(false);
            onChanged(done, t("interp.declined_notice"));
          }}
        />
      )}
    </li>
  );
}

function Jobs({ interpreter }: { interpreter: Interpreter }) {
  const paged = usePaged((page) => loadJobs(interpreter.id, page), [interpreter.id]);
  const [notice, setNotice] = useState<{ id: number; text: string } | null>(null);
  return (
    <Loaded state={paged.state}>
      {({ results, count }) =>
        results.length ? (
          <>
            <p class="muted">{tn("interp.jobs_count", count)}</p>
            <ul class="cards single">
              {results.map((job) => (
                <JobCard
                  key={job.id}
                  job={job}
                  notice={notice?.id === job.id ? notice.text : ""}
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
          <p>{t("interp.no_jobs")}</p>
        )
      }
    </Loaded>
  );
}

function MyJobs({ profile }: { profile: Profile }) {
  const entry = useLoad(() => myEntry(profile), [profile.id]);
  return (
    <>
      <h1>{t("interp.jobs_heading")}</h1>
      <Loaded state={entry}>
        {(interpreter) =>
          interpreter ? (
            <>
              <p>{t("interp.jobs_intro")}</p>
              <section aria-labelledby="jobs-calendar-heading" class="interp-calendar">
                <h2 id="jobs-calendar-heading">{t("interp.calendar_heading")}</h2>
                <p>{t("interp.calendar_text")}</p>
                <a class="button secondary" href="/me/calendar">
                  {t("interp.calendar_link")}
                </a>
              </section>
              <p>
                <a href="/interpreting/roster">{t("interp.roster.own_heading")}</a>
              </p>
              <Jobs interpreter={interpreter} />
            </>
          ) : (
            <p>{t("interp.not_on_roster")}</p>
          )
        }
      </Loaded>
    </>
  );
}

export function MyJobsPage() {
  return <SignedIn heading={t("interp.jobs_heading")}>{(profile) => <MyJobs profile={profile} />}</SignedIn>;
}
