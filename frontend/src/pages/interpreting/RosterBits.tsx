/** What the roster's cards and the interpreter's own page share: an entry's facts, and a
 * notice that takes the focus so it is read out. */
import { useEffect, useRef } from "preact/hooks";
import { languageName, t } from "../../i18n";
import { Fact } from "../account/shared";
import type { Interpreter } from "./RosterForm";
import { windowText } from "./RosterWindows";
import { modeText } from "./shared";

/** A notice that takes the focus when it appears, so it is read out. */
export function Notice({ text }: { text: string }) {
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) box.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <p class="notice success" role="status" tabIndex={-1} ref={box}>
      {text}
    </p>
  );
}

/** An entry's facts; ``availability={false}`` where a form below edits it. */
export function PersonFacts({ person, availability = true }: { person: Interpreter; availability?: boolean }) {
  return (
    <dl class="facts">
      {person.agency && <Fact label={t("interp.agency")}>{person.agency}</Fact>}
      <Fact label={t("interp.languages")}>{person.languages.map(languageName).join(", ")}</Fact>
      <Fact label={t("interp.modes")}>{person.modes.map(modeText).join(", ")}</Fact>
      {availability && (
        <Fact label={t("interp.availability")}>
          {person.availability.length ? (
            <ul class="plain">
              {person.availability.map((window) => (
                <li key={window.starts_at}>{windowText(window)}</li>
              ))}
            </ul>
          ) : (
            t("interp.no_availability")
          )}
        </Fact>
      )}
      {(person.phone || person.email) && (
        <Fact label={t("interp.contact")}>
          <bdi dir="ltr">{[person.phone, person.email].filter(Boolean).join(" · ")}</bdi>
        </Fact>
      )}
      {person.notes && <Fact label={t("interp.roster.notes")}>{person.notes}</Fact>}
    </dl>
  );
}
