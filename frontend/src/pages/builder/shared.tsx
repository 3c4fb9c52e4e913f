/** What the builder's pages share: the API's shapes, the organiser gate, a summit's
 * times in its own zone, and texts written in every interface language side by side. */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { api, type Profile, type Schemas, unwrap } from "../../api/client";
import { languageLabel } from "../../api/catalogue";
import { fieldErrors } from "../../components/Form";
import { Loaded } from "../../components/Status";
import { language, languageName, t, tn } from "../../i18n";
import { LANGUAGES } from "../../i18n/languages";
import { localDay, localTime } from "../../zone";
import { SignedIn } from "../account/shared";
import "../builder.css";

export type Summit = Schemas["Summit"];
export type Track = Schemas["Track"];
export type Room = Schemas["Room"];
export type Session = Schemas["Session"];
export type Organization = Schemas["Organization"];
/** Language code → text, as the API takes and gives translations. */
export type Texts = Record<string, string>;

const ROLES = ["organiser"] as const;

export function BuilderOnly({ heading, children }: { heading: string; children: (profile: Profile) => ComponentChildren }) {
  return (
    <SignedIn heading={heading} roles={ROLES}>
      {children}
    </SignedIn>
  );
}

export function loadSummit(id: number): Promise<Summit> {
  return unwrap(api.GET("/api/v1/summits/{id}/", { params: { path: { id: String(id) } } }));
}

export function loadTracks(id: number): Promise<Track[]> {
  return unwrap(api.GET("/api/v1/summits/{id}/tracks/", { params: { path: { id: String(id) }, query: { page_size: 100 } } })).then((page) => page.results);
}

export function loadRooms(id: number): Promise<Room[]> {
  return unwrap(api.GET("/api/v1/summits/{id}/rooms/", { params: { path: { id: String(id) }, query: { page_size: 100 } } })).then((page) => page.results);
}

export function loadOrganizations(): Promise<Organization[]> {
  return unwrap(api.GET("/api/v1/organizations/", { params: { query: { page_size: 200 } } })).then((page) => page.results);
}

export function buildPath(summit: number): string {
  return `/organiser/summits/${summit}/build`;
}

/** The API's translations (typed loosely in the schema) as a plain object of texts. */
export function asTexts(value: unknown): Texts {
  return value && typeof value === "object" ? { ...(value as Texts) } : {};
}

// ---- Times in the summit's own zone --------------------------------------------------

export { zonedIso } from "../../zone";

/** An instant as the date and time a clock in ``timeZone`` shows. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } {
  return { date: localDay(iso, timeZone), time: localTime(iso, timeZone) };
}

// ---- Texts in every language side by side --------------------------------------------

export type TextField = { name: string; label: string; multiline?: boolean; max?: number };

/** Whether ``code`` lacks a text that English has (a title, or a description when the
 * English one is written). */
export function isMissing(fields: readonly TextField[], values: Record<string, Texts>, code: string): boolean {
  return fields.some((field) => Boolean(values[field.name]?.en?.trim()) && !values[field.name]?.[code]?.trim());
}

/** The interface languages still lacking a translation of the title or description. */
export function missingLanguages(title: unknown, description: unknown): string[] {
  const values = { title: asTexts(title), description: asTexts(description) };
  const fields = [{ name: "title", label: "" }, { name: "description", label: "" }];
  return LANGUAGES.filter((l) => l.code !== "en" && isMissing(fields, values, l.code)).map((l) => l.code);
}

function languageTitle(code: string): string {
  const language = LANGUAGES.find((l) => l.code === code);
  return language ? languageLabel({ code, native_name: language.name, name_en: language.name }) : code;
}

/** A marker for texts not yet translated: how many languages, and which. */
export function MissingMarker({ codes }: { codes: string[] }) {
  if (!codes.length) return <p class="badge ok">{t("builder.all_translated")}</p>;
  return (
    <p class="missing-line">
      <span class="badge full">{tn("builder.missing_count", codes.length)}</span>{" "}
      <span class="muted">{new Intl.ListFormat(language().tag, { type: "conjunction" }).format(codes.map((code) => languageName(code)))}</span>
    </p>
  );
}

