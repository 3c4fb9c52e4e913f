/** The check-in screen at the door, for a phone or a tablet: the code on a large keypad (or
 * typed), a pass's QR code read by the camera or from a picture, the answer in large type,
 * walk-ins while seats remain. With no network, check-ins wait on the device and are sent
 * in order when it returns (queue.ts). */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Event } from "../../api/client";
import { EventPlace, EventTime, Seats, Translated } from "../../components/EventBits";
import { SpokenCode } from "../../components/Pass";
import { Loaded, errorText, useLoad } from "../../components/Status";
import { formatNumber, language, languageName, t, tn, tx } from "../../i18n";
import { useStore } from "../../store";
import { SignedIn } from "../account/shared";
import { CardCheckIn } from "./CardCheckIn";
import { loadEvent } from "../EventPage";
import { type CheckInResult, checkIn, enqueue, flush, newKey, queued, type Sent } from "./queue";
import { Scanner } from "./Scanner";
import { ALPHABET, CODE_LENGTH, isCode, normalise } from "./scan";
import { DOOR_ROLES } from "./shared";
import { WalkIn } from "./WalkIn";

const RETRY_MS = 15000;

type Outcome =
  | { kind: "done"; result: CheckInResult; walkIn?: boolean }
  | { kind: "queued"; code: string }
  | { kind: "error"; code: string; error: unknown };

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

function list(items: string[]): string {
  return new Intl.ListFormat(language().tag, { type: "conjunction" }).format(items);
}

