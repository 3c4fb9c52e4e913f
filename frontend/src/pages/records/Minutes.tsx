/** A meeting's minutes for its committee's managers: the draft written side by side in
 * the meeting's languages and saved; approved by the chair (others read why they cannot),
 * then read-only; approved minutes are amended with a reason, and the amendments listed. */
import { useState } from "preact/hooks";
import { api, ApiError, type Meeting, type Profile, type Schemas, unwrap } from "../../api/client";
import { Translated } from "../../components/EventBits";
import { ErrorSummary } from "../../components/Form";
import { formatDateTime, languageName, t, tn } from "../../i18n";
import type { PageProps } from "../../router";
import { loadMinutes, PageHeading } from "../committees/shared";
import {
  asTranslations,
  Confirm,
  Managed,
  MeetingLine,
  RecordsGate,
  type Standing,
  TranslationInputs,
  type Translations,
  useAction,
  useMeetingContext,
  writingLanguages,
} from "./shared";

type Minutes = Schemas["Minutes"];
type Amendment = Schemas["Amendment"];

async function minutesOrNone(meeting: Meeting): Promise<Minutes | null> {
  try {
    return await loadMinutes(meeting.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function same(a: Translations, b: Translations): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? "").trim() === (b[key] ?? "").trim());
}

function zoneOf(meeting: Meeting): string {
  return meeting.timezone || "America/New_York";
}

/** Text in each language it was written in, side by side, read-only. */
function TextColumns({ text, languages }: { text: Translations; languages: string[] }) {
  return (
    <div class="side-by-side wide">
      {languages
        .filter((code) => text[code]?.trim())
        .map((code) => (
          <section key={code} class="read-text" aria-label={languageName(code)}>
            <p class="read-language">{languageName(code)}</p>
            <div lang={code} dir="auto">
              {text[code]
                .split(/\n\s*\n/)
                .filter((block) => block.trim())
                .map((block, i) => (
                  <p key={i}>{block}</p>
                ))}
            </div>
          </section>
        ))}
    </div>
  );
}

function ApproveBox({
  meeting,
  minutes,
  standing,
  dirty,
  onApproved,
}: {
  meeting: Meeting;
  minutes: Minutes | null;
  standing: Standing;
  dirty: boolean;
  onApproved: (minutes: Minutes) => void;
}) {
  const [asking, setAsking] = useState(false);
  const { error, run } = useAction();
  const why = !standing.approve
    ? t("records.approve_chair_only")
    : !minutes
      ? t("records.approve_save_first")
      : dirty
        ? t("records.approve_unsaved")
        : "";
  const approve = () => {
    setAsking(false);
    void run(async () => {
      onApproved(await unwrap(api.POST("/api/v1/meetings/{id}/minutes/approve/", { params: { path: { id: String(meeting.id) } }, body: {} })));
    });
  };
  return (
    <section aria-labelledby="approve-heading" class="approve">
      <h2 id="approve-heading">{t("records.approve_heading")}</h2>
      <ErrorSummary error={error} labels={{}} />
      {asking ? (
        <Confirm
          question={t("records.approve_confirm")}
          yes={t("records.approve_yes")}
          no={t("records.cancel")}
          onYes={approve}
          onNo={() => setAsking(false)}
          danger={false}
        />
      ) : (
        <>
          {why && (
            <p class="hint" id="approve-why">
              {why}
            </p>
          )}
          <button type="button" disabled={Boolean(why)} aria-describedby={why ? "approve-why" : undefined} onClick={() => setAsking(true)}>
            {t("records.approve")}
          </button>
        </>
      )}
    </section>
  );
}

function DraftEditor({
  meeting,
  minutes,
  standing,
  onChange,
}: {
  meeting: Meeting;
  minutes: Minutes | null;
  standing: Standing;
  onChange: (minutes: Minutes) => void;
}) {
  const saved = asTranslations(minutes?.text_translations);
  const [text, setText] = useState<Translations>(saved);
  const { busy, error, run } = useAction();
  const [said, setSaid] = useState("");
  const languages = writingLanguages(meeting, saved, text);
  const started = Date.parse(meeting.starts_at) <= Date.now();
  const save = (event: Event) => {
    event.preventDefault();
    setSaid("");
    void run(async () => {
      const answer = await unwrap(
        api.PUT("/api/v1/meetings/{id}/minutes/", { params: { path: { id: String(meeting.id) } }, body: { text_translations: text } }),
      );
      onChange(answer);
      setSaid(t("records.draft_saved", { time: formatDateTime(answer.updated_at, zoneOf(meeting)) }));
    });
  };
  return (
    <>
      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">{t("records.draft_heading")}</h2>
        {!started && <p class="notice warning">{t("records.not_started")}</p>}
        <p class="hint">{t("records.translations_hint")}</p>
        <form onSubmit={save} noValidate>
          <ErrorSummary error={error} labels={{ text_translations: t("records.minutes_text") }} />
          <TranslationInputs
            name="text_translations"
            legend={t("records.minutes_text")}
            languages={languages}
            value={text}
            onChange={setText}
            multiline
            error={error}
          />
          <div class="actions">
            <button type="submit" disabled={busy} aria-busy={busy}>
              {t("records.save_draft")}
            </button>
            <span role="status">{said}</span>
          </div>
        </form>
      </section>
      <ApproveBox meeting={meeting} minutes={minutes} standing={standing} dirty={!same(text, saved)} onApproved={onChange} />
    </>
  );
}

