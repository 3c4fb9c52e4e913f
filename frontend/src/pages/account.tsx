import { t } from "../i18n";
export function SignInPage() { return <h1>{t("nav.sign_in")}</h1>; }
export function SignUpPage() { return <h1>{t("nav.sign_in")}</h1>; }
export function MyRegistrationsPage() { return <h1>{t("nav.my_registrations")}</h1>; }
export function MyCalendarPage() { return <h1>{t("nav.my_calendar")}</h1>; }
