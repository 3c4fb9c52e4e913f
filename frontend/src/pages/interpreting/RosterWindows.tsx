/** Availability windows on the roster: typed as wall-clock times in New York (where the
 * schools are), sent to the API as ISO times with that zone's offset, shown back the same. */
import { formatEventTime, t } from "../../i18n";
import { localDay, localTime, zonedIso } from "../../zone";

/** The city's zone: the roster has no zone of its own, the schools and their events do. */
export const ROSTER_ZONE = "America/New_York";

export type WindowDraft = { starts_at: string; ends_at: string };

/** "2027-03-06T17:00" in ``zone`` → "2027-03-06T17:00:00-05:00". Anything else is sent
 * as typed, so the API says what is wrong with it at the field. */
export function wallToIso(wall: string, zone = ROSTER_ZONE): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(wall);
  return m ? zonedIso(m[1], m[2], zone) : wall;
}

/** An API time → the value of a datetime-local input, in ``zone``. */
export function isoToWall(iso: string, zone = ROSTER_ZONE): string {
  return `${localDay(iso, zone)}T${localTime(iso, zone)}`;
}

export function windowText(window: WindowDraft): string {
  return formatEventTime(window.starts_at, window.ends_at, ROSTER_ZONE);
}

const PARTS = [
  { part: "starts_at", key: "interp.roster.window_start" },
  { part: "ends_at", key: "interp.roster.window_end" },
] as const;

/** The error summary's names for each window and each of its times. */
export function windowLabels(windows: readonly WindowDraft[]): Record<string, string> {
  const out: Record<string, string> = {};
  windows.forEach((_, index) => {
    const number = index + 1;
    out[`availability_${index}`] = t("interp.roster.window_label", { number });
    for (const { part, key } of PARTS) out[`availability_${index}_${part}`] = t(key, { number });
  });
  return out;
}

function TimeInput({
  index,
  part,
  label,
  value,
  errors,
  onInput,
}: {
  index: number;
  part: string;
  label: string;
  value: string;
  errors: string[];
  onInput: (value: string) => void;
}) {
  const id = `field-availability_${index}_${part}`;
  return (
    <div class={errors.length ? "invalid" : undefined}>
      <label for={id}>{label}</label>
      {errors.length > 0 && (
        <p class="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      )}
      <input
        id={id}
        type="datetime-local"
        value={value}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        aria-invalid={errors.length ? "true" : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** Each window's start and end, a button to drop it, and one to add another. ``errors``
 * holds the API's messages per window and per time (see rosterError). */
export function WindowsEditor({
  windows,
  errors,
  onChange,
}: {
  windows: WindowDraft[];
  errors: Record<string, string[]>;
  onChange: (windows: WindowDraft[]) => void;
}) {
  const set = (index: number, change: Partial<WindowDraft>) =>
    onChange(windows.map((window, i) => (i === index ? { ...window, ...change } : window)));
  const general = errors.availability ?? [];
  return (
    <fieldset class={general.length ? "field roster-windows invalid" : "field roster-windows"} id="field-availability" tabIndex={-1}>
      <legend>{t("interp.availability")}</legend>
      <p class="hint">{t("interp.roster.zone_hint")}</p>
      {general.length > 0 && <p class="field-error">{general.join(" ")}</p>}
      {windows.length === 0 && <p>{t("interp.no_availability")}</p>}
      <ol class="roster-window-list">
        {windows.map((window, index) => {
          const own = errors[`availability_${index}`] ?? [];
          const invalid = own.length || PARTS.some(({ part }) => errors[`availability_${index}_${part}`]);
          return (
            <li key={index} class={invalid ? "roster-window invalid" : "roster-window"} id={`field-availability_${index}`} tabIndex={-1}>
              {own.length > 0 && <p class="field-error">{own.join(" ")}</p>}
              <div class="roster-window-times">
                {PARTS.map(({ part, key }) => (
                  <TimeInput
                    key={part}
                    index={index}
                    part={part}
                    label={t(key, { number: index + 1 })}
                    value={window[part]}
                    errors={errors[`availability_${index}_${part}`] ?? []}
                    onInput={(value) => set(index, { [part]: value })}
                  />
                ))}
              </div>
              <button type="button" class="secondary" onClick={() => onChange(windows.filter((_, i) => i !== index))}>
                {t("interp.roster.remove_window", { number: index + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" class="secondary" onClick={() => onChange([...windows, { starts_at: "", ends_at: "" }])}>
        {t("interp.roster.add_window")}
      </button>
    </fieldset>
  );
}

/** The windows with something typed: one left wholly empty meant nothing. Dropped from
 * the form before sending, so the API's window positions match the form's. */
export function filledWindows(windows: WindowDraft[]): WindowDraft[] {
  return windows.filter((w) => w.starts_at || w.ends_at);
}

/** For the API: a time left empty is left out, so the API says it is required, there. */
export function windowsToApi(windows: WindowDraft[]): WindowDraft[] {
  return windows.map(
    (w) =>
      Object.fromEntries(
        PARTS.filter(({ part }) => w[part]).map(({ part }) => [part, wallToIso(w[part])]),
      ) as WindowDraft,
  );
}

export function windowsFromApi(windows: readonly WindowDraft[]): WindowDraft[] {
  return windows.map((w) => ({ starts_at: isoToWall(w.starts_at), ends_at: isoToWall(w.ends_at) }));
}
