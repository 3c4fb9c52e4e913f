import { t } from "../i18n";

export function NotFoundPage() {
  return (
    <>
      <h1>{t("not_found.heading")}</h1>
      <p>{t("not_found.text")}</p>
      <p>
        <a href="/">{t("not_found.home")}</a>
      </p>
    </>
  );
}
