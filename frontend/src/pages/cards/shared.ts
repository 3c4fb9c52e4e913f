/** What the card console's parts share: the API's shapes, the status in words, the PDF
 * links (plain links to the API, opened by the browser's PDF viewer). */
import { ApiError, type Schemas } from "../../api/client";
import { language } from "../../i18n";

export type Card = Schemas["Card"];
export type School = Schemas["School"];

/** valid, expired, revoked, or replaced (revoked and re-issued). */
export function statusOf(card: Card): "valid" | "expired" | "revoked" | "replaced" {
  if (card.replaced_by) return "replaced";
  if (card.status === "revoked" || card.status === "expired") return card.status;
  return "valid";
}

export function cardPdf(card: Card): string {
  return `/api/v1/cards/${card.id}/card.pdf`;
}

export function sheetPdf(ids: readonly number[] = []): string {
  return ids.length ? `/api/v1/cards/sheet.pdf?ids=${ids.join(",")}` : "/api/v1/cards/sheet.pdf";
}

/** A day ("2027-11-30", no time) in the reader's language, read as that very day. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(language().tag, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The API says which issuer field was wrong ("organization" or "school"); the form has
 * one chooser for both. */
export function issuerErrors(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const { organization, school, ...rest } = error.fields;
  const issuer = [...(organization ?? []), ...(school ?? [])];
  if (!issuer.length) return error;
  return new ApiError(error.status, error.code, error.message, { ...rest, issuer });
}
