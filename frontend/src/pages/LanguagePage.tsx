/** The language picker: every language by its own name (never a flag), each button marked
 * with its language so screen readers pronounce it right. */
import { language, t } from "../i18n";
import { LANGUAGES } from "../i18n/languages";
import { chooseLanguage } from "../locale";
import { navigate } from "../router";

export function LanguagePage() {
  const current = language();
  const pick = async (code: string) => {
    const next = LANGUAGES.find((l) => l.code === code)!;
    await chooseLanguage(next);
    if (window.location.pathname === "/language") navigate("/", { replace: true });
  };
  return (
    <>
      <h1>{t("language.choose")}</h1>
      <ul class="language-list">
        {LANGUAGES.map((l) => (
          <li key={l.code}>
            <button type="button" lang={l.tag} dir={l.dir} aria-pressed={l.code === current.code} onClick={() => pick(l.code)}>
              {l.name}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
