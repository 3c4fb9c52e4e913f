/** The reader's language: chosen before anything else on a first visit, remembered on this
 * device, sent to the API with every call, and set on <html lang dir>. A flyer's link may
 * carry ?lang=bn to skip the question. */
import { language, loadLanguage } from "./i18n";
import { browserLanguage, findLanguage, LANGUAGES, type UiLanguage } from "./i18n/languages";
import { store } from "./store";

const KEY = "od.language";

/** The language in force, and whether the reader has chosen it (else the picker shows). */
export const chosen = store<{ language: UiLanguage; confirmed: boolean }>({
  language: LANGUAGES[0],
  confirmed: false,
});

function remembered(): UiLanguage | undefined {
  try {
    return findLanguage(localStorage.getItem(KEY));
  } catch {
    return undefined;
  }
}

function apply(next: UiLanguage): void {
  document.documentElement.lang = next.tag;
  document.documentElement.dir = next.dir;
}

export async function startLanguage(): Promise<void> {
  const fromLink = findLanguage(new URLSearchParams(window.location.search).get("lang"));
  const saved = remembered();
  const initial = fromLink ?? saved ?? browserLanguage() ?? LANGUAGES[0];
  await loadLanguage(initial);
  apply(initial);
  if (fromLink) remember(fromLink);
  chosen.set({ language: initial, confirmed: Boolean(fromLink ?? saved) });
}

function remember(next: UiLanguage): void {
  try {
    localStorage.setItem(KEY, next.code);
  } catch {
    // Private browsing without storage: the choice lasts for this visit.
  }
}

export async function chooseLanguage(next: UiLanguage): Promise<void> {
  if (next.code !== language().code) await loadLanguage(next);
  apply(next);
  remember(next);
  chosen.set({ language: next, confirmed: true });
}
