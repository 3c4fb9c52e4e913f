import { t } from "../i18n";
export function CboRegisterPage() { return <h1>{t("nav.cbo_registrations")}</h1>; }
export function CboRegistrationsPage() { return <h1>{t("nav.cbo_registrations")}</h1>; }
