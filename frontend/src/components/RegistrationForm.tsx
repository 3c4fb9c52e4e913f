/** Registration in three screens — who, party and needs, confirm — for a parent on her own
 * phone and for CBO staff registering a family (with the family's recorded consent). What
 * is typed is kept when the server refuses it; one tap makes one registration, and a retry
 * after a dropped connection sends the same idempotency key, so it cannot make a second. */
import { useEffect, useRef, useState } from "preact/hooks";
import { loadLanguages, languageLabel } from "../api/catalogue";
import { ApiError, api, type Event, type RegistrationCreated, type Schemas, unwrap } from "../api/client";
import { formatNumber, language, t, tn } from "../i18n";
import { focusHeading } from "../router";
import { ErrorSummary, Field } from "./Form";
import { Translated } from "./EventBits";
import { Loaded, useLoad } from "./Status";

type Accessibility = Schemas["AccessibilityEnum"];
type ConsentText = Schemas["ConsentText"];
const ACCESSIBILITY: readonly Accessibility[] = ["wheelchair", "hearing", "vision", "seating", "quiet_space", "other"];
const STEP_FIELDS: Record<string, 1 | 2> = {
  name: 1,
  phone: 1,
  email: 1,
  consent: 1,
  consent_version: 1,
  consent_language: 1,
  channel: 1,
  adults: 2,
  children: 2,
  childcare_ages: 2,
  interpreter_language: 2,
  accessibility: 2,
  accessibility_notes: 2,
};

export type Draft = {
  name: string;
  phone: string;
  email: string;
  adults: number;
  children: number;
  childcare: boolean;
  childcareAges: string[];
  interpreter: string;
  accessibility: Accessibility[];
  accessibilityNotes: string;
  consent: boolean;
  /** How a guest who gave both a phone and an email hears from us. */
  channel: "sms" | "email";
};

export function emptyDraft(): Draft {
  const mine = language().code;
  return {
    name: "",
    phone: "",
    email: "",
    adults: 1,
    children: 0,
    childcare: false,
    childcareAges: [],
    interpreter: mine === "en" ? "" : mine,
    accessibility: [],
    accessibilityNotes: "",
    consent: false,
    channel: "sms",
  };
}

/** The consent text the server keeps for the organisation, in the page's language (the
 * client sends it as Accept-Language): its version and language go back with the
 * registration, which stores the text exactly as shown. */
function loadConsent(organization?: { id: number }): Promise<ConsentText | null> {
  if (!organization) return Promise.resolve(null);
  return unwrap(
    api.GET("/api/v1/registrations/consent/{organization_id}/", {
      params: { path: { organization_id: String(organization.id) } },
    }),
  );
}

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function labels(forCbo: boolean): Record<string, string> {
  // CBO staff type another person's details: the labels say whose they are.
  return {
    name: t(forCbo ? "cbo.family_name" : "register.name"),
    phone: t(forCbo ? "cbo.family_phone" : "register.phone"),
    email: t(forCbo ? "cbo.family_email" : "register.email"),
    consent: t("cbo.consent"),
    consent_version: t("cbo.consent"),
    consent_language: t("cbo.consent"),
    channel: t("register.channel"),
    adults: t("register.adults"),
    children: t("register.children"),
    childcare_ages: t("register.childcare_ages"),
    interpreter_language: t("register.interpreter"),
    accessibility: t("register.accessibility"),
    accessibility_notes: t("register.accessibility_notes"),
  };
}

function clientErrors(step: 1 | 2, draft: Draft, forCbo: boolean): ApiError | null {
  const fields: Record<string, string[]> = {};
  if (step === 1) {
    if (!draft.name.trim()) fields.name = [t("register.need_name")];
    if (!forCbo && !draft.phone.trim() && !draft.email.trim()) fields.phone = [t("register.need_contact")];
    if (forCbo && !draft.consent) fields.consent = [t("cbo.need_consent")];
  }
  return Object.keys(fields).length ? new ApiError(400, "invalid", t("form.check"), fields) : null;
}

