/** Adding someone to the roster or changing their entry: name and contact, languages and
 * modes, availability, notes. Only what the coordinator needs to type; the API checks it
 * and its messages are shown at each field (availability: at each window). */
import { useState } from "preact/hooks";
import { loadLanguages, languageLabel } from "../../api/catalogue";
import { ApiError, api, type Schemas, toApiError } from "../../api/client";
import { ErrorSummary, Field, fieldErrors } from "../../components/Form";
import { useLoad } from "../../components/Status";
import { languageName, t } from "../../i18n";
import { modeText } from "./shared";
import { type WindowDraft, WindowsEditor, filledWindows, windowLabels, windowsFromApi, windowsToApi } from "./RosterWindows";

export type Interpreter = Schemas["Interpreter"];
type Mode = Schemas["InterpretationModeEnum"];
export const MODES: readonly Mode[] = ["in_person", "phone", "video", "sign_language"];

type Draft = {
  name: string;
  email: string;
  phone: string;
  agency: string;
  languages: string[];
  modes: Mode[];
  windows: WindowDraft[];
  notes: string;
};

const EMPTY: Draft = { name: "", email: "", phone: "", agency: "", languages: [], modes: [], windows: [], notes: "" };

function draftOf(person: Interpreter): Draft {
  return {
    name: person.name,
    email: person.email ?? "",
    phone: person.phone ?? "",
    agency: person.agency ?? "",
    languages: [...person.languages],
    modes: [...person.modes] as Mode[],
    windows: windowsFromApi(person.availability),
    notes: person.notes ?? "",
  };
}

function messages(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(messages);
  if (value && typeof value === "object") return Object.values(value).flatMap(messages);
  return [];
}

/** The API's error with nested messages made plain: each availability window's under
 * ``availability_<n>``, a list field's under its own name; a sign-language mismatch is
 * about the modes chosen, so it is shown there. */
export function rosterError(status: number, body: unknown): ApiError {
  const raw = ((body ?? {}) as { fields?: Record<string, unknown> }).fields ?? {};
  const fields: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    // Per window: a list in window order, or (as DRF gives it) an object keyed by position.
    const perWindow = Array.isArray(value) ? Object.entries(value) : value && typeof value === "object" ? Object.entries(value) : [];
    if (name === "availability" && perWindow.some(([, item]) => item && typeof item === "object")) {
      for (const [index, item] of perWindow) {
        // Each time's own messages at its input, the window's as a whole above both.
        const parts = item && typeof item === "object" && !Array.isArray(item) ? Object.entries(item) : [["", item]];
        for (const [part, value] of parts) {
          const own = messages(value);
          if (own.length) fields[part === "starts_at" || part === "ends_at" ? `availability_${index}_${part}` : `availability_${index}`] = own;
        }
      }
    } else {
      fields[name] = messages(value);
    }
  }
  const error = toApiError(status, { ...(body as object), fields });
  if (error.code === "sign_language_mismatch") {
    return new ApiError(error.status, error.code, error.message, { modes: [error.message] });
  }
  return error;
}

type Sent = { data?: Interpreter; error?: unknown; response: Response };

/** The saved entry, or the API's error as rosterError makes it. */
export async function sendRoster(call: Promise<Sent>): Promise<Interpreter> {
  let result: Sent;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, "network", "");
  }
  if (result.response.ok && result.data) return result.data;
  throw rosterError(result.response.status, result.error);
}

function bodyOf(draft: Draft) {
  return {
    name: draft.name.trim(),
    email: draft.email.trim(),
    phone: draft.phone.trim(),
    agency: draft.agency.trim(),
    languages: draft.languages,
    modes: draft.modes,
    availability: windowsToApi(draft.windows),
    notes: draft.notes.trim(),
  };
}

/** A new entry in full; a change as only what differs from the entry as it was (so an
 * entry linked to an account keeps showing the account's name unless one is typed). */
function save(person: Interpreter | null, draft: Draft): Promise<Interpreter> {
  const body = bodyOf(draft);
  if (!person) return sendRoster(api.POST("/api/v1/interpreters/", { body }));
  const before = bodyOf(draftOf(person));
  const changed = Object.fromEntries(
    Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])),
  );
  return sendRoster(api.PATCH("/api/v1/interpreters/{id}/", { params: { path: { id: String(person.id) } }, body: changed }));
}

