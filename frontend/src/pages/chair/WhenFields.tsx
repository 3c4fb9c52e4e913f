/** Date, start time, length and room of a meeting, as one row of fields (the date left out
 * for "this and following", which keeps each meeting's own day). */
import { Field } from "../../components/Form";
import { t } from "../../i18n";

export type When = { day: string; time: string; duration: number; room: string };

export function WhenFields({
  when,
  onChange,
  error,
  dayLabel,
  dayName = "starts_at",
}: {
  when: When;
  onChange: (w: When) => void;
  error: unknown;
  /** The date field's label, or null for no date field. */
  dayLabel: string | null;
  dayName?: string;
}) {
  return (
    <>
      <div class="chair-row">
        {dayLabel !== null && (
          <Field name={dayName} label={dayLabel} error={error}>
            {(props) => <input {...props} type="date" required value={when.day} onInput={(e) => onChange({ ...when, day: e.currentTarget.value })} />}
          </Field>
        )}
        <Field name="start_time" label={t("chair.start_time")} error={error}>
          {(props) => <input {...props} type="time" required value={when.time} onInput={(e) => onChange({ ...when, time: e.currentTarget.value })} />}
        </Field>
        <Field name="duration_minutes" label={t("chair.duration")} error={error}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={15}
              max={720}
              step={15}
              value={when.duration}
              onInput={(e) => onChange({ ...when, duration: Number(e.currentTarget.value) })}
            />
          )}
        </Field>
      </div>
      <Field name="room" label={t("chair.room")} hint={t("chair.room_hint")} error={error}>
        {(props) => <input {...props} type="text" value={when.room} onInput={(e) => onChange({ ...when, room: e.currentTarget.value })} />}
      </Field>
    </>
  );
}
