/** The 13 interface languages: the API's code, the BCP 47 tag for the browser (Intl,
 * speech, <html lang>), the language's own name, and its direction. */
export type UiLanguage = {
  code: string;
  tag: string;
  name: string;
  dir: "ltr" | "rtl";
};

export const LANGUAGES: readonly UiLanguage[] = [
  { code: "en", tag: "en", name: "English", dir: "ltr" },
  { code: "es", tag: "es", name: "Español", dir: "ltr" },
  { code: "zh-hans", tag: "zh-Hans", name: "简体中文", dir: "ltr" },
  { code: "bn", tag: "bn", name: "বাংলা", dir: "ltr" },
  { code: "ru", tag: "ru", name: "Русский", dir: "ltr" },
  { code: "ht", tag: "ht", name: "Kreyòl ayisyen", dir: "ltr" },
  { code: "ar", tag: "ar", name: "العربية", dir: "rtl" },
  { code: "ko", tag: "ko", name: "한국어", dir: "ltr" },
  { code: "fr", tag: "fr", name: "Français", dir: "ltr" },
  { code: "ur", tag: "ur", name: "اردو", dir: "rtl" },
  { code: "uk", tag: "uk", name: "Українська", dir: "ltr" },
  { code: "sq", tag: "sq", name: "Shqip", dir: "ltr" },
  { code: "uz", tag: "uz", name: "Oʻzbekcha", dir: "ltr" },
];

export function findLanguage(code: string | null | undefined): UiLanguage | undefined {
  if (!code) return undefined;
  const wanted = code.toLowerCase();
  return (
    LANGUAGES.find((l) => l.code === wanted || l.tag.toLowerCase() === wanted) ??
    // "zh-CN", "zh" → Simplified Chinese; "es-419" → Spanish; "bn-BD" → Bangla.
    LANGUAGES.find((l) => l.code.split("-")[0] === wanted.split("-")[0])
  );
}

/** The best interface language for this browser, for the first-visit picker. */
export function browserLanguage(): UiLanguage | undefined {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const found = findLanguage(tag);
    if (found) return found;
  }
  return undefined;
}
