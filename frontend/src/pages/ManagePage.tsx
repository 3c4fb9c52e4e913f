/** My registration, reached through the secret manage link (/manage#<token>: the token
 * stays in the fragment, so it is never sent to the server with the page or in a Referer).
 * The pass, the interpreter request in plain words, change the party, cancel. With no
 * network, the pass saved on this device is shown. */
import { useState } from "preact/hooks";
import { ApiError, api, type Event, type Registration, type Schemas, unwrap } from "../api/client";
import { useCopy } from "../components/copy";
import { CalendarLinks, placeText } from "../components/EventBits";
import { ErrorSummary, Field } from "../components/Form";
import { Listen } from "../components/Listen";
import { PassCard } from "../components/Pass";
import { LoadError, Loading, errorText, useLoad } from "../components/Status";
import { formatDateTime, formatEventTime, formatNumber, languageName, t, tn, tx } from "../i18n";
import { fetchQrSvg, forgetPass, loadPass, savePass, type SavedPass } from "../passes";
import { useLocation, useQuery } from "../router";
import { loadEvent } from "./EventPage";

type Interpretation = Schemas["RegistrationInterpretation"];
type Look = Schemas["Look"];
type Loaded = { pass: SavedPass; event: Event | null; interpretation: Interpretation | null; offline: boolean };

function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ""));
}

async function loadManaged(token: string): Promise<Loaded> {
  const path = { params: { path: { token } } };
  let registration: Registration;
  try {
    registration = await unwrap(api.GET("/api/v1/registrations/manage/{token}/", path));
  } catch (error) {
    const saved = loadPass(token);
    if (error instanceof ApiError && error.code === "network" && saved) {
      return { pass: saved, event: null, interpretation: null, offline: true };
    }
    if (error instanceof ApiError && error.status === 404) forgetPass(token);
    throw error;
  }
  const [event, interpretation, qrSvg] = await Promise.all([
    loadEvent(registration.event),
    unwrap(api.GET("/api/v1/registrations/manage/{token}/interpretation/", path)).catch(() => null),
    registration.status === "cancelled" ? Promise.resolve("") : fetchQrSvg(token).catch(() => loadPass(token)?.qrSvg ?? ""),
  ]);
  const pass: SavedPass = { token, registration, event, qrSvg, savedAt: new Date().toISOString() };
  if (registration.status === "cancelled") forgetPass(token);
  else savePass(pass);
  return { pass, event, interpretation, offline: false };
}

function StatusLine({ registration, fresh }: { registration: SavedPass["registration"]; fresh: boolean }) {
  switch (registration.status) {
    case "confirmed":
      return <p class="notice success">{t(fresh ? "manage.registered_now" : "manage.confirmed")}</p>;
    case "waitlisted":
      return (
        <p class="notice warning">
          {tx("manage.waitlisted", { position: <strong>{formatNumber(registration.waitlist_position ?? 0)}</strong> })}
        </p>
      );
    case "checked_in":
      return <p class="notice success">{t("manage.checked_in")}</p>;
    default:
      return <p class="notice">{t("manage.cancelled")}</p>;
  }
}

/** Where the interpreter request stands, in the API's own plain words (translated by the
 * server, and more precise than ours: a late request, a family still on the waitlist). */
function InterpreterState({ interpretation }: { interpretation: Interpretation | null }) {
  if (!interpretation || (!interpretation.requested && !interpretation.language)) return null;
  const state = interpretation.status ?? "requested";
  return (
    <section aria-labelledby="interpreter-heading">
      <h2 id="interpreter-heading">{t("manage.interpreter_heading")}</h2>
      {interpretation.language && (
        <p class="muted">
          {t("register.interpreter")}: {languageName(interpretation.language)}
        </p>
      )}
      <p>{interpretation.message || t(`interpreter.${state}`)}</p>
    </section>
  );
}