/** One block per interface language, English first (required), each with its fields;
 * a language whose text is missing says so in its heading. */
export function TranslationsEditor({
  fields,
  values,
  onChange,
  error,
}: {
  fields: readonly TextField[];
  values: Record<string, Texts>;
  onChange: (field: string, code: string, text: string) => void;
  error: unknown;
}) {
  return (
    <div class="translations">
      {LANGUAGES.map((language) => {
        const missing = language.code !== "en" && isMissing(fields, values, language.code);
        return (
          <fieldset key={language.code} class={missing ? "translation missing" : "translation"}>
            <legend>
              {languageTitle(language.code)}
              {language.code === "en" && <span class="muted"> {t("builder.required")}</span>}
              {missing && <span class="badge full marker"> {t("builder.translation_missing")}</span>}
            </legend>
            {fields.map((field) => {
              const english = language.code === "en";
              const id = english ? `field-${field.name}` : `${field.name}-${language.code}`;
              const messages = english ? fieldErrors(error, field.name) : [];
              const common = {
                id,
                lang: language.tag,
                dir: language.dir,
                value: values[field.name]?.[language.code] ?? "",
                maxLength: field.max,
                "aria-invalid": messages.length ? ("true" as const) : undefined,
                "aria-describedby": messages.length ? `${id}-error` : undefined,
                onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => onChange(field.name, language.code, e.currentTarget.value),
              };
              return (
                <div class={messages.length ? "field invalid" : "field"} key={field.name}>
                  <label for={id}>{field.label}</label>
                  {messages.length > 0 && (
                    <p class="field-error" id={`${id}-error`}>
                      {messages.join(" ")}
                    </p>
                  )}
                  {field.multiline ? <textarea {...common} rows={3} /> : <input type="text" {...common} required={english && field.name.startsWith("title")} />}
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}

/** Updates one language of one field in a record of texts. */
export function withText(values: Record<string, Texts>, field: string, code: string, text: string): Record<string, Texts> {
  return { ...values, [field]: { ...values[field], [code]: text } };
}

/** Only the texts written (the API drops empty ones anyway). */
export function written(texts: Texts | undefined): Texts {
  return Object.fromEntries(Object.entries(texts ?? {}).filter(([, text]) => text.trim()));
}

export function StatusBadge({ status }: { status: string }) {
  const tone = status === "published" ? "ok" : status === "cancelled" ? "cancelled" : "full";
  return <span class={`badge ${tone}`}>{t(`organiser.event_status.${status}`)}</span>;
}

/** Runs a change against the API, keeping whether it runs, its error and whether it
 * worked (for "saved" notes). */
export function useAction(run: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const act = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await run();
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void act();
  };
  return { error, busy, done, act, submit };
}

/** A page's content once its data is loaded; until then its heading with "loading" or
 * the error (and "try again"). */
export function WhenLoaded<T>({ state, heading, children }: { state: Loaded<T>; heading: string; children: (data: T) => ComponentChildren }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  return (
    <>
      <h1>{heading}</h1>
      <Loaded state={state}>{() => null}</Loaded>
    </>
  );
}

export type Choice<T> = { value: T; label: ComponentChildren };

/** Checkboxes for a list of values, with the API's error for the field. */
export function CheckGroup<T extends string | number>({ name, legend, hint, options, chosen, onChange, error }: { name: string; legend: string; hint?: string; options: Choice<T>[]; chosen: T[]; onChange: (values: T[]) => void; error: unknown }) {
  const toggle = (value: T, on: boolean) => onChange(on ? [...chosen, value] : chosen.filter((other) => other !== value));
  return (
    <fieldset class="field" id={`field-${name}`} tabIndex={-1}>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      <ErrorOf error={error} name={name} />
      <div class="check-grid">
        {options.map((option) => (
          <div class="check" key={option.value}>
            <input id={`${name}-${option.value}`} type="checkbox" checked={chosen.includes(option.value)} onChange={(e) => toggle(option.value, e.currentTarget.checked)} />
            <label for={`${name}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function ErrorOf({ error, name }: { error: unknown; name: string }) {
  const messages = fieldErrors(error, name);
  return messages.length ? <p class="field-error">{messages.join(" ")}</p> : null;
}