function AmendmentForm({ meeting, onAdded }: { meeting: Meeting; onAdded: (amendment: Amendment) => void }) {
  const [text, setText] = useState<Translations>({});
  const [reason, setReason] = useState("");
  const { busy, error, run } = useAction();
  const labels = { text_translations: t("records.amendment_text"), reason: t("records.amendment_reason") };
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const added = await unwrap(
        api.POST("/api/v1/meetings/{id}/minutes/amendments/", {
          params: { path: { id: String(meeting.id) } },
          body: { text_translations: text, reason: reason.trim() },
        }),
      );
      setText({});
      setReason("");
      onAdded(added);
    });
  };
  return (
    <section aria-labelledby="amend-heading">
      <h2 id="amend-heading">{t("records.amend_heading")}</h2>
      <p class="hint">{t("records.amend_intro")}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} labels={labels} />
        <div class="field">
          <label for="field-reason">{labels.reason}</label>
          <input type="text" id="field-reason" dir="auto" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
        <TranslationInputs
          name="text_translations"
          legend={labels.text_translations}
          languages={writingLanguages(meeting, text)}
          value={text}
          onChange={setText}
          multiline
          rows={4}
          error={error}
          idPrefix="amend-"
        />
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t("records.amend_add")}
        </button>
      </form>
    </section>
  );
}

function Approved({ meeting, minutes, onChange }: { meeting: Meeting; minutes: Minutes; onChange: (minutes: Minutes) => void }) {
  const text = asTranslations(minutes.text_translations);
  const zone = zoneOf(meeting);
  return (
    <>
      <section aria-labelledby="approved-heading">
        <h2 id="approved-heading">{t("records.approved_heading")}</h2>
        <TextColumns text={text} languages={writingLanguages(meeting, text)} />
      </section>
      <section aria-labelledby="amendments-heading">
        <h2 id="amendments-heading">{t("records.amendments_heading")}</h2>
        <p class="muted" role="status">
          {tn("records.amendments_count", minutes.amendments.length)}
        </p>
        {minutes.amendments.length > 0 && (
          <ol class="cards single amendments">
            {minutes.amendments.map((amendment) => (
              <li key={amendment.id} class="card">
                <p class="muted">{t("records.amended_on", { date: formatDateTime(amendment.created_at, zone) })}</p>
                {amendment.reason && <p>{t("records.amendment_reason_is", { reason: amendment.reason })}</p>}
                <Translated as="p" text={amendment.text} translations={amendment.text_translations} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <AmendmentForm meeting={meeting} onAdded={(added) => onChange({ ...minutes, amendments: [...minutes.amendments, added] })} />
    </>
  );
}

function MinutesEditor({ meeting, first, standing }: { meeting: Meeting; first: Minutes | null; standing: Standing }) {
  const [minutes, setMinutes] = useState(first);
  const approved = minutes?.status === "approved";
  return (
    <>
      <MeetingLine meeting={meeting} />
      <p role="status" class="minutes-status">
        {approved && minutes?.approved_at ? (
          <>
            <span class="badge ok">{t("records.status_approved")}</span> {t("records.approved_on", { date: formatDateTime(minutes.approved_at, zoneOf(meeting)) })}
          </>
        ) : (
          <span class="badge full">{minutes ? t("records.status_draft") : t("records.status_none")}</span>
        )}
      </p>
      {approved && minutes ? (
        <Approved meeting={meeting} minutes={minutes} onChange={setMinutes} />
      ) : (
        <DraftEditor meeting={meeting} minutes={minutes} standing={standing} onChange={setMinutes} />
      )}
    </>
  );
}

function MinutesPage({ id, profile, heading }: { id: string; profile: Profile; heading: string }) {
  const state = useMeetingContext(id, profile, minutesOrNone);
  return (
    <>
      <PageHeading title={state.data?.standing.manage ? t("records.minutes_of", { title: state.data.meeting.title }) : undefined} fallback={heading} />
      <Managed state={state}>{(data) => <MinutesEditor meeting={data.meeting} first={data.more ?? null} standing={data.standing} />}</Managed>
    </>
  );
}

export function RecordsMinutesPage({ params }: PageProps) {
  const heading = t("records.minutes_page");
  return <RecordsGate heading={heading}>{(profile) => <MinutesPage id={params.id} profile={profile} heading={heading} />}</RecordsGate>;
}
