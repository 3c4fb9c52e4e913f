/** The recurrence builder: how often, on which days, until when; the rule in words and as
 * the RRULE the API gets. Controlled: the form holds the rule. */
import { t } from "../../i18n";
import { describe, NTHS, ruleProblem, toRRule, weekdayName, type Rule } from "./recurrence";

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

export function RecurrenceBuilder({ rule, onChange }: { rule: Rule; onChange: (rule: Rule) => void }) {
  const set = (change: Partial<Rule>) => onChange({ ...rule, ...change });
  const number = (event: Event) => Number((event.currentTarget as HTMLInputElement).value);
  const text = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const problem = ruleProblem(rule);
  return (
    <fieldset class="chair-rule">
      <legend>{t("chair.repeat")}</legend>
      <div class="chair-row">
        <div class="field">
          <label for="rule-interval">{t("chair.every")}</label>
          <input id="rule-interval" type="number" min={1} max={12} value={rule.interval} onInput={(e) => set({ interval: number(e) })} />
        </div>
        <div class="field">
          <label for="rule-freq">{t("chair.unit")}</label>
          <select id="rule-freq" value={rule.freq} onChange={(e) => set({ freq: text(e) as Rule["freq"] })}>
            <option value="WEEKLY">{t("chair.unit_weeks")}</option>
            <option value="MONTHLY">{t("chair.unit_months")}</option>
          </select>
        </div>
      </div>
      {rule.freq === "WEEKLY" ? (
        <fieldset class="chair-days">
          <legend>{t("chair.on_days")}</legend>
          {WEEKDAYS.map((day) => (
            <div class="check" key={day}>
              <input
                id={`rule-day-${day}`}
                type="checkbox"
                checked={rule.days.includes(day)}
                onChange={(e) =>
                  set({
                    days: (e.currentTarget as HTMLInputElement).checked
                      ? [...rule.days, day]
                      : rule.days.filter((d) => d !== day),
                  })
                }
              />
              <label for={`rule-day-${day}`}>{weekdayName(day)}</label>
            </div>
          ))}
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t("chair.on_which")}</legend>
          <div class="check">
            <input id="rule-by-nth" type="radio" name="rule-monthly" checked={rule.monthly === "nth"} onChange={() => set({ monthly: "nth" })} />
            <label for="rule-by-nth">{t("chair.by_weekday")}</label>
          </div>
          {rule.monthly === "nth" && (
            <div class="chair-row chair-indent">
              <div class="field">
                <label for="rule-nth">{t("chair.which_week")}</label>
                <select id="rule-nth" value={rule.nth} onChange={(e) => set({ nth: Number(text(e)) })}>
                  {NTHS.map((n) => (
                    <option key={n} value={n}>
                      {t(`chair.nth.${n === -1 ? "last" : n}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="rule-weekday">{t("chair.weekday")}</label>
                <select id="rule-weekday" value={rule.weekday} onChange={(e) => set({ weekday: Number(text(e)) })}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {weekdayName(d)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          <div class="check">
            <input id="rule-by-day" type="radio" name="rule-monthly" checked={rule.monthly === "day"} onChange={() => set({ monthly: "day" })} />
            <label for="rule-by-day">{t("chair.by_month_day")}</label>
          </div>
          {rule.monthly === "day" && (
            <div class="field chair-indent">
              <label for="rule-month-day">{t("chair.month_day")}</label>
              <input id="rule-month-day" type="number" min={1} max={31} value={rule.monthDay} onInput={(e) => set({ monthDay: number(e) })} />
            </div>
          )}
        </fieldset>
      )}
      <fieldset>
        <legend>{t("chair.ends")}</legend>
        <div class="check">
          <input id="rule-end-count" type="radio" name="rule-end" checked={rule.end === "count"} onChange={() => set({ end: "count" })} />
          <label for="rule-end-count">{t("chair.end_after")}</label>
        </div>
        {rule.end === "count" && (
          <div class="field chair-indent">
            <label for="rule-count">{t("chair.how_many")}</label>
            <input id="rule-count" type="number" min={1} max={260} value={rule.count} onInput={(e) => set({ count: number(e) })} />
          </div>
        )}
        <div class="check">
          <input id="rule-end-until" type="radio" name="rule-end" checked={rule.end === "until"} onChange={() => set({ end: "until" })} />
          <label for="rule-end-until">{t("chair.end_until")}</label>
        </div>
        {rule.end === "until" && (
          <div class="field chair-indent">
            <label for="rule-until">{t("chair.last_day")}</label>
            <input id="rule-until" type="date" value={rule.until} onInput={(e) => set({ until: text(e) })} />
          </div>
        )}
      </fieldset>
      <div class="chair-rule-words" aria-live="polite">
        {problem ? (
          <p class="field-error">{problem}</p>
        ) : (
          <>
            <p class="chair-sentence">{describe(rule)}</p>
            <p class="hint">
              {t("chair.rrule_label")} <code dir="ltr">{toRRule(rule)}</code>
            </p>
          </>
        )}
      </div>
    </fieldset>
  );
}
