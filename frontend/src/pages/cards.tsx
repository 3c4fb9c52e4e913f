/** The issuers' parent-card console (`/cards`), loaded as its own chunk with the "cards"
 * catalogue: list, issue, revoke, re-issue and print parent cards. */
export { CardsPage } from "./cards/Console";
