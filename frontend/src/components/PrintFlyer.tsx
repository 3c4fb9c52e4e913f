/** "Print a flyer": an event's one-page flyer (GET /api/v1/events/{id}/flyer.pdf) in one of
 * the 13 interface languages, with the number families call for help. The server makes the
 * PDF and decides who may (the event's organisers); its errors come back as JSON (400
 * help_phone_needed, or `fields.phone` / `fields.language`), shown beside the field with
 * the app's one error display. The phone is kept in the tab's session storage, so a
 * coordinator printing the flyer in every language types it once.
 *
 * How the PDF opens: the flyer is fetched once (same origin, the session cookie), and only
 * a PDF answer is shown, from a blob URL: in a new tab at once, and behind an "Open the
 * flyer" link that stays (a browser that blocks a tab opened after a network wait, Safari
 * does, still gets it in one tap, and the PDF is not made twice). An error opens nothing. */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, commonHeaders, toApiError } from "../api/client";
import { language, t } from "../i18n";
import { LANGUAGES } from "../i18n/languages";
import { ErrorSummary, Field } from "./Form";

const PHONE_KEY = "od.print.phone";

function keptPhone(): string {
  try {
    return sessionStorage.getItem(PHONE_KEY) ?? "";
  } catch {
    return "";
  }
}

function keepPhone(phone: string): void {
  try {
    if (phone.trim()) sessionStorage.setItem(PHONE_KEY, phone);
    else sessionStorage.removeItem(PHONE_KEY);
  } catch {
    // Storage refused (private mode): the number is simply typed again next time.
  }
}

export function flyerHref(event: number, code: string, phone: string): string {
  const params = new URLSearchParams({ language: code });
  if (phone.trim()) params.set("phone", phone.trim());
  return `/api/v1/events/${event}/flyer.pdf?${params.toString()}`;
}

/** The flyer as a PDF blob, or the API's error (field names as this form's fields). */
async function fetchFlyer(href: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(href, { credentials: "same-origin", headers: commonHeaders("GET") });
  } catch {
    throw new ApiError(0, "network", "");
  }
  const type = response.headers.get("Content-Type") ?? "";
  if (response.ok && type.startsWith("application/pdf")) return response.blob();
  const body: unknown = await response.json().catch(() => null);
  const error = toApiError(response.status, body);
  // The missing number is the phone field's to say; a bad one already is.
  const fields: Record<string, string[]> = {};
  if (error.fields.phone) fields.flyer_phone = error.fields.phone;
  else if (error.code === "help_phone_needed") fields.flyer_phone = [error.message];
  if (error.fields.language) fields.flyer_language = error.fields.language;
  throw new ApiError(error.status, error.code, error.message, fields);
}

export function PrintFlyer({ event }: { event: number }) {
  const [code, setCode] = useState(language().code);
  const [phone, setPhone] = useState(keptPhone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<{ url: string; code: string } | null>(null);
  const url = useRef<string | null>(null);
  const forget = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };
  useEffect(() => forget, []);

  const make = async (submit: Event) => {
    submit.preventDefault();
    setBusy(true);
    setError(null);
    setMade(null);
    forget();
    try {
      const pdf = await fetchFlyer(flyerHref(event, code, phone));
      url.current = URL.createObjectURL(pdf);
      setMade({ url: url.current, code });
      // Our own blob, same origin: no "noopener" (Chrome opens a noopener blob URL blank).
      window.open(url.current, "_blank");
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const chosen = LANGUAGES.find((l) => l.code === made?.code);
  const labels = { flyer_phone: t("print.phone"), flyer_language: t("print.language") };
  return (
    <section class="print-flyer" aria-labelledby={`flyer-heading-${event}`}>
      <h2 id={`flyer-heading-${event}`}>{t("print.flyer_heading")}</h2>
      <p>{t("print.flyer_intro")}</p>
      <form onSubmit={make} noValidate>
        <ErrorSummary error={error} labels={labels} />
        <Field name="flyer_language" label={t("print.language")} error={error}>
          {(props) => (
            <select {...props} value={code} onChange={(e) => setCode(e.currentTarget.value)}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.tag} dir={l.dir}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="flyer_phone" label={t("print.phone")} hint={t("print.phone_hint")} error={error}>
          {(props) => (
            <input
              {...props}
              type="tel"
              dir="ltr"
              autocomplete="off"
              value={phone}
              onInput={(e) => {
                setPhone(e.currentTarget.value);
                keepPhone(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <p class="actions">
          <button type="submit" class="secondary" disabled={busy} aria-busy={busy}>
            {t(busy ? "print.making" : "print.make")}
          </button>
        </p>
        {/* A polite live region, not role=status: the page may have its own status line. */}
        <p aria-live="polite">
          {made && chosen && (
            <>
              {t("print.ready")}{" "}
              <a href={made.url} target="_blank">
                {t("print.open")} (
                <span lang={chosen.tag} dir={chosen.dir}>
                  {chosen.name}
                </span>
                )
              </a>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
