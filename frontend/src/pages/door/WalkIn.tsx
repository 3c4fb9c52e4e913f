/** Someone at the door without a registration, while seats remain: name, a way to reach
 * them, party and interpreter; the API registers and checks them in at once. */
import { useEffect, useRef, useState } from "preact/hooks";
import { loadLanguages, languageLabel } from "../../api/catalogue";
import { ApiError, api, type Event, unwrap } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { useLoad } from "../../components/Status";
import { t } from "../../i18n";
import type { CheckInResult } from "./queue";

type Draft = { name: string; phone: string; email: string; adults: number; children: number; interpreter: string };

const EMPTY: Draft = { name: "", phone: "", email: "", adults: 1, children: 0, interpreter: "" };

export function WalkIn({ event, onDone }: { event: Event; onDone: (result: CheckInResult) => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  const languages = useLoad(() => (open ? loadLanguages() : Promise.resolve([])), [open]);
  const update = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));

  useEffect(() => {
    if (open) first.current?.focus();
    else if (closed.current) opener.current?.focus();
  }, [open]);

  const labels = {
    name: t("door.walk_in_name"),
    phone: t("register.phone"),
    email: t("register.email"),
    adults: t("register.adults"),
    children: t("register.children"),
    interpreter_language: t("register.interpreter"),
  };

  const submit = async (submitted: SubmitEvent) => {
    submitted.preventDefault();
    if (sending) return;
    const fields: Record<string, string[]> = {};
    if (!draft.name.trim()) fields.name = [t("register.need_name")];
    if (!draft.phone.trim() && !draft.email.trim()) fields.phone = [t("register.need_contact")];
    if (Object.keys(fields).length) {
      setError(new ApiError(400, "invalid", t("form.check"), fields));
      return;
    }
    setSending(true);
    setError(null);
    try {
      const result = await unwrap(
        api.POST("/api/v1/events/{id}/walk-ins/", {
          params: { path: { id: String(event.id) } },
          body: {
            name: draft.name.trim(),
            phone: draft.phone.trim(),
            email: draft.email.trim(),
            adults: draft.adults,
            children: draft.children,
            interpreter_language: draft.interpreter || null,
            accessibility_notes: "",
            channel: "",
            consent: false,
          },
        }),
      );
      setDraft(EMPTY);
      setOpen(false);
      onDone(result);
    } catch (problem) {
      setError(problem);
    } finally {
      setSending(false);
    }
  };

  if (!open) {
    return (
      <button type="button" ref={opener} class="secondary" aria-expanded="false" onClick={() => setOpen(true)}>
        {t("door.walk_in_open")}
      </button>
    );
  }
  return (
    <form noValidate onSubmit={submit} class="door-walk-in-form">
      <ErrorSummary error={error} labels={labels} />
      <Field name="name" label={labels.name} error={error}>
        {(props) => <input {...props} ref={first} type="text" autoComplete="off" value={draft.name} onInput={(e) => update({ name: e.currentTarget.value })} />}
      </Field>
      <Field name="phone" label={labels.phone} hint={t("door.walk_in_contact_hint")} error={error}>
        {(props) => <input {...props} type="tel" dir="ltr" inputMode="tel" autoComplete="off" value={draft.phone} onInput={(e) => update({ phone: e.currentTarget.value })} />}
      </Field>
      <Field name="email" label={labels.email} error={error}>
        {(props) => <input {...props} type="email" dir="ltr" autoComplete="off" value={draft.email} onInput={(e) => update({ email: e.currentTarget.value })} />}
      </Field>
      <div class="door-party">
        <Field name="adults" label={labels.adults} error={error}>
          {(props) => <input {...props} type="number" inputMode="numeric" min={1} value={draft.adults} onInput={(e) => update({ adults: Number(e.currentTarget.value) || 0 })} />}
        </Field>
        <Field name="children" label={labels.children} error={error}>
          {(props) => <input {...props} type="number" inputMode="numeric" min={0} value={draft.children} onInput={(e) => update({ children: Number(e.currentTarget.value) || 0 })} />}
        </Field>
      </div>
      <Field name="interpreter_language" label={labels.interpreter_language} error={error}>
        {(props) => (
          <select {...props} value={draft.interpreter} onChange={(e) => update({ interpreter: e.currentTarget.value })}>
            <option value="">{t("register.no_interpreter")}</option>
            {(languages.data ?? [])
              .filter((language) => language.code !== "en")
              .map((language) => (
                <option key={language.code} value={language.code}>
                  {languageLabel(language)}
                </option>
              ))}
          </select>
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
          {t("door.walk_in_submit")}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            closed.current = true;
            setOpen(false);
            setError(null);
          }}
        >
          {t("door.walk_in_cancel")}
        </button>
      </div>
    </form>
  );
}
