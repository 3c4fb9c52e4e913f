/** The selects the public lists filter by (language, borough, school), shared by the events
 * and committees pages. Each is a plain <select> in a form that puts its values in the
 * address, so a CBO can hand out a link to a filtered list. */
import { useEffect, useState } from "preact/hooks";
import { loadLanguages, languageLabel } from "../api/catalogue";
import { api, unwrap } from "../api/client";
import { t } from "../i18n";
import { useLoad } from "./Status";

export const BOROUGHS = ["M", "X", "K", "Q", "R"] as const;

type Option = { value: string; label: string };

export function SelectFilter({
  name,
  label,
  any,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  any: string;
  value: string;
  options: readonly Option[];
  onChange?: (value: string) => void;
}) {
  // The select keeps what the person chose until the form is sent: without this, options
  // that arrive later (languages, schools) re-render it back to the value in the address.
  const [chosen, setChosen] = useState(value);
  useEffect(() => setChosen(value), [value]);
  const choose = (next: string) => {
    setChosen(next);
    onChange?.(next);
  };
  return (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} value={chosen} onChange={(e) => choose(e.currentTarget.value)}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function boroughOptions(): Option[] {
  return BOROUGHS.map((code) => ({ value: code, label: t(`borough.${code}`) }));
}

/** Every language of the catalogue, named in the reader's language and its own. */
export function useLanguageOptions(): Option[] {
  const languages = useLoad(loadLanguages);
  return (languages.data ?? []).map((l) => ({ value: l.code, label: languageLabel(l) }));
}

/** The schools of a borough (all of them when none is chosen). */
export function useSchoolOptions(borough: string): Option[] {
  const schools = useLoad(
    () => unwrap(api.GET("/api/v1/schools/", { params: { query: { borough: borough || undefined, page_size: 200 } } })),
    [borough],
  );
  return (schools.data?.results ?? []).map((school) => ({ value: String(school.id), label: school.name }));
}
