/** A summit's details: its year, title and description in every language, days, time
 * zone and venue. Creates a draft summit, or changes one. */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { useSchoolOptions } from "../../components/Filters";
import { ErrorSummary, Field } from "../../components/Form";
import { t } from "../../i18n";
import { asTexts, type Summit, type Texts, TranslationsEditor, useAction, withText, written } from "./shared";

const CITY_ZONE = "America/New_York";

type Draft = {
  year: string;
  texts: Record<string, Texts>;
  starts_on: string;
  ends_on: string;
  timezone: string;
  venue_school: string;
  venue_address: string;
};

function draftOf(summit?: Summit): Draft {
  return {
    year: summit ? String(summit.year) : "",
    texts: {
      title_translations: asTexts(summit?.title_translations),
      description_translations: asTexts(summit?.description_translations),
    },
    starts_on: summit?.starts_on ?? "",
    ends_on: summit?.ends_on ?? "",
    timezone: summit?.timezone ?? CITY_ZONE,
    venue_school: summit?.venue_school ? String(summit.venue_school) : "",
    venue_address: summit?.venue_address ?? "",
  };
}

export function summitLabels(): Record<string, string> {
  return {
    year: t("builder.year"),
    title_translations: t("builder.summit_title"),
    description_translations: t("builder.description"),
    starts_on: t("builder.starts_on"),
    ends_on: t("builder.ends_on"),
    timezone: t("builder.timezone"),
    venue_school: t("builder.venue_school"),
    venue_address: t("builder.venue_address"),
  };
}

export function SummitForm({ summit, onSaved }: { summit?: Summit; onSaved: (summit: Summit) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(summit));
  const schools = useSchoolOptions("");
  const labels = summitLabels();
  const update = (change: Partial<Draft>) => setDraft((old) => ({ ...old, ...change }));
  const fields = [
    { name: "title_translations", label: labels.title_translations, max: 300 },
    { name: "description_translations", label: labels.description_translations, multiline: true },
  ];

  const { error, busy, submit } = useAction(async () => {
    const body = {
      year: Number(draft.year),
      title_translations: written(draft.texts.title_translations),
      description_translations: written(draft.texts.description_translations),
      starts_on: draft.starts_on,
      ends_on: draft.ends_on,
      timezone: draft.timezone.trim(),
      venue_school: draft.venue_school ? Number(draft.venue_school) : null,
      venue_address: draft.venue_address,
    };
    const saved = summit
      ? await unwrap(api.PATCH("/api/v1/summits/{id}/", { params: { path: { id: String(summit.id) } }, body }))
      : await unwrap(api.POST("/api/v1/summits/", { body }));
    onSaved(saved);
  });

  return (
    <form onSubmit={submit} noValidate class="builder-form">
      <ErrorSummary error={error} labels={labels} />
      <Field name="year" label={labels.year} error={error}>
        {(props) => <input {...props} type="number" min={2000} max={2100} required value={draft.year} onInput={(e) => update({ year: e.currentTarget.value })} />}
      </Field>
      <h3>{t("builder.texts_heading")}</h3>
      <p class="hint">{t("builder.texts_hint")}</p>
      <TranslationsEditor fields={fields} values={draft.texts} error={error} onChange={(field, code, text) => update({ texts: withText(draft.texts, field, code, text) })} />
      <div class="field-row">
        <Field name="starts_on" label={labels.starts_on} error={error}>
          {(props) => <input {...props} type="date" required value={draft.starts_on} onInput={(e) => update({ starts_on: e.currentTarget.value })} />}
        </Field>
        <Field name="ends_on" label={labels.ends_on} error={error}>
          {(props) => <input {...props} type="date" required value={draft.ends_on} onInput={(e) => update({ ends_on: e.currentTarget.value })} />}
        </Field>
      </div>
      <Field name="timezone" label={labels.timezone} hint={t("builder.timezone_hint")} error={error}>
        {(props) => <input {...props} type="text" dir="ltr" value={draft.timezone} onInput={(e) => update({ timezone: e.currentTarget.value })} />}
      </Field>
      <Field name="venue_school" label={labels.venue_school} error={error}>
        {(props) => (
          <select {...props} value={draft.venue_school} onChange={(e) => update({ venue_school: e.currentTarget.value })}>
            <option value="">{t("builder.no_school")}</option>
            {schools.map((school) => (
              <option key={school.value} value={school.value}>
                {school.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="venue_address" label={labels.venue_address} error={error}>
        {(props) => <input {...props} type="text" value={draft.venue_address} onInput={(e) => update({ venue_address: e.currentTarget.value })} />}
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {summit ? t("builder.save_summit") : t("builder.create_summit")}
        </button>
      </div>
    </form>
  );
}