export function RegistrationForm({
  event,
  organization,
  onDone,
}: {
  event: Event;
  organization?: { id: number; name: string };
  onDone: (created: RegistrationCreated) => void | Promise<void>;
}) {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newKey());
  const inFlight = useRef(false);
  const languages = useLoad(loadLanguages);
  const consentText = useLoad(() => loadConsent(organization), [organization?.id]);
  const forCbo = Boolean(organization);
  const maxParty = event.max_party_size;

  // A new screen starts from its heading, unless it opened to show what was refused: then
  // the error summary has the focus.
  useEffect(() => {
    if (!error) focusHeading();
  }, [step]);

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const next = (from: 1 | 2) => (submit: SubmitEvent) => {
    submit.preventDefault();
    const problem = clientErrors(from, draft, forCbo);
    setError(problem);
    if (!problem) setStep((from + 1) as 2 | 3);
  };

  const send = async () => {
    // A second tap while the first is on its way does nothing (a ref, not the state: a
    // double tap can land before the re-render that disables the button).
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setError(null);
    try {
      const created = await unwrap(
        api.POST("/api/v1/events/{id}/registrations/", {
          params: { path: { id: String(event.id) } },
          headers: { "Idempotency-Key": key.current },
          body: {
            name: draft.name.trim(),
            phone: draft.phone.trim(),
            email: draft.email.trim(),
            adults: draft.adults,
            children: draft.children,
            childcare_ages: draft.childcare ? draft.childcareAges.slice(0, draft.children).map(Number) : [],
            interpreter_language: draft.interpreter || null,
            accessibility: draft.accessibility,
            accessibility_notes: draft.accessibilityNotes.trim(),
            // A parent reads the page's language; a family a CBO registers, the one they
            // need an interpreter in (the server does the same when this is left out).
            preferred_language: organization ? draft.interpreter || undefined : language().code,
            // Only a choice when both were given; otherwise the server uses the one there is.
            channel: !organization && draft.phone.trim() && draft.email.trim() ? draft.channel : "",
            consent: organization ? draft.consent : false,
            ...(organization
              ? {
                  organization: organization.id,
                  consent_version: consentText.data?.version ?? "",
                  consent_language: consentText.data?.language ?? "",
                }
              : {}),
          },
        }),
      );
      // On success the form stays busy until the pass opens: a tap now would send again.
      await onDone(created);
      return;
    } catch (problem) {
      const fields = problem instanceof ApiError ? Object.keys(problem.fields) : [];
      setError(problem);
      // The server answered, so nothing was stored: what is sent next is a new request.
      // After a dropped connection the key stays, so the retry finds what the first made.
      if (!(problem instanceof ApiError && problem.code === "network")) key.current = newKey();
      // The text changed since this form loaded it: show the new one, to be agreed again.
      if (problem instanceof ApiError && problem.code === "consent_version_unknown") {
        update({ consent: false });
        consentText.reload();
      }
      const steps = fields.map((name) => STEP_FIELDS[name] ?? 3);
      if (steps.length) setStep(Math.min(...steps) as 1 | 2 | 3);
    }
    inFlight.current = false;
    setSending(false);
  };

  const title = <Translated text={event.title} translations={event.title_translations} />;
  const stepLabel = <p class="step">{t("register.step", { step: formatNumber(step), steps: formatNumber(3) })}</p>;
  const fieldLabels = labels(forCbo);

  if (step === 1) {
    return (
      <form onSubmit={next(1)} noValidate>
        <h1>{t(forCbo ? "cbo.who_heading" : "register.who_heading")}</h1>
        {stepLabel}
        <p class="muted">{title}</p>
        <ErrorSummary error={error} labels={fieldLabels} />
        <p>{t(forCbo ? "cbo.who_intro" : "register.who_intro")}</p>
        <Field name="name" label={fieldLabels.name} error={error}>
          {(props) => (
            <input {...props} type="text" autoComplete={forCbo ? "off" : "name"} value={draft.name} onInput={(e) => update({ name: e.currentTarget.value })} />
          )}
        </Field>
        <Field name="phone" label={fieldLabels.phone} hint={t("register.phone_hint")} error={error}>
          {(props) => (
            <input {...props} type="tel" dir="ltr" inputMode="tel" autoComplete={forCbo ? "off" : "tel"} value={draft.phone} onInput={(e) => update({ phone: e.currentTarget.value })} />
          )}
        </Field>
        <Field name="email" label={fieldLabels.email} hint={t("register.email_hint")} error={error}>
          {(props) => (
            <input {...props} type="email" dir="ltr" autoComplete={forCbo ? "off" : "email"} value={draft.email} onInput={(e) => update({ email: e.currentTarget.value })} />
          )}
        </Field>
        {!organization && draft.phone.trim() && draft.email.trim() && (
          <fieldset class="field" id="field-channel" tabIndex={-1}>
            <legend>{t("register.channel")}</legend>
            {(["sms", "email"] as const).map((channel) => (
              <div class="check" key={channel}>
                <input
                  id={`channel-${channel}`}
                  type="radio"
                  name="channel"
                  checked={draft.channel === channel}
                  onChange={() => update({ channel })}
                />
                <label for={`channel-${channel}`}>{t(`register.channel_${channel}`)}</label>
              </div>
            ))}
          </fieldset>
        )}
        {organization && (
          <Loaded state={consentText}>
            {(consent) => (
              <div class={`field check${error instanceof ApiError && error.fields.consent ? " invalid" : ""}`}>
                <input
                  id="field-consent"
                  type="checkbox"
                  checked={draft.consent}
                  onChange={(e) => update({ consent: e.currentTarget.checked })}
                />
                <label for="field-consent" lang={consent?.language}>
                  {consent?.text}
                </label>
              </div>
            )}
          </Loaded>
        )}
        <p class="hint">{t("register.no_id")}</p>
        <button type="submit" class="primary">
          {t("common.next")}
        </button>
      </form>
    );
  }

  if (step === 2) {
    const children = Array.from({ length: draft.children }, (_, i) => i);
    return (
      <form onSubmit={next(2)} noValidate>
        <h1>{t("register.party_heading")}</h1>
        {stepLabel}
        <ErrorSummary error={error} labels={fieldLabels} />
        <Field name="adults" label={fieldLabels.adults} error={error}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={1} max={maxParty} value={draft.adults} onInput={(e) => update({ adults: Number(e.currentTarget.value) || 0 })} />
          )}
        </Field>
        <Field name="children" label={fieldLabels.children} error={error}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={0} max={maxParty} value={draft.children} onInput={(e) => update({ children: Number(e.currentTarget.value) || 0 })} />
          )}
        </Field>
        {draft.children > 0 && (
          <fieldset class="field">
            <legend>{t("register.childcare")}</legend>
            <div class="check">
              <input id="field-childcare" type="checkbox" checked={draft.childcare} onChange={(e) => update({ childcare: e.currentTarget.checked })} />
              <label for="field-childcare">{t("register.childcare_yes")}</label>
            </div>
            {draft.childcare &&
              children.map((i) => (
                <div class="field inline" key={i}>
                  <label for={i === 0 ? "field-childcare_ages" : `field-childcare_ages-${i}`}>
                    {t("register.child_age", { number: formatNumber(i + 1) })}
                  </label>
                  <input
                    id={i === 0 ? "field-childcare_ages" : `field-childcare_ages-${i}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={17}
                    value={draft.childcareAges[i] ?? ""}
                    onInput={(e) => {
                      const ages = [...draft.childcareAges];
                      ages[i] = e.currentTarget.value;
                      update({ childcareAges: ages });
                    }}
                  />
                </div>
              ))}
          </fieldset>
        )}
        <Field name="interpreter_language" label={fieldLabels.interpreter_language} hint={t("register.interpreter_hint")} error={error}>
          {(props) => (
            <select {...props} value={draft.interpreter} onChange={(e) => update({ interpreter: e.currentTarget.value })}>
              <option value="">{t("register.no_interpreter")}</option>
              {(languages.data ?? []).map((l) => (
                <option key={l.code} value={l.code}>
                  {languageLabel(l)}
                </option>
              ))}
              {!languages.data && draft.interpreter && <option value={draft.interpreter}>{draft.interpreter}</option>}
            </select>
          )}
        </Field>
        <fieldset class="field" id="field-accessibility" tabIndex={-1}>
          <legend>{fieldLabels.accessibility}</legend>
          {ACCESSIBILITY.map((need) => (
            <div class="check" key={need}>
              <input
                id={`need-${need}`}
                type="checkbox"
                checked={draft.accessibility.includes(need)}
                onChange={(e) =>
                  update({
                    accessibility: e.currentTarget.checked
                      ? [...draft.accessibility, need]
                      : draft.accessibility.filter((n) => n !== need),
                  })
                }
              />
              <label for={`need-${need}`}>{t(`need.${need}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field name="accessibility_notes" label={fieldLabels.accessibility_notes} error={error}>
          {(props) => (
            <textarea {...props} rows={2} value={draft.accessibilityNotes} onInput={(e) => update({ accessibilityNotes: e.currentTarget.value })} />
          )}
        </Field>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setStep(1)}>
            {t("common.back")}
          </button>
          <button type="submit" class="primary">
            {t("common.next")}
          </button>
        </div>
      </form>
    );
  }

  const interpreter = languages.data?.find((l) => l.code === draft.interpreter);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h1>{t("register.confirm_heading")}</h1>
      {stepLabel}
      <ErrorSummary error={error} labels={fieldLabels} />
      <dl class="facts">
        <dt>{t("pass.event")}</dt>
        <dd>{title}</dd>
        <dt>{fieldLabels.name}</dt>
        <dd>{draft.name}</dd>
        {draft.phone && <dt>{fieldLabels.phone}</dt>}
        {draft.phone && (
          <dd>
            <bdi dir="ltr">{draft.phone}</bdi>
          </dd>
        )}
        {draft.email && <dt>{fieldLabels.email}</dt>}
        {draft.email && (
          <dd>
            <bdi dir="ltr">{draft.email}</bdi>
          </dd>
        )}
        <dt>{t("pass.party")}</dt>
        <dd>
          {tn("register.adults_count", draft.adults)}, {tn("register.children_count", draft.children)}
        </dd>
        {draft.childcare && draft.children > 0 && <dt>{t("register.childcare")}</dt>}
        {draft.childcare && draft.children > 0 && (
          <dd>{draft.childcareAges.slice(0, draft.children).filter(Boolean).map((age) => formatNumber(Number(age))).join(", ")}</dd>
        )}
        <dt>{fieldLabels.interpreter_language}</dt>
        <dd>{interpreter ? languageLabel(interpreter) : t("register.no_interpreter")}</dd>
        {draft.accessibility.length > 0 && <dt>{fieldLabels.accessibility}</dt>}
        {draft.accessibility.length > 0 && <dd>{draft.accessibility.map((need) => t(`need.${need}`)).join(", ")}</dd>}
      </dl>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setStep(1)}>
          {t("register.change_details")}
        </button>
        <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
          {sending ? t("register.sending") : t("register.submit")}
        </button>
      </div>
    </form>
  );
}
