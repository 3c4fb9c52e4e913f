/** /chair/committees/:id/meetings/new: one meeting, or a series through the recurrence
 * builder (with its next dates in the committee's zone). Titles in the committee's
 * languages side by side, English required. A first meeting inside the notice period is
 * flagged before saving: the members get less notice than the committee promises. */
import type { PageProps } from "../../router";
import { useState } from "preact/hooks";
import { api, unwrap, type Profile } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { WhenFields, type When } from "./WhenFields";
import { formatEventTime, languageName, t, tn } from "../../i18n";
import { navigate } from "../../router";
import { RecurrenceBuilder } from "./RecurrenceBuilder";
import { defaultRule, occurrences, ruleProblem, toRRule, type Rule } from "./recurrence";
import { ChairGate, DeskLoaded, useDesk, type Committee } from "./shared";
import { addDays, today, zonedIso } from "../../zone";

const PREVIEW = 6;

function endIso(startIso: string, minutes: number): string {
  return new Date(new Date(startIso).getTime() + minutes * 60000).toISOString();
}

export function TitleFields({
  languages,
  titles,
  onChange,
  error,
}: {
  languages: string[];
  titles: Record<string, string>;
  onChange: (titles: Record<string, string>) => void;
  error: unknown;
}) {
  const others = languages.filter((code) => code !== "en");
  return (
    <fieldset class="chair-titles">
      <legend>{t("chair.title_legend")}</legend>
      <div class="chair-title-grid">
        <Field name="title_translations" label={t("chair.title_in", { language: languageName("en") })} error={error}>
          {(props) => (
            <input {...props} type="text" lang="en" dir="ltr" required value={titles.en ?? ""} onInput={(e) => onChange({ ...titles, en: e.currentTarget.value })} />
          )}
        </Field>
        {others.map((code) => (
          <div class="field" key={code}>
            <label for={`title-${code}`}>{t("chair.title_optional", { language: languageName(code) })}</label>
            <input
              id={`title-${code}`}
              type="text"
              lang={code}
              dir="auto"
              value={titles[code] ?? ""}
              onInput={(e) => onChange({ ...titles, [code]: e.currentTarget.value })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function cleanTitles(titles: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(titles).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
}

/** Whether a meeting starting at ``startIso`` is inside the committee's notice period. */
export function isLate(committee: Committee, startIso: string): boolean {
  return new Date(startIso).getTime() < Date.now() + committee.notice_days * 86400000;
}

function Form({ committee }: { committee: Committee }) {
  const zone = committee.timezone;
  const firstDay = addDays(today(zone), 21);
  const [kind, setKind] = useState<"one" | "series">("series");
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [when, setWhen] = useState<When>({ day: firstDay, time: "18:00", duration: 90, room: "" });
  const { day, time, duration, room } = when;
  const [rule, setRule] = useState<Rule>(defaultRule(firstDay));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const changeWhen = (next: When) => {
    setWhen(next);
    const value = next.day;
    // The rule follows the first meeting's day.
    if (value && value !== day) setRule({ ...defaultRule(value), freq: rule.freq, interval: rule.interval, end: rule.end, count: rule.count, until: rule.until });
  };
  const days = kind === "series" ? occurrences(rule, day, PREVIEW) : day ? [day] : [];
  const starts = days.map((d) => zonedIso(d, time || "00:00", zone));
  const late = starts.length > 0 && isLate(committee, starts[0]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const title_translations = cleanTitles(titles);
    const place = room.trim() ? { room: room.trim() } : {};
    try {
      if (kind === "one") {
        const startIso = zonedIso(day, time, zone);
        await unwrap(
          api.POST("/api/v1/committees/{id}/meetings/", {
            params: { path: { id: String(committee.id) } },
            body: { title_translations, starts_at: startIso, ends_at: endIso(startIso, duration), ...place },
          }),
        );
      } else {
        await unwrap(
          api.POST("/api/v1/committees/{id}/series/", {
            params: { path: { id: String(committee.id) } },
            body: {
              title_translations,
              rrule: toRRule(rule),
              start_date: days[0] ?? day,
              start_time: time,
              duration_minutes: duration,
              timezone: zone,
              ...place,
            },
          }),
        );
      }
      navigate(`/chair/committees/${committee.id}?month=${(days[0] ?? day).slice(0, 7)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const labels = {
    title_translations: t("chair.title_in", { language: languageName("en") }),
    starts_at: t("chair.first_day"),
    start_date: t("chair.first_day"),
    start_time: t("chair.start_time"),
    ends_at: t("chair.duration"),
    duration_minutes: t("chair.duration"),
    rrule: t("chair.repeat"),
    room: t("chair.room"),
  };
  return (
    <>
      <p class="crumbs">
        <a href={`/chair/committees/${committee.id}`}>{committee.name}</a>
      </p>
      <h1>{t("chair.new_meeting")}</h1>
      <form onSubmit={submit} class="chair-form" noValidate>
        <ErrorSummary error={error} labels={labels} />
        <fieldset>
          <legend>{t("chair.kind_legend")}</legend>
          <div class="check">
            <input id="kind-series" type="radio" name="kind" checked={kind === "series"} onChange={() => setKind("series")} />
            <label for="kind-series">{t("chair.kind_series")}</label>
          </div>
          <div class="check">
            <input id="kind-one" type="radio" name="kind" checked={kind === "one"} onChange={() => setKind("one")} />
            <label for="kind-one">{t("chair.kind_one")}</label>
          </div>
        </fieldset>
        <TitleFields languages={committee.languages} titles={titles} onChange={setTitles} error={error} />
        <WhenFields
          when={when}
          onChange={changeWhen}
          error={error}
          dayLabel={t("chair.first_day")}
          dayName={kind === "one" ? "starts_at" : "start_date"}
        />
        {kind === "series" && <RecurrenceBuilder rule={rule} onChange={setRule} />}
        <section class="chair-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{kind === "series" ? t("chair.preview_heading") : t("chair.when_heading")}</h2>
          <p class="hint">{t("chair.times_in_zone", { zone })}</p>
          {starts.length ? (
            <ol class="chair-preview-list" aria-live="polite">
              {starts.map((start) => (
                <li key={start}>{formatEventTime(start, endIso(start, duration), zone)}</li>
              ))}
            </ol>
          ) : (
            <p>{kind === "series" && ruleProblem(rule) ? ruleProblem(rule) : t("chair.no_dates")}</p>
          )}
        </section>
        {late && (
          <div class="notice warning" role="status">
            <p class="notice-title">{t("chair.late_warning_title")}</p>
            <p>{tn("chair.late_warning", committee.notice_days)}</p>
          </div>
        )}
        <p class="actions">
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            {kind === "series" ? t("chair.save_series") : t("chair.save_meeting")}
          </button>
          <a class="button secondary" href={`/chair/committees/${committee.id}`}>
            {t("chair.cancel_form")}
          </a>
        </p>
      </form>
    </>
  );
}

function FormDesk({ id, profile }: { id: string; profile: Profile }) {
  const desk = useDesk(id, profile);
  return (
    <DeskLoaded state={desk} heading={t("chair.new_meeting")}>
      {({ committee }) => <Form committee={committee} />}
    </DeskLoaded>
  );
}

export function ChairMeetingFormPage({ params }: PageProps) {
  return <ChairGate heading={t("chair.new_meeting")}>{(profile) => <FormDesk id={params.id ?? ""} profile={profile} />}</ChairGate>;
}
