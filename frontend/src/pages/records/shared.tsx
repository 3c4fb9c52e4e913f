/** What the records pages share: the sign-in gate, who the signed-in person is on the
 * committee (the API still decides every write), "not allowed" for a 403/404, the links
 * back to the chair's pages, and text in several languages side by side. */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { api, ApiError, type Committee, type Meeting, type Profile, type Schemas, unwrap } from "../../api/client";
import { EventTime, Translated } from "../../components/EventBits";
import { fieldErrors } from "../../components/Form";
import { LoadError, Loading, useLoad } from "../../components/Status";
import { languageName, t } from "../../i18n";
import { SignedIn } from "../account/shared";
import { loadCommittee, loadMeeting } from "../committees/shared";
import "../records.css";

export type Member = Schemas["Member"];
export type Translations = Record<string, string>;

export const ROLES = ["chair", "co_chair", "secretary", "parent", "school_staff", "cbo_representative"] as const;

export function roleName(role: string): string {
  return t(`invitation.role.${role}`);
}

export async function loadMembers(committeeId: number | string): Promise<Member[]> {
  const page = await unwrap(
    api.GET("/api/v1/committees/{id}/members/", { params: { path: { id: String(committeeId) }, query: { page_size: 200 } } }),
  );
  return page.results as Member[];
}

/** What the signed-in person may do on the committee, as the API says (it still decides
 * every write). */
export type Standing = { manage: boolean; approve: boolean };

function standingOf(committee: Committee): Standing {
  return { manage: committee.can_manage, approve: committee.can_approve_minutes };
}

export type CommitteeContext = { committee: Committee; members: Member[]; standing: Standing };
export type MeetingContext = { committee: Committee; meeting: Meeting; standing: Standing };

/** The committee and, for its managers only, every member. */
export function useCommitteeContext(id: string, profile: Profile) {
  return useLoad(async (): Promise<CommitteeContext> => {
    const committee = await loadCommittee(id);
    const standing = standingOf(committee);
    return { committee, standing, members: standing.manage ? await loadMembers(id) : [] };
  }, [id, profile.id]);
}

/** The meeting, its committee and what the person may do, plus ``more`` (the page's own
 * data) loaded only for a manager. */
export function useMeetingContext<T>(id: string, profile: Profile, more: (meeting: Meeting) => Promise<T>) {
  return useLoad(async (): Promise<MeetingContext & { more?: T }> => {
    const meeting = await loadMeeting(id);
    const committee = await loadCommittee(meeting.committee);
    const context = { meeting, committee, standing: standingOf(committee) };
    return context.standing.manage ? { ...context, more: await more(meeting) } : context;
  }, [id, profile.id]);
}

