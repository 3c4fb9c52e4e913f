/** Parent cards as the verification page and the door read them: the number typed in
 * (8 characters of the passes' alphabet, spaces and dashes welcome) and the API's answer. */
import { ApiError, api, type Schemas, unwrap } from "../../api/client";
import { language, t } from "../../i18n";

export type Verification = Schemas["Verification"];
export type CardLookup = { signed: string } | { number: string };

export const NUMBER_LENGTH = 8;
// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: the server's PASS_ALPHABET.
const ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** Upper case, no spaces or dashes, as the server reads it ("acd4-7fgh" → "ACD47FGH"). */
export function normaliseNumber(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function isNumber(number: string): boolean {
  return number.length === NUMBER_LENGTH && [...number].every((ch) => ALPHABET.includes(ch));
}

/** A field error made here, shown as the API's would be (beside the field, in the summary). */
export function numberError(): ApiError {
  const message = t("verify.number_invalid");
  return new ApiError(400, "invalid", message, { number: [message] });
}

export function verifyCard(body: CardLookup): Promise<Verification> {
  return unwrap(api.POST("/api/v1/cards/verify/", { body }));
}

/** "ACDE FGHJ": two groups of four, as printed. */
export function spacedNumber(number: string): string {
  return `${number.slice(0, 4)} ${number.slice(4)}`;
}

/** A day (YYYY-MM-DD) in the reader's language, as the calendar day it names. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(language().tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** The kinds of refusal the page words on its own (the API's message is shown with them). */
export type Refusal = "forged" | "revoked" | "expired" | "unknown" | "throttled" | "other";

export function refusal(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return "other";
  if (error.status === 429) return "throttled";
  switch (error.code) {
    case "card_signature_invalid":
      return "forged";
    case "card_revoked":
      return "revoked";
    case "card_expired":
      return "expired";
    case "card_not_found":
      return "unknown";
    default:
      return "other";
  }
}
