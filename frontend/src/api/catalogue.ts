/** Reference data fetched once per visit: the language catalogue (for names and the
 * interpreter picker). */
import { languageName } from "../i18n";
import { api, type Language, unwrap } from "./client";

let languages: Promise<Language[]> | null = null;

export function loadLanguages(): Promise<Language[]> {
  languages ??= unwrap(api.GET("/api/v1/languages/", { params: { query: { page_size: 200 } } })).then(
    (page) => page.results,
    (error: unknown) => {
      languages = null;
      throw error;
    },
  );
  return languages;
}

/** "Bangla · বাংলা" in an English page, "বাংলা" in a Bangla one. */
export function languageLabel(language: Pick<Language, "code" | "native_name" | "name_en">): string {
  const local = languageName(language.code);
  const name = local && local !== language.code ? local : language.name_en;
  return name === language.native_name ? name : `${name} · ${language.native_name}`;
}
