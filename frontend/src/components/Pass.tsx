/** The pass: the short code in large type and the QR code, with what, when and where. It
 * is drawn from a saved pass, so it looks the same online and offline. */
import { formatNumber, t, tx } from "../i18n";
import type { SavedPass } from "../passes";
import { EventPlace, EventTime, Translated } from "./EventBits";

/** The code spaced for reading aloud ("K7P 4QX"), kept left-to-right in every language. */
export function SpokenCode({ code }: { code: string }) {
  return (
    <bdi dir="ltr" class="code">
      {code.slice(0, 3)} {code.slice(3)}
    </bdi>
  );
}

export function PassCard({ pass }: { pass: SavedPass }) {
  const { registration, event } = pass;
  const svg = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(pass.qrSvg)}`;
  return (
    <section class="pass" aria-labelledby="pass-heading">
      <h2 id="pass-heading">{t("pass.heading")}</h2>
      <p class="pass-label">{t("pass.code_label")}</p>
      <p class="pass-code">
        <SpokenCode code={registration.pass_code} />
      </p>
      {pass.qrSvg && <img class="qr" src={svg} width={200} height={200} alt={t("pass.qr_alt", { code: registration.pass_code })} />}
      <dl class="facts">
        <dt>{t("pass.event")}</dt>
        <dd>
          <Translated text={event.title} translations={event.title_translations} />
        </dd>
        <dt>{t("event.when")}</dt>
        <dd>
          <EventTime event={event} />
        </dd>
        <dt>{t("event.where")}</dt>
        <dd>
          <EventPlace event={event} />
        </dd>
        <dt>{t("pass.name")}</dt>
        <dd>{registration.name}</dd>
        <dt>{t("pass.party")}</dt>
        <dd>
          {tx("pass.party_value", { adults: formatNumber(registration.adults), children: formatNumber(registration.children) })}
        </dd>
      </dl>
      <p class="hint">{t("pass.show_at_door")}</p>
    </section>
  );
}
