/** /cards/verify?c=<number>:<signature>: what a phone camera opens when it reads a parent
 * card's QR code. Anyone may look: the page asks the API and says in large type whether the
 * card is good, who issued it and until when; the holder (name, language, schools) only
 * when the API gives it (door volunteers, school staff, organisers, the issuer's staff).
 * With no QR code, the number can be typed. */
import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorSummary } from "../../components/Form";
import { errorText } from "../../components/Status";
import { languageName, t } from "../../i18n";
import { useQuery } from "../../router";
import {
  type CardLookup,
  formatDay,
  isNumber,
  normaliseNumber,
  numberError,
  refusal,
  spacedNumber,
  type Verification,
  verifyCard,
} from "./card";
import { CardNumberField } from "./NumberField";

type State =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "valid"; card: Verification }
  | { kind: "refused"; error: unknown };

function CardNumber({ number }: { number: string }) {
  return (
    <bdi dir="ltr" class="verify-number">
      {spacedNumber(number)}
    </bdi>
  );
}

function Valid({ card }: { card: Verification }) {
  const holder = card.holder;
  return (
    <div class="verify-result ok">
      <p class="verify-verdict">{t("verify.valid")}</p>
      {holder && (
        <p class="verify-name">
          <bdi>{holder.name}</bdi>
        </p>
      )}
      <dl class="verify-facts">
        <dt>{t("verify.issuer")}</dt>
        <dd>
          <bdi>{card.issuer.name}</bdi>
        </dd>
        <dt>{t("verify.valid_until")}</dt>
        <dd>{formatDay(card.expires_on)}</dd>
        {card.number && (
          <>
            <dt>{t("verify.number")}</dt>
            <dd>
              <CardNumber number={card.number} />
            </dd>
          </>
        )}
        {holder && (
          <>
            <dt>{t("verify.language")}</dt>
            <dd>{languageName(holder.preferred_language)}</dd>
            <dt>{t("verify.schools")}</dt>
            <dd>
              {holder.schools.length ? (
                <ul class="verify-schools">
                  {holder.schools.map((school) => (
                    <li key={school}>
                      <bdi>{school}</bdi>
                    </li>
                  ))}
                </ul>
              ) : (
                t("verify.no_schools")
              )}
            </dd>
          </>
        )}
      </dl>
      <p class="verify-note">{holder ? t("verify.holder_note") : t("verify.no_holder_note")}</p>
    </div>
  );
}

const TITLES = {
  forged: "verify.forged_title",
  revoked: "verify.revoked_title",
  expired: "verify.expired_title",
  unknown: "verify.unknown_title",
  throttled: "verify.throttled_title",
  other: "verify.error_title",
} as const;

// What to do, where the API's message does not already say it.
const ADVICE: Partial<Record<keyof typeof TITLES, string>> = {
  revoked: "verify.do_not_accept",
  expired: "verify.do_not_accept",
  other: "verify.error_advice",
};

function Refused({ error }: { error: unknown }) {
  const kind = refusal(error);
  return (
    <div class={`verify-result refused verify-${kind}`}>
      <p class="verify-verdict">{t(TITLES[kind])}</p>
      <p class="verify-message">{errorText(error)}</p>
      {ADVICE[kind] && <p>{t(ADVICE[kind])}</p>}
    </div>
  );
}

export function CardVerifyPage() {
  const scanned = useQuery().get("c") ?? "";
  const [state, setState] = useState<State>(scanned ? { kind: "checking" } : { kind: "idle" });
  const [typed, setTyped] = useState("");
  const [formError, setFormError] = useState<unknown>(null);
  // Only the latest check may land: a slow answer to an earlier one is dropped.
  const latest = useRef(0);

  const check = (lookup: CardLookup) => {
    const ticket = ++latest.current;
    setState({ kind: "checking" });
    verifyCard(lookup).then(
      (card) => ticket === latest.current && setState({ kind: "valid", card }),
      (error: unknown) => ticket === latest.current && setState({ kind: "refused", error }),
    );
  };

  useEffect(() => {
    if (scanned) check({ signed: scanned });
  }, [scanned]);

  const submit = (event: Event) => {
    event.preventDefault();
    const number = normaliseNumber(typed);
    if (!isNumber(number)) {
      setFormError(numberError());
      return;
    }
    setFormError(null);
    check({ number });
  };

  return (
    <div class="verify">
      <h1>{t("verify.title")}</h1>
      <p class="lead">{t("verify.intro")}</p>
      <section aria-labelledby="verify-answer-heading" class="verify-answer">
        <h2 id="verify-answer-heading" class="visually-hidden">
          {t("verify.answer_heading")}
        </h2>
        <div id="verify-result" role="status" aria-live="polite" aria-atomic="true">
          {state.kind === "checking" && <p class="verify-checking">{t("verify.checking")}</p>}
          {state.kind === "valid" && <Valid card={state.card} />}
          {state.kind === "refused" && <Refused error={state.error} />}
          {state.kind === "idle" && <p class="muted">{t("verify.no_card_yet")}</p>}
        </div>
      </section>
      <section aria-labelledby="verify-type-heading" class="verify-type">
        <h2 id="verify-type-heading">{t("verify.type_heading")}</h2>
        <form onSubmit={submit} noValidate>
          <ErrorSummary error={formError} labels={{ number: t("verify.number") }} />
          <CardNumberField name="number" inputClass="verify-input" value={typed} onInput={setTyped} error={formError} />
          <button type="submit" class="verify-submit">
            {t("verify.check")}
          </button>
        </form>
      </section>
    </div>
  );
}
