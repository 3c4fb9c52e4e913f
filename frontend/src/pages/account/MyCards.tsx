/** The signed-in parent's own parent cards (GET /me/cards/), on her "My registrations" page:
 * her name, the number as printed, who issued it, until when, and whether it is still good;
 * a good card links to its own verification page, a withdrawn or expired one says to ask
 * the issuer for a new one. The section is there only for someone who holds a card. */
import { api, type Schemas, unwrap } from "../../api/client";
import { useLoad } from "../../components/Status";
import { formatDate, t, tx } from "../../i18n";
import { Fact } from "./shared";

type MyCard = Schemas["MyCard"];
type CardStatus = "valid" | "expired" | "revoked";

const TONE: Record<CardStatus, string> = { valid: "ok", expired: "cancelled", revoked: "cancelled" };

function loadCards(): Promise<MyCard[]> {
  return unwrap(api.GET("/api/v1/me/cards/", { params: { query: { page_size: 200 } } })).then((page) => page.results);
}

function statusOf(card: MyCard): CardStatus {
  return card.status === "revoked" || card.status === "expired" ? card.status : "valid";
}

/** A day (YYYY-MM-DD, no time) in the reader's language, read as that very calendar day
 * (midnight UTC formatted in UTC, so no time zone moves it to the day before). */
function formatDay(day: string): string {
  return formatDate(`${day}T00:00:00Z`, "UTC");
}

/** The card's own verification link (what its QR code holds), on this site: its path and
 * query, so it opens the verification page here whatever the public address. */
export function verifyPath(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return parsed.pathname + parsed.search;
}

/** "ACDE FGHJ": two groups of four, as printed on the card. */
function spacedNumber(number: string): string {
  return `${number.slice(0, 4)} ${number.slice(4)}`;
}

function CardItem({ card }: { card: MyCard }) {
  const status = statusOf(card);
  const headingId = `my-card-${card.id}-name`;
  const issuer = <bdi>{card.issuer.name}</bdi>;
  return (
    <li class={`card my-card ${status}`} id={`my-card-${card.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <bdi>{card.holder_name}</bdi>
      </h3>
      <dl class="my-card-number">
        <dt>{t("me.card_number")}</dt>
        <dd>
          <bdi dir="ltr">{spacedNumber(card.number)}</bdi>
        </dd>
      </dl>
      <dl class="facts">
        <Fact label={t("me.card_issuer")}>{issuer}</Fact>
        <Fact label={t("me.card_valid_until")}>
          <time dateTime={card.expires_on}>{formatDay(card.expires_on)}</time>
        </Fact>
        <Fact label={t("account.status_label")}>
          <span class={`badge ${TONE[status]}`}>{t(`me.card_status.${status}`)}</span>
        </Fact>
      </dl>
      {status === "valid" ? (
        <p class="my-card-action">
          <a href={verifyPath(card.verification_url)}>{t("me.card_show_valid")}</a>
        </p>
      ) : (
        <p class="my-card-action">{tx("me.card_ask_new", { issuer })}</p>
      )}
    </li>
  );
}

/** Loaded on its own beside the registrations (neither waits for the other); nothing is
 * shown while it loads, when there is no card, or when the cards could not be fetched
 * (most accounts hold none, so a failure is not worth an alarm on this page). */
export function MyCards() {
  const state = useLoad(loadCards);
  const cards = state.data;
  if (!cards?.length) return null;
  return (
    <section class="my-cards" aria-labelledby="my-cards-heading">
      <h2 id="my-cards-heading">{t("me.cards_heading")}</h2>
      <ul class="cards single">
        {cards.map((card) => (
          <CardItem key={card.id} card={card} />
        ))}
      </ul>
    </section>
  );
}