/** Who came, in type a volunteer can read from a metre away. */
function Result({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === "queued") {
    return (
      <div class="door-result queued">
        <p class="door-verdict">{t("door.queued_title")}</p>
        <p>{tx("door.queued_text", { code: <SpokenCode code={outcome.code} /> })}</p>
      </div>
    );
  }
  if (outcome.kind === "error") {
    return (
      <div class="door-result refused">
        <p class="door-verdict">{t("door.refused_title")}</p>
        <p>{tx("door.refused_code", { code: <SpokenCode code={outcome.code} /> })}</p>
        <p>{errorText(outcome.error)}</p>
      </div>
    );
  }
  const { result } = outcome;
  const already = result.already_checked_in;
  return (
    <div class={already ? "door-result already" : "door-result ok"}>
      <p class="door-verdict">
        {already ? t("door.already_title") : outcome.walkIn ? t("door.walk_in_title") : t("door.checked_in_title")}
      </p>
      <p class="door-name">{result.name}</p>
      <dl class="door-facts">
        <dt>{t("pass.party")}</dt>
        <dd>{t("pass.party_value", { adults: formatNumber(result.adults), children: formatNumber(result.children) })}</dd>
        <dt>{t("register.interpreter")}</dt>
        <dd>{result.interpreter_language ? languageName(result.interpreter_language) : t("door.none")}</dd>
        <dt>{t("register.childcare")}</dt>
        <dd>
          {result.childcare_ages.length
            ? tn("door.childcare_ages", result.childcare_ages.length, { ages: list(result.childcare_ages.map((age) => formatNumber(age))) })
            : t("door.none")}
        </dd>
        {(result.accessibility.length > 0 || result.accessibility_notes) && (
          <>
            <dt>{t("register.accessibility")}</dt>
            <dd>{list([...result.accessibility.map((need) => t(`need.${need}`)), ...(result.accessibility_notes ? [result.accessibility_notes] : [])])}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function Keypad({ onKey, onDelete, onClear }: { onKey: (ch: string) => void; onDelete: () => void; onClear: () => void }) {
  return (
    <div class="keypad" role="group" aria-label={t("door.keypad")} dir="ltr">
      {[...ALPHABET].map((ch) => (
        <button key={ch} type="button" class="key" onClick={() => onKey(ch)}>
          {ch}
        </button>
      ))}
      <button type="button" class="key wide secondary" onClick={onDelete} aria-label={t("door.delete")}>
        ⌫
      </button>
      <button type="button" class="key wide secondary" onClick={onClear}>
        {t("door.clear")}
      </button>
    </div>
  );
}

/** Check-ins sent from the queue once the network returned, newest first. */
function SentList({ sent }: { sent: Sent[] }) {
  if (!sent.length) return null;
  return (
    <section class="door-sent" aria-labelledby="door-sent-heading">
      <h2 id="door-sent-heading">{t("door.sent_heading")}</h2>
      <ul>
        {sent.map(({ item, result, error }) => (
          <li key={item.key}>
            <SpokenCode code={item.code} />{" "}
            {result
              ? result.already_checked_in
                ? t("door.sent_already", { name: result.name })
                : t("door.sent_ok", { name: result.name })
              : t("door.sent_refused", { reason: errorText(error) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Screen({ event, reload }: { event: Event; reload: () => void }) {
  const online = useOnline();
  const waiting = useStore(queued);
  const [code, setCode] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [sent, setSent] = useState<Sent[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const send = () => void flush((one) => setSent((previous) => [one, ...previous].slice(0, 50)));

  // Send what waits now, when the network returns, and every little while (an "online"
  // event is not always fired when the Wi-Fi comes back).
  useEffect(() => {
    send();
    window.addEventListener("online", send);
    const timer = window.setInterval(send, RETRY_MS);
    return () => {
      window.removeEventListener("online", send);
      window.clearInterval(timer);
    };
  }, []);

  const submit = async (raw: string) => {
    const value = normalise(raw);
    if (!isCode(value)) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    setInvalid(false);
    setCode("");
    // Something already waits, or there is no network: queue it, so the order holds.
    if (!navigator.onLine || queued.get().length) {
      enqueue(event.id, value);
      setOutcome({ kind: "queued", code: value });
      if (navigator.onLine) send();
      return;
    }
    setBusy(true);
    // One key for this check-in, kept if it has to wait: sent twice, it counts once.
    const key = newKey();
    try {
      setOutcome({ kind: "done", result: await checkIn(event.id, value, key) });
    } catch (error) {
      if (error instanceof ApiError && error.code === "network") {
        enqueue(event.id, value, key);
        setOutcome({ kind: "queued", code: value });
      } else {
        setOutcome({ kind: "error", code: value, error });
      }
    } finally {
      setBusy(false);
    }
  };

  const onScanned = (text: string) => {
    const value = normalise(text);
    if (isCode(value)) void submit(value);
    else setOutcome({ kind: "error", code: value.slice(0, 12), error: new ApiError(400, "not_a_pass", t("door.not_a_pass")) });
  };

  const seatsRemain = event.status === "published" && (event.seats_left === null || (event.seats_left ?? 0) > 0);
  const here = waiting.filter((item) => item.event === event.id).length;

  return (
    <>
      <h1>
        {tx("door.screen_heading", { title: <Translated text={event.title} translations={event.title_translations} /> })}
      </h1>
      <p class="door-when">
        <EventTime event={event} /> · <EventPlace event={event} />
      </p>
      <div class={online ? "door-network" : "door-network offline"} role="status" id="door-network">
        <span>{online ? t("door.online") : t("door.offline")}</span>{" "}
        <strong id="door-waiting">{tn("door.waiting", waiting.length)}</strong>
        {here !== waiting.length && <span> {tn("door.waiting_here", here)}</span>}
      </div>

      <div class="door-grid">
        <section aria-labelledby="door-result-heading" class="door-answer">
          <h2 id="door-result-heading" class="visually-hidden">
            {t("door.result_heading")}
          </h2>
          <div role="status" aria-live="polite" id="door-result">
            {outcome ? <Result outcome={outcome} /> : <p class="muted door-empty">{t("door.result_empty")}</p>}
          </div>
        </section>
        <section aria-labelledby="door-code-heading" class="door-entry">
          <h2 id="door-code-heading">{t("door.code_heading")}</h2>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit(code);
            }}
          >
            <div class={invalid ? "field invalid" : "field"}>
              <label for="door-code">{t("door.code_label")}</label>
              <p class="hint" id="door-code-hint">
                {t("door.code_hint", { length: CODE_LENGTH })}
              </p>
              {invalid && (
                <p class="field-error" id="door-code-error" role="alert">
                  {t("door.code_invalid", { length: CODE_LENGTH })}
                </p>
              )}
              <input
                ref={input}
                id="door-code"
                class="door-code"
                type="text"
                dir="ltr"
                autoComplete="off"
                autoCapitalize="characters"
                spellcheck={false}
                maxLength={16}
                aria-describedby={invalid ? "door-code-hint door-code-error" : "door-code-hint"}
                aria-invalid={invalid ? "true" : undefined}
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </div>
            <Keypad
              onKey={(ch) => setCode((value) => (normalise(value).length >= CODE_LENGTH ? value : normalise(value) + ch))}
              onDelete={() => setCode((value) => normalise(value).slice(0, -1))}
              onClear={() => setCode("")}
            />
            <button type="submit" class="primary door-submit" disabled={busy} aria-busy={busy}>
              {t("door.check_in")}
            </button>
          </form>
        </section>

        <Scanner onText={onScanned} />
      </div>

      <SentList sent={sent} />

      <CardCheckIn
        event={event}
        onDone={(result, walkIn) => {
          setOutcome({ kind: "done", result, walkIn });
          if (walkIn) reload();
          document.getElementById("door-result")?.scrollIntoView({ block: "center" });
        }}
      />

      <section aria-labelledby="door-walk-in-heading" class="door-walk-in">
        <h2 id="door-walk-in-heading">{t("door.walk_in_heading")}</h2>
        <p>
          <Seats event={event} />
        </p>
        {seatsRemain ? (
          <WalkIn
            event={event}
            onDone={(result) => {
              setOutcome({ kind: "done", result, walkIn: true });
              reload();
              document.getElementById("door-result")?.scrollIntoView({ block: "center" });
            }}
          />
        ) : (
          <p>{t("door.walk_in_full")}</p>
        )}
      </section>
      <p>
        <a href="/door">{t("door.other_event")}</a>
      </p>
    </>
  );
}

export function DoorPage({ params }: { params: { id?: string } }) {
  const state = useLoad(() => loadEvent(params.id ?? ""), [params.id]);
  return (
    <SignedIn heading={t("door.heading")} roles={DOOR_ROLES}>
      {() =>
        state.data ? (
          <Screen event={state.data} reload={() => void loadEvent(params.id ?? "").then(state.setData, () => undefined)} />
        ) : (
          <>
            <h1>{t("door.heading")}</h1>
            <Loaded state={state}>{() => null}</Loaded>
          </>
        )
      }
    </SignedIn>
  );
}
