import { t } from "../i18n";

/** The safe-zone statement the report asks every public page to make. */
export function SafeZone() {
  return (
    <aside class="safe-zone" aria-labelledby="safe-zone-heading">
      <h2 id="safe-zone-heading">{t("safe_zone.heading")}</h2>
      <p>{t("safe_zone.text")}</p>
    </aside>
  );
}
