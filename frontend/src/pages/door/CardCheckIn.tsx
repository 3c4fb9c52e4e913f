/** Check-in by parent card at the door: the card's QR code (a photo of it, the phone's
 * camera through the file picker) or its number typed; the API finds the holder's
 * registration for this event. Not registered: register her as a walk-in from the card
 * (party, and a phone when the card has none). Unlike passes, card check-ins need the
 * network: the holder is looked up on the server. */
import "./card.css";
import { useRef, useState } from "preact/hooks";
import { ApiError, api, type Event, unwrap } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { errorText } from "../../components/Status";
import { t, tx } from "../../i18n";
import { type CardLookup, isNumber, normaliseNumber, numberError, spacedNumber } from "../verify/card";
import { CardNumberField } from "../verify/NumberField";
import { type CheckInResult, newKey } from "./queue";
import { decodeFile } from "./scan";

/** The API's field errors under this form's own field names (the door screen's walk-in
 * form has fields of the same names). */
function ours(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([name, messages]) => [`card_${name}`, messages]));
  return new ApiError(error.status, error.code, error.message, fields);
}

type Party = { adults: number; children: number; phone: string };

function cardCheckIn(event: number, card: CardLookup, key: string): Promise<CheckInResult> {
  return unwrap(api.POST("/api/v1/events/{id}/card-check-in/", { params: { path: { id: event } }, body: { ...card, key } }));
}

function cardWalkIn(event: number, card: CardLookup, party: Party): Promise<CheckInResult> {
  return unwrap(api.POST("/api/v1/events/{id}/card-walk-in/", { params: { path: { id: event } }, body: { ...card, ...party } }));
}

/** The card as the volunteer sees it: its number, or "the scanned card". */
function CardName({ card }: { card: CardLookup }) {
  return "number" in card ? (
    <bdi dir="ltr" class="code">
      {spacedNumber(card.number)}
    </bdi>
  ) : (
    <>{t("verify.door_scanned_card")}</>
  );
}

function WalkInFromCard({
  event,
  card,
  onDone,
  onCancel,
}: {
  event: Event;
  card: CardLookup;
  onDone: (result: CheckInResult) => void;
  onCancel: () => void;
}) {
  const [party, setParty] = useState<Party>({ adults: 1, children: 0, phone: "" });
  const [needPhone, setNeedPhone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const update = (change: Partial<Party>) => setParty((previous) => ({ ...previous, ...change }));
  const labels = { card_adults: t("register.adults"), card_children: t("register.children"), card_phone: t("register.phone") };

  const submit = async (submitted: SubmitEvent) => {
    submitted.preventDefault();
    if (sending) return;
    if (needPhone && !party.phone.trim()) {
      setError(new ApiError(400, "invalid", t("form.check"), { card_phone: [t("verify.door_phone_needed")] }));
      return;
    }
    setSending(true);
    setError(null);
    try {
      onDone(await cardWalkIn(event.id, card, { ...party, phone: party.phone.trim() }));
    } catch (problem) {
      if (problem instanceof ApiError && problem.code === "card_has_no_contact") {
        setNeedPhone(true);
        setError(new ApiError(problem.status, problem.code, problem.message, { card_phone: [problem.message] }));
      } else {
        setError(ours(problem));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} class="door-card-walk-in" aria-labelledby="door-card-walk-in-heading">
      <h3 id="door-card-walk-in-heading">{t("verify.door_walk_in_heading")}</h3>
      <ErrorSummary error={error} labels={labels} />
      <div class="door-party">
        <Field name="card_adults" label={labels.card_adults} error={error}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={1} value={party.adults} onInput={(e) => update({ adults: Number(e.currentTarget.value) || 0 })} />
          )}
        </Field>
        <Field name="card_children" label={labels.card_children} error={error}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={0} value={party.children} onInput={(e) => update({ children: Number(e.currentTarget.value) || 0 })} />
          )}
        </Field>
      </div>
      {needPhone && (
        <Field name="card_phone" label={labels.card_phone} hint={t("verify.door_phone_hint")} error={error}>
          {(props) => <input {...props} type="tel" dir="ltr" inputMode="tel" autoComplete="off" value={party.phone} onInput={(e) => update({ phone: e.currentTarget.value })} />}
        </Field>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
          {t("verify.door_walk_in_submit")}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t("door.walk_in_cancel")}
        </button>
      </div>
    </form>
  );
}

type Problem = { card: CardLookup; error: unknown };

export function CardCheckIn({ event, onDone }: { event: Event; onDone: (result: CheckInResult, walkIn: boolean) => void }) {
  const [typed, setTyped] = useState("");
  const [formError, setFormError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unregistered, setUnregistered] = useState<CardLookup | null>(null);
  const picture = useRef<HTMLInputElement>(null);

  const done = (result: CheckInResult, walkIn: boolean) => {
    setProblem(null);
    setUnregistered(null);
    onDone(result, walkIn);
  };

  const send = async (card: CardLookup) => {
    setBusy(true);
    setProblem(null);
    setUnregistered(null);
    try {
      done(await cardCheckIn(event.id, card, newKey()), false);
      setTyped("");
    } catch (error) {
      setProblem({ card, error });
      if (error instanceof ApiError && error.code === "card_holder_not_registered") setUnregistered(card);
    } finally {
      setBusy(false);
    }
  };

  const submit = (submitted: SubmitEvent) => {
    submitted.preventDefault();
    if (busy) return;
    const number = normaliseNumber(typed);
    if (!isNumber(number)) {
      setFormError(ours(numberError()));
      return;
    }
    setFormError(null);
    void send({ number });
  };

  const onPicture = async () => {
    const file = picture.current?.files?.[0];
    if (!file) return;
    const text = await decodeFile(file).catch(() => null);
    if (picture.current) picture.current.value = "";
    if (text) void send({ signed: text.trim() });
    else setProblem({ card: { signed: "" }, error: new ApiError(400, "no_qr", t("verify.door_no_qr")) });
  };

  return (
    <section aria-labelledby="door-card-heading" class="door-card">
      <h2 id="door-card-heading">{t("verify.door_heading")}</h2>
      <p class="hint">{t("verify.door_intro")}</p>
      <form noValidate onSubmit={submit}>
        <ErrorSummary error={formError} labels={{ card_number: t("verify.number") }} />
        <CardNumberField name="card_number" inputClass="door-code" value={typed} onInput={setTyped} error={formError} />
        <button type="submit" class="primary door-submit" disabled={busy} aria-busy={busy}>
          {t("verify.door_check_in")}
        </button>
      </form>
      <div class="actions door-scan">
        <input id="door-card-picture" class="visually-hidden" ref={picture} type="file" accept="image/*" onChange={() => void onPicture()} />
        <label class="button secondary file-button" for="door-card-picture">
          {t("verify.door_picture")}
        </label>
      </div>
      <div role="status" aria-live="polite" id="door-card-answer">
        {problem && (
          <div class={unregistered ? "door-result already" : "door-result refused"}>
            <p class="door-verdict">{unregistered ? t("verify.door_not_registered_title") : t("door.refused_title")}</p>
            {!("signed" in problem.card && !problem.card.signed) && <p>{tx("verify.door_card", { card: <CardName card={problem.card} /> })}</p>}
            <p>{errorText(problem.error)}</p>
          </div>
        )}
      </div>
      {unregistered && (
        <WalkInFromCard
          event={event}
          card={unregistered}
          onDone={(result) => {
            setTyped("");
            done(result, true);
          }}
          onCancel={() => setUnregistered(null)}
        />
      )}
    </section>
  );
}