function ChangeParty({ token, registration, onChanged }: { token: string; registration: SavedPass["registration"]; onChanged: () => void }) {
  const [adults, setAdults] = useState(registration.adults);
  const [children, setChildren] = useState(registration.children);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    try {
      await unwrap(api.PATCH("/api/v1/registrations/manage/{token}/", { params: { path: { token } }, body: { adults, children } }));
      setError(null);
      setSaved(true);
      onChanged();
    } catch (problem) {
      setError(problem);
    }
  };
  const labels = { adults: t("register.adults"), children: t("register.children") };
  return (
    <form onSubmit={submit} aria-labelledby="change-heading" noValidate>
      <h2 id="change-heading">{t("manage.change_heading")}</h2>
      <ErrorSummary error={error} labels={labels} />
      {saved && (
        <p role="status" class="notice success">
          {t("manage.changed")}
        </p>
      )}
      <Field name="adults" label={labels.adults} error={error}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={1} value={adults} onInput={(e) => setAdults(Number(e.currentTarget.value) || 0)} />}
      </Field>
      <Field name="children" label={labels.children} error={error}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={0} value={children} onInput={(e) => setChildren(Number(e.currentTarget.value) || 0)} />}
      </Field>
      <button type="submit">{t("manage.save_party")}</button>
    </form>
  );
}

/** "Are you sure?" for something that cannot be taken back: yes in red, no keeps it. */
export function ConfirmBox({
  id,
  question,
  yes,
  no,
  onYes,
  onNo,
}: {
  id: string;
  question: string;
  yes: string;
  no?: string;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div class="confirm" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div class="actions">
        <button type="button" class="danger" onClick={onYes}>
          {yes}
        </button>
        <button type="button" class="secondary" onClick={onNo}>
          {no ?? t("manage.cancel_no")}
        </button>
      </div>
    </div>
  );
}

function Cancel({ token, onCancelled }: { token: string; onCancelled: () => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancel = async () => {
    try {
      await unwrap(api.DELETE("/api/v1/registrations/manage/{token}/", { params: { path: { token } } }));
      forgetPass(token);
      onCancelled();
    } catch (problem) {
      setError(problem);
    }
  };
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t("manage.cancel_heading")}</h2>
      {error !== null && (
        <p role="alert" class="notice error">
          {errorText(error)}
        </p>
      )}
      {asking ? (
        <ConfirmBox id="cancel-question" question={t("manage.cancel_question")} yes={t("manage.cancel_yes")} onYes={cancel} onNo={() => setAsking(false)} />
      ) : (
        <button type="button" class="danger" onClick={() => setAsking(true)}>
          {t("manage.cancel")}
        </button>
      )}
    </section>
  );
}

/** What we hold about this registration: the family downloads it or erases it (which
 * cancels the place and ends the link). */
function YourData({ token, onErased }: { token: string; onErased: () => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const erase = async () => {
    try {
      await unwrap(api.DELETE("/api/v1/registrations/manage/{token}/data/", { params: { path: { token } } }));
      forgetPass(token);
      onErased();
    } catch (problem) {
      setError(problem);
    }
  };
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t("manage.data_heading")}</h2>
      <p>{t("manage.data_text")}</p>
      {error !== null && (
        <p role="alert" class="notice error">
          {errorText(error)}
        </p>
      )}
      <div class="actions">
        <a class="button secondary" href={`/api/v1/registrations/manage/${encodeURIComponent(token)}/data/`} download>
          {t("manage.data_download")}
        </a>
        {!asking && (
          <button type="button" class="danger" onClick={() => setAsking(true)}>
            {t("manage.data_erase")}
          </button>
        )}
      </div>
      {asking && (
        <ConfirmBox id="erase-question" question={t("manage.data_erase_question")} yes={t("manage.data_erase_yes")} onYes={erase} onNo={() => setAsking(false)} />
      )}
    </section>
  );
}

/** What a look was, in our words (the API's own translated label for a kind we do not know). */
function lookKind(look: Look): string {
  const key = `manage.look_kind.${look.kind}`;
  const ours = t(key);
  return ours === key ? look.label : ours;
}

/** That (never who) the event's staff looked at lists holding this registration, and when:
 * the count, then the latest looks in the event's time zone. Loaded on its own, so the rest
 * of the page works when it does not load. */
