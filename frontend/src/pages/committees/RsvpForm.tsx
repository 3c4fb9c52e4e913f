/** RSVP to a meeting, signed in: yes / maybe / no, how many are coming and an interpreter.
 * The current answer (if any) is shown and can be changed; the server decides who may
 * answer and until when, and its refusals are shown as they come. Visitors who are not
 * signed in are asked to sign in first. */
import { useState } from "preact/hooks";
import { session } from "../../api/auth";
import { loadLanguages, languageLabel } from "../../api/catalogue";
import { ApiError, api, type Meeting, type Schemas, unwrap } from "../../api/client";
import { ErrorSummary, Field, fieldErrors } from "../../components/Form";
import { Loaded, Loading, useLoad } from "../../components/Status";
import { language, languageName, t } from "../../i18n";
import { useStore } from "../../store";

type Rsvp = Schemas["Rsvp"];
type Response = Schemas["ResponseEnum"];
const RESPONSES: readonly Response[] = ["yes", "maybe", "no"];
// The API's answers meaning "no more answers for this meeting": the form would not help.
const CLOSED = ["registration_closed", "event_cancelled", "event_not_found"];

async function loadRsvp(meetingId: number): Promise<Rsvp | null> {
  try {
    return await unwrap(api.GET("/api/v1/meetings/{id}/rsvp/", { params: { path: { id: String(meetingId) } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null; // Not answered yet.
    throw error;
  }
}

function labels(): Record<string, string> {
  return {
    response: t("rsvp.response"),
    adults: t("rsvp.adults"),
    children: t("rsvp.children"),
    interpreter_language: t("rsvp.interpreter"),
  };
}

function pageLanguage(): string {
  const mine = language().code;
  return mine === "en" ? "" : mine;
}

function CurrentAnswer({ answer, languageText }: { answer: Rsvp; languageText: (code: string) => string }) {
  return (
    <div class="notice current-answer">
      <p class="notice-title">{t("rsvp.current", { response: t(`rsvp.response.${answer.response}`) })}</p>
      {answer.response !== "no" && (
        <p>
          {t("rsvp.current_party", { adults: answer.adults, children: answer.children })}
          {answer.interpreter_language && (
            <>
              <br />
              {t("rsvp.current_interpreter", { language: languageText(answer.interpreter_language) })}
            </>
          )}
        </p>
      )}
      {answer.status === "waitlisted" && <p>{t("rsvp.waitlisted")}</p>}
    </div>
  );
}

function RsvpEditor({ meeting, current }: { meeting: Meeting; current: Rsvp | null }) {
  const [answer, setAnswer] = useState<Rsvp | null>(current);
  const [response, setResponse] = useState<Response | "">(current?.response ?? "");
  const [adults, setAdults] = useState(current && current.response !== "no" ? current.adults : 1);
  const [children, setChildren] = useState(current && current.response !== "no" ? current.children : 0);
  const [interpreter, setInterpreter] = useState(
    current && current.response !== "no" ? (current.interpreter_language ?? "") : pageLanguage(),
  );
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState(false);
  const languages = useLoad(loadLanguages);
  const fieldLabels = labels();

  const languageText = (code: string) => {
    const found = languages.data?.find((l) => l.code === code);
    return found ? languageLabel(found) : languageName(code);
  };

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return; // A second tap while the first is on its way does nothing.
    setSending(true);
    setSaved(false);
    setError(null);
    const attending = response !== "no";
    const body = {
      ...(response ? { response } : {}),
      adults: attending ? adults : 1,
      children: attending ? children : 0,
      interpreter_language: attending && interpreter ? interpreter : null,
      preferred_language: language().code,
      accessibility_notes: "",
      phone: "",
    } as Schemas["RsvpWriteRequest"];
    try {
      const created = await unwrap(
        api.POST("/api/v1/meetings/{id}/rsvp/", { params: { path: { id: String(meeting.id) } }, body }),
      );
      setAnswer(created);
      setSaved(true);
    } catch (problem) {
      setError(problem);
    } finally {
      setSending(false);
    }
  };

  const responseErrors = fieldErrors(error, "response");
  if (error instanceof ApiError && CLOSED.includes(error.code)) {
    return (
      <>
        {answer && <CurrentAnswer answer={answer} languageText={languageText} />}
        <div role="alert" class="notice warning">
          <p class="notice-title">{t("rsvp.closed")}</p>
          {error.message && <p>{error.message}</p>}
        </div>
      </>
    );
  }
  return (
    <>
      {saved && (
        <p role="status" class="notice success">
          {t("rsvp.saved")}
        </p>
      )}
      {answer && <CurrentAnswer answer={answer} languageText={languageText} />}
      <form onSubmit={send} noValidate aria-labelledby="rsvp-heading">
        <ErrorSummary error={error} labels={fieldLabels} />
        <fieldset
          class={responseErrors.length ? "field invalid" : "field"}
          id="field-response"
          tabIndex={-1}
          aria-describedby={responseErrors.length ? "field-response-error" : undefined}
        >
          <legend>{fieldLabels.response}</legend>
          {responseErrors.length > 0 && (
            <p class="field-error" id="field-response-error">
              {responseErrors.join(" ")}
            </p>
          )}
          {RESPONSES.map((value) => (
            <div class="check" key={value}>
              <input
                type="radio"
                id={`rsvp-${value}`}
                name="response"
                value={value}
                checked={response === value}
                onChange={() => setResponse(value)}
              />
              <label for={`rsvp-${value}`}>{t(`rsvp.response.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        {response !== "no" && (
          <>
            <div class="party">
              <Field name="adults" label={fieldLabels.adults} error={error}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    value={adults}
                    onInput={(e) => setAdults(Number(e.currentTarget.value) || 0)}
                  />
                )}
              </Field>
              <Field name="children" label={fieldLabels.children} error={error}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    value={children}
                    onInput={(e) => setChildren(Number(e.currentTarget.value) || 0)}
                  />
                )}
              </Field>
            </div>
            <Field
              name="interpreter_language"
              label={fieldLabels.interpreter_language}
              hint={t("rsvp.interpreter_hint")}
              error={error}
            >
              {(props) => (
                <select {...props} value={interpreter} onChange={(e) => setInterpreter(e.currentTarget.value)}>
                  <option value="">{t("rsvp.no_interpreter")}</option>
                  {(languages.data ?? []).map((l) => (
                    <option key={l.code} value={l.code}>
                      {languageLabel(l)}
                    </option>
                  ))}
                  {!languages.data && interpreter && <option value={interpreter}>{languageName(interpreter)}</option>}
                </select>
              )}
            </Field>
          </>
        )}
        <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
          {sending ? t("rsvp.sending") : t(answer ? "rsvp.change" : "rsvp.submit")}
        </button>
      </form>
    </>
  );
}

function SignedInRsvp({ meeting, userId }: { meeting: Meeting; userId: number }) {
  const state = useLoad(() => loadRsvp(meeting.id), [meeting.id, userId]);
  return <Loaded state={state}>{(current) => <RsvpEditor meeting={meeting} current={current} />}</Loaded>;
}

export function RsvpSection({ meeting }: { meeting: Meeting }) {
  const profile = useStore(session);
  return (
    <section aria-labelledby="rsvp-heading" class="rsvp">
      <h2 id="rsvp-heading">{t("rsvp.heading")}</h2>
      <p>{t("rsvp.intro")}</p>
      {profile === undefined ? (
        <Loading />
      ) : profile === null ? (
        <div class="notice sign-in-prompt">
          <p>{t("rsvp.sign_in_text")}</p>
          <a class="button primary" href={`/account/sign-in?next=/meetings/${meeting.id}`}>
            {t("rsvp.sign_in")}
          </a>
        </div>
      ) : (
        <SignedInRsvp meeting={meeting} userId={profile.id} />
      )}
    </section>
  );
}