function refused(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

/** A write to the API: busy while it runs, and its error (shown by the form) if it fails. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** "Are you sure?" in the page (no dialog): the question, yes (in red when it destroys) and no. */
export function Confirm({
  question,
  yes,
  no,
  onYes,
  onNo,
  danger = true,
}: {
  question: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
  danger?: boolean;
}) {
  return (
    <div class="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <div class="actions">
        <button type="button" class={danger ? "danger" : ""} onClick={onYes}>
          {yes}
        </button>
        <button type="button" class="secondary" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}

/** Moves the focus once the page has drawn: to ``id``, or ``fallback`` if that is gone
 * or disabled. */
export function focusLater(id: string, fallback: string) {
  window.setTimeout(() => {
    const target = document.getElementById(id) as HTMLButtonElement | null;
    (target && !target.disabled ? target : document.getElementById(fallback))?.focus();
  }, 0);
}

/** Words for screen readers only: which item a repeated button ("Edit") is for. */
export function Hidden({ text }: { text: string }) {
  return <span class="visually-hidden">{text}</span>;
}

export function NotAllowed() {
  return (
    <>
      <p role="alert" class="notice warning">
        {t("records.not_allowed")}
      </p>
      <p>
        <a href="/chair">{t("records.to_chair")}</a>
      </p>
    </>
  );
}

/** Loading, "not allowed" (a 403/404, or not a manager), another error, or the page. */
export function Managed<T extends { standing: Standing }>({
  state,
  children,
}: {
  state: { data?: T; error?: unknown; reload: () => void };
  children: (data: T) => ComponentChildren;
}) {
  if (state.data) return state.data.standing.manage ? <>{children(state.data)}</> : <NotAllowed />;
  if (state.error !== undefined) return refused(state.error) ? <NotAllowed /> : <LoadError error={state.error} retry={state.reload} />;
  return <Loading />;
}

export function RecordsGate({ heading, children }: { heading: string; children: (profile: Profile) => ComponentChildren }) {
  return <SignedIn heading={heading}>{children}</SignedIn>;
}

export function Crumbs({ committee, meeting }: { committee?: number; meeting?: number }) {
  return (
    <nav class="records-crumbs" aria-label={t("records.crumbs")}>
      <ul>
        {meeting !== undefined && (
          <li>
            <a href={`/chair/meetings/${meeting}`}>{t("records.back_meeting")}</a>
          </li>
        )}
        {committee !== undefined && (
          <li>
            <a href={`/chair/committees/${committee}`}>{t("records.back_committee")}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Which meeting (title and time in its zone), with the links back. */
export function MeetingLine({ meeting }: { meeting: Meeting }) {
  return (
    <>
      <p>
        <Translated text={meeting.title} translations={meeting.title_translations} />
        {" · "}
        <EventTime event={meeting} />
      </p>
      <Crumbs meeting={meeting.id} committee={meeting.committee} />
    </>
  );
}

/** The languages to write in: English first, then the meeting's, then any already written. */
export function writingLanguages(meeting: Meeting, ...texts: (Translations | undefined)[]): string[] {
  const codes = ["en", ...meeting.languages];
  for (const text of texts) codes.push(...Object.keys(text ?? {}));
  return [...new Set(codes)];
}

export function asTranslations(value: unknown): Translations {
  return value && typeof value === "object" ? (value as Translations) : {};
}

/** The codes among ``languages`` with no text yet (English aside: it is required). */
export function missingIn(languages: string[], text: Translations): string[] {
  return languages.filter((code) => code !== "en" && !text[code]?.trim());
}

export function MissingMarker({ languages, text }: { languages: string[]; text: Translations }) {
  const missing = missingIn(languages, text);
  if (!missing.length) return null;
  return <span class="badge full missing">{t("records.missing_translations", { languages: missing.map(languageName).join(", ") })}</span>;
}

/** One text in several languages, side by side (stacked on a phone): English required,
 * each other language marked while it is empty. Errors for ``name`` show below. */
export function TranslationInputs({
  name,
  legend,
  languages,
  value,
  onChange,
  multiline = false,
  rows = 8,
  error,
  idPrefix = "",
}: {
  name: string;
  legend: string;
  languages: string[];
  value: Translations;
  onChange: (value: Translations) => void;
  multiline?: boolean;
  rows?: number;
  error: unknown;
  idPrefix?: string;
}) {
  const messages = fieldErrors(error, name);
  const errorId = `${idPrefix}field-${name}-error`;
  return (
    <fieldset class={messages.length ? "translations invalid" : "translations"}>
      <legend>{legend}</legend>
      {messages.length > 0 && (
        <p class="field-error" id={errorId}>
          {messages.join(" ")}
        </p>
      )}
      <div class={multiline ? "side-by-side wide" : "side-by-side"}>
        {languages.map((code, index) => {
          const id = index === 0 ? `${idPrefix}field-${name}` : `${idPrefix}field-${name}-${code}`;
          const empty = !value[code]?.trim();
          const props = {
            id,
            lang: code,
            dir: "auto" as const,
            value: value[code] ?? "",
            required: code === "en",
            "aria-describedby": messages.length ? errorId : undefined,
            "aria-invalid": messages.length ? ("true" as const) : undefined,
            onInput: (event: Event) => onChange({ ...value, [code]: (event.currentTarget as HTMLInputElement).value }),
          };
          return (
            <div class="field" key={code}>
              <label for={id}>
                {languageName(code)}
                {code === "en" ? ` ${t("records.required")}` : ""}
                {code !== "en" && empty && <span class="badge full missing">{t("records.missing")}</span>}
              </label>
              {multiline ? <textarea rows={rows} {...props} /> : <input type="text" {...props} />}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
