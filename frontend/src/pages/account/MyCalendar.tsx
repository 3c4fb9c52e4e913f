/** My calendar: one private address that calendar apps subscribe to, holding the events I
 * registered for (and my committees' meetings). The address is shown once, when made;
 * making a new one (after a confirmation) breaks the old, and it can be turned off. */
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { CalendarLinks } from "../../components/EventBits";
import { Loaded, errorText, useLoad } from "../../components/Status";
import { formatDateTime, t, tx } from "../../i18n";
import { SignedIn } from "./shared";
import { useCopy } from "../../components/copy";

type FeedStatus = Schemas["FeedTokenStatus"];
type FeedIssued = Schemas["FeedTokenIssued"];

function loadStatus(): Promise<FeedStatus> {
  return unwrap(api.GET("/api/v1/me/calendar-feed/"));
}

/** The new address, with a copy button and the calendar apps' links. */
function NewLink({ issued }: { issued: FeedIssued }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [issued.webcal_url]);
  const { copied, copy } = useCopy(issued.webcal_url);
  return (
    <section aria-labelledby="feed-new-heading" class="feed-new" tabIndex={-1} ref={box}>
      <h2 id="feed-new-heading">{t("feed.new_heading")}</h2>
      <p class="notice warning">{t("feed.shown_once")}</p>
      <p class="link-box" id="feed-link">
        <bdi dir="ltr">{issued.webcal_url}</bdi>
      </p>
      <button type="button" class="secondary" onClick={copy}>
        {t("common.copy_link")}
      </button>
      <span role="status">{copied === true ? ` ${t("common.copied")}` : copied === false ? ` ${t("feed.copy_failed")}` : ""}</span>
      <h3 class="feed-apps">{t("feed.add_heading")}</h3>
      <CalendarLinks links={issued} subscribe />
      <p class="hint">{t("feed.private")}</p>
    </section>
  );
}

/** A button that asks before it acts. */
function Confirmed({
  id,
  label,
  question,
  yes,
  danger = false,
  onYes,
}: {
  id: string;
  label: string;
  question: string;
  yes: string;
  danger?: boolean;
  onYes: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const prompt = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) prompt.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class={danger ? "danger" : "secondary"} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} tabIndex={-1} ref={prompt}>
        {question}
      </p>
      <div class="actions">
        <button
          type="button"
          class={danger ? "danger" : undefined}
          disabled={busy}
          aria-busy={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onYes();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {yes}
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          {t("feed.keep")}
        </button>
      </div>
    </div>
  );
}

function Feed({ status, reload }: { status: FeedStatus; reload: (status: FeedStatus) => void }) {
  const [issued, setIssued] = useState<FeedIssued | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revoked, setRevoked] = useState(false);

  const make = async () => {
    setError(null);
    setRevoked(false);
    try {
      const made = await unwrap(api.POST("/api/v1/me/calendar-feed/"));
      setIssued(made);
      reload({ active: true, created_at: made.created_at });
    } catch (problem) {
      setError(problem);
    }
  };
  const revoke = async () => {
    setError(null);
    try {
      await unwrap(api.DELETE("/api/v1/me/calendar-feed/"));
      setIssued(null);
      setRevoked(true);
      reload({ active: false, created_at: null });
    } catch (problem) {
      setError(problem);
    }
  };

  return (
    <>
      {error !== null && (
        <p role="alert" class="notice error">
          {errorText(error)}
        </p>
      )}
      <p role="status" class={revoked ? "notice success" : "visually-hidden"}>
        {revoked ? t("feed.revoked") : ""}
      </p>
      {issued && <NewLink issued={issued} />}
      {!status.active && (
        <section aria-labelledby="feed-make-heading">
          <h2 id="feed-make-heading">{t("feed.make_heading")}</h2>
          <p>{t("feed.make_text")}</p>
          <button type="button" class="primary" onClick={make}>
            {t("feed.make")}
          </button>
        </section>
      )}
      {status.active && !issued && (
        <p class="notice">
          {tx("feed.active_since", {
            date: <time dateTime={status.created_at ?? ""}>{status.created_at ? formatDateTime(status.created_at) : ""}</time>,
          })}{" "}
          {t("feed.not_shown_again")}
        </p>
      )}
      {status.active && (
        <>
          <section aria-labelledby="feed-rotate-heading">
            <h2 id="feed-rotate-heading">{t("feed.rotate_heading")}</h2>
            <p>{t("feed.rotate_text")}</p>
            <Confirmed
              id="rotate"
              label={t("feed.rotate")}
              question={t("feed.rotate_question")}
              yes={t("feed.rotate_yes")}
              onYes={make}
            />
          </section>
          <section aria-labelledby="feed-revoke-heading">
            <h2 id="feed-revoke-heading">{t("feed.revoke_heading")}</h2>
            <p>{t("feed.revoke_text")}</p>
            <Confirmed
              id="revoke"
              label={t("feed.revoke")}
              question={t("feed.revoke_question")}
              yes={t("feed.revoke_yes")}
              danger
              onYes={revoke}
            />
          </section>
        </>
      )}
    </>
  );
}

function MyCalendar() {
  const state = useLoad(loadStatus);
  return (
    <>
      <h1>{t("feed.heading")}</h1>
      <p>{t("feed.intro")}</p>
      <Loaded state={state}>{(status) => <Feed status={status} reload={state.setData} />}</Loaded>
    </>
  );
}

export function MyCalendarPage() {
  return <SignedIn heading={t("feed.heading")}>{() => <MyCalendar />}</SignedIn>;
}
