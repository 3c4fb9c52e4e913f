import { t } from "../i18n";
export function CommitteesPage() { return <h1>{t("nav.committees")}</h1>; }
export function CommitteePage() { return <h1>{t("nav.committees")}</h1>; }
export function MeetingPage() { return <h1>{t("nav.committees")}</h1>; }