function Looks({ token, timeZone }: { token: string; timeZone: string }) {
  const state = useLoad(
    () => unwrap(api.GET("/api/v1/registrations/manage/{token}/looks/", { params: { path: { token } } })),
    [token],
  );
  return (
    <section aria-labelledby="looks-heading" class="looks">
      <h2 id="looks-heading">{t("manage.looks_heading")}</h2>
      {state.data ? (
        state.data.count === 0 ? (
          <p>{t("manage.looks_none")}</p>
        ) : (
          <>
            <p>{tn("manage.looks_count", state.data.count)}</p>
            <ul class="looks-list">
              {state.data.looks.map((look, index) => (
                <li key={`${look.at}-${index}`}>
                  <time dateTime={look.at}>{formatDateTime(look.at, timeZone)}</time>
                  {": "}
                  {lookKind(look)}
                </li>
              ))}
            </ul>
          </>
        )
      ) : state.error !== undefined ? (
        <p class="notice warning">{t("manage.looks_failed")}</p>
      ) : (
        <Loading />
      )}
      <p class="muted">{t("manage.looks_why")}</p>
    </section>
  );
}

function KeepLink() {
  const link = window.location.origin + window.location.pathname + window.location.hash;
  const { copied, copy } = useCopy(link);
  return (
    <section aria-labelledby="link-heading">
      <h2 id="link-heading">{t("manage.link_heading")}</h2>
      <p>{t("manage.link_text")}</p>
      <p class="link-box">
        <bdi dir="ltr">{link}</bdi>
      </p>
      <button type="button" class="secondary" onClick={copy}>
        {t("common.copy_link")}
      </button>
      <span role="status">{copied ? ` ${t("common.copied")}` : ""}</span>
    </section>
  );
}

export function ManagePage() {
  const { path } = useLocation();
  const fresh = useQuery().get("new") === "1";
  const token = tokenFromHash();
  const state = useLoad(() => loadManaged(token), [token, path]);
  const [erased, setErased] = useState(false);

  if (erased) {
    return (
      <>
        <h1>{t("manage.erased_heading")}</h1>
        <p role="status">{t("manage.erased_text")}</p>
        <p>
          <a href="/">{t("not_found.home")}</a>
        </p>
      </>
    );
  }
  if (!token || (state.error instanceof ApiError && state.error.status === 404)) {
    return (
      <>
        <h1>{t("manage.unknown_heading")}</h1>
        <p>{t("manage.unknown_text")}</p>
        <p>
          <a href="/">{t("not_found.home")}</a>
        </p>
      </>
    );
  }
  if (!state.data) {
    return (
      <>
        <h1>{t("manage.heading")}</h1>
        {state.error ? <LoadError error={state.error} retry={state.reload} /> : <Loading />}
      </>
    );
  }
  const { pass, event, interpretation, offline } = state.data;
  const { registration } = pass;
  const active = registration.status !== "cancelled";
  const spoken = [
    pass.event.title,
    formatEventTime(pass.event.starts_at, pass.event.ends_at, pass.event.timezone || "America/New_York"),
    placeText(pass.event),
    t("listen.code", { code: registration.pass_code.split("").join(" ") }),
  ].join(". ");
  return (
    <>
      {/* "You are registered" only with a seat: a waitlisted family is told so just below. */}
      <h1>{t(fresh && registration.status === "confirmed" ? "manage.heading_new" : "manage.heading")}</h1>
      {offline && (
        <p class="notice warning" role="status">
          {t("manage.offline")}
        </p>
      )}
      <StatusLine registration={registration} fresh={fresh} />
      {active && <Listen text={spoken} />}
      {active && <PassCard pass={pass} />}
      {!offline && <InterpreterState interpretation={interpretation} />}
      {!offline && active && event && (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{t("calendar.add")}</h2>
          <CalendarLinks links={event} />
        </section>
      )}
      {active && <KeepLink />}
      {!offline && active && registration.status !== "checked_in" && (
        <>
          <ChangeParty token={token} registration={registration} onChanged={state.reload} />
          <Cancel token={token} onCancelled={state.reload} />
        </>
      )}
      {!offline && !active && event && (
        <p>
          <a href={`/events/${event.id}`}>{t("common.back_to_event")}</a>
        </p>
      )}
      {!offline && <YourData token={token} onErased={() => setErased(true)} />}
      {!offline && <Looks token={token} timeZone={pass.event.timezone || "America/New_York"} />}
    </>
  );
}