function LanguagesField({ chosen, error, onChange }: { chosen: string[]; error: unknown; onChange: (codes: string[]) => void }) {
  const catalogue = useLoad(loadLanguages);
  const [adding, setAdding] = useState("");
  const errors = fieldErrors(error, "languages");
  const options = (catalogue.data ?? []).filter((language) => !chosen.includes(language.code));
  const add = () => {
    if (adding && !chosen.includes(adding)) onChange([...chosen, adding]);
    setAdding("");
  };
  return (
    <fieldset class={errors.length ? "field roster-languages invalid" : "field roster-languages"}>
      <legend>{t("interp.languages")}</legend>
      {errors.length > 0 && (
        <p class="field-error" id="field-languages-error">
          {errors.join(" ")}
        </p>
      )}
      {chosen.length ? (
        <ul class="roster-chosen">
          {chosen.map((code) => (
            <li key={code}>
              <span>{languageName(code)}</span>
              <button type="button" class="secondary" onClick={() => onChange(chosen.filter((c) => c !== code))}>
                {t("interp.roster.remove_language", { language: languageName(code) })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("interp.roster.no_languages")}</p>
      )}
      <div class="roster-add-language">
        <label for="field-languages">{t("interp.roster.add_language_label")}</label>
        <select
          id="field-languages"
          value={adding}
          aria-describedby={errors.length ? "field-languages-error" : undefined}
          aria-invalid={errors.length ? "true" : undefined}
          onChange={(e) => setAdding(e.currentTarget.value)}
        >
          <option value="">{t("interp.roster.choose_language")}</option>
          {options.map((language) => (
            <option key={language.code} value={language.code}>
              {languageLabel(language)}
            </option>
          ))}
        </select>
        <button type="button" class="secondary" disabled={!adding} onClick={add}>
          {t("interp.roster.add_language")}
        </button>
      </div>
    </fieldset>
  );
}

function ModesField({ chosen, error, onChange }: { chosen: Mode[]; error: unknown; onChange: (modes: Mode[]) => void }) {
  const errors = fieldErrors(error, "modes");
  return (
    <fieldset class={errors.length ? "field invalid" : "field"} id="field-modes" tabIndex={-1}>
      <legend>{t("interp.modes")}</legend>
      {errors.length > 0 && <p class="field-error">{errors.join(" ")}</p>}
      <div class="roster-modes">
        {MODES.map((mode) => (
          <div class="check" key={mode}>
            <input
              id={`mode-${mode}`}
              type="checkbox"
              checked={chosen.includes(mode)}
              onChange={(e) =>
                onChange(e.currentTarget.checked ? [...chosen, mode] : chosen.filter((m) => m !== mode))
              }
            />
            <label for={`mode-${mode}`}>{modeText(mode)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type TextName = "name" | "email" | "phone" | "agency";
const TEXT_FIELDS: readonly { name: TextName; type: "text" | "email" | "tel"; ltr?: boolean }[] = [
  { name: "name", type: "text" },
  { name: "email", type: "email", ltr: true },
  { name: "phone", type: "tel", ltr: true },
  { name: "agency", type: "text" },
];

function labels(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {
    name: t("interp.roster.name"),
    email: t("interp.roster.email"),
    phone: t("interp.roster.phone"),
    agency: t("interp.agency"),
    languages: t("interp.languages"),
    modes: t("interp.modes"),
    availability: t("interp.availability"),
    notes: t("interp.roster.notes"),
  };
  return { ...out, ...windowLabels(draft.windows) };
}

/** The form, empty to add someone or filled with ``person`` to change their entry. */
export function RosterForm({
  person,
  onSaved,
  onCancel,
}: {
  person: Interpreter | null;
  onSaved: (saved: Interpreter) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => (person ? draftOf(person) : EMPTY));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (change: Partial<Draft>) => setDraft((old) => ({ ...old, ...change }));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const sent = { ...draft, windows: filledWindows(draft.windows) };
    setDraft(sent);
    try {
      onSaved(await save(person, sent));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const windowErrors = error instanceof ApiError ? error.fields : {};
  return (
    <form class="roster-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary error={error} labels={labels(draft)} />
      <div class="roster-grid">
        {TEXT_FIELDS.map(({ name, type, ltr }) => (
          <Field key={name} name={name} label={labels(draft)[name]} hint={name === "name" ? t("interp.roster.name_hint") : undefined} error={error}>
            {(props) => (
              <input
                {...props}
                type={type as "text"}
                dir={ltr ? "ltr" : undefined}
                autocomplete="off"
                value={draft[name]}
                onInput={(e) => update({ [name]: e.currentTarget.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <LanguagesField chosen={draft.languages} error={error} onChange={(languages) => update({ languages })} />
      <ModesField chosen={draft.modes} error={error} onChange={(modes) => update({ modes })} />
      <WindowsEditor windows={draft.windows} errors={windowErrors} onChange={(windows) => update({ windows })} />
      <Field name="notes" label={t("interp.roster.notes")} hint={t("interp.roster.notes_hint")} error={error}>
        {(props) => (
          <textarea {...props} rows={3} maxLength={500} value={draft.notes} onInput={(e) => update({ notes: e.currentTarget.value })} />
        )}
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {person ? t("interp.roster.save") : t("interp.roster.add_submit")}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t("interp.roster.cancel")}
        </button>
      </div>
    </form>
  );
}
