/** What the organiser's pages share: the API's shapes, numbers and percentages in the
 * reader's locale, and the sign-in gate for the organiser role. */
import type { ComponentChildren } from "preact";
import { loadLanguages } from "../../api/catalogue";
import type { Profile, Schemas } from "../../api/client";
import { useLoad } from "../../components/Status";
import { language, languageName } from "../../i18n";
import { SignedIn } from "../account/shared";
import "../organiser.css";

export type Summit = Schemas["Summit"];
export type DashboardRow = Schemas["DashboardRow"];
export type DashboardLanguage = Schemas["DashboardLanguage"];

export const ORGANISER_ROLES = ["organiser"] as const;

/** A share (0..1) as a percentage in the reader's locale ("67 %", "٦٧٪"). */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(language().tag, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

export function OrganiserOnly({ heading, children }: { heading: string; children: (profile: Profile) => ComponentChildren }) {
  return (
    <SignedIn heading={heading} roles={ORGANISER_ROLES}>
      {children}
    </SignedIn>
  );
}

/** Names a language code in the reader's language, falling back to the catalogue's
 * English name for the codes the browser cannot name (American Sign Language: "ase"). */
export function useLanguageNames(): (code: string) => string {
  const languages = useLoad(loadLanguages);
  return (code: string) => {
    const local = languageName(code);
    if (local && local !== code) return local;
    return languages.data?.find((l) => l.code === code)?.name_en ?? code;
  };
}
