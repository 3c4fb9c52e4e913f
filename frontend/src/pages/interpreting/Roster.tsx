/** The interpreter roster: who interprets which languages, in which modes, and when they
 * are available. Coordinators add people, change their entries and take them off active
 * duty (or back); an interpreter reaches here their own availability (RosterOwn). */
import { useRef, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { SelectFilter, useLanguageOptions } from "../../components/Filters";
import { type ListPage, Loaded, MoreButton, errorText, usePaged } from "../../components/Status";
import { t, tn } from "../../i18n";
import { SignedIn, hasRole } from "../account/shared";
import { type Interpreter, MODES, RosterForm, sendRoster } from "./RosterForm";
import { OwnAvailability } from "./RosterOwn";
import { Notice, PersonFacts } from "./RosterBits";
import { COORDINATOR, ConsoleNav, modeText } from "./shared";

type Filters = { language?: string; mode?: (typeof MODES)[number]; active?: boolean };

function loadPage(filters: Filters, page: number): Promise<ListPage<Interpreter>> {
  return unwrap(api.GET("/api/v1/interpreters/", { params: { query: { ...filters, page, page_size: 100 } } }));
}

/** One entry; ``editing`` and ``setEditing`` come from the list, which keeps one form
 * open at a time (two would repeat the form's ids). */
function InterpreterCard({
  person,
  editing,
  setEditing,
  onChanged,
}: {
  person: Interpreter;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  onChanged: (person: Interpreter) => void;
}) {
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const active = person.active !== false;
  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice("");
    try {
      const saved = await sendRoster(
        api.PATCH("/api/v1/interpreters/{id}/", { params: { path: { id: String(person.id) } }, body: { active: !active } }),
      );
      onChanged(saved);
      setNotice(t(saved.active === false ? "interp.roster.deactivated" : "interp.roster.reactivated", { name: saved.name }));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const heading = `person-${person.id}-heading`;
  return (
    <li class={active ? "card interp-person" : "card interp-person roster-inactive"} id={`person-${person.id}`} aria-labelledby={heading}>
      <h2 id={heading}>{person.name}</h2>
      {!active && <p class="badge cancelled">{t("interp.inactive")}</p>}
      <Notice text={notice} />
      {error !== null && (
        <p class="notice error" role="alert">
          {errorText(error)}
        </p>
      )}
      {editing ? (
        <RosterForm
          person={person}
          onSaved={(saved) => {
            onChanged(saved);
            setEditing(false);
            setNotice(t("interp.roster.saved", { name: saved.name }));
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <>
          <PersonFacts person={person} />
          <div class="actions">
            <button type="button" class="secondary" ref={editButton} onClick={() => { setNotice(""); setEditing(true); }}>
              {t("interp.roster.edit", { name: person.name })}
            </button>
            <button type="button" class="secondary" disabled={busy} aria-busy={busy} onClick={() => void toggle()}>
              {t(active ? "interp.roster.deactivate" : "interp.roster.reactivate", { name: person.name })}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

function FilterForm({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const languages = useLanguageOptions();
  const status = filters.active === undefined ? "" : filters.active ? "true" : "false";
  return (
    <form class="interp-filters" onSubmit={(event) => event.preventDefault()}>
      <SelectFilter
        name="language"
        label={t("interp.filter_language")}
        any={t("interp.all_languages")}
        value={filters.language ?? ""}
        options={languages}
        onChange={(language) => onChange({ ...filters, language: language || undefined })}
      />
      <SelectFilter
        name="mode"
        label={t("interp.mode_label")}
        any={t("interp.roster.all_modes")}
        value={filters.mode ?? ""}
        options={MODES.map((mode) => ({ value: mode, label: modeText(mode) }))}
        onChange={(mode) => onChange({ ...filters, mode: (mode || undefined) as Filters["mode"] })}
      />
      <SelectFilter
        name="active"
        label={t("interp.roster.filter_status")}
        any={t("interp.roster.everyone")}
        value={status}
        options={[
          { value: "true", label: t("interp.roster.active_only") },
          { value: "false", label: t("interp.roster.inactive_only") },
        ]}
        onChange={(value) => onChange({ ...filters, active: value === "" ? undefined : value === "true" })}
      />
    </form>
  );
}

function Roster() {
  const [filters, setFilters] = useState<Filters>({});
  const paged = usePaged((page) => loadPage(filters, page), [filters.language, filters.mode, filters.active]);
  // The one form open: "new" (adding someone), an entry's id (editing it), or none.
  const [open, setOpen] = useState<number | "new" | null>(null);
  const adding = open === "new";
  const setAdding = (on: boolean) => setOpen(on ? "new" : null);
  const [notice, setNotice] = useState("");
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      <h1>{t("interp.roster_heading")}</h1>
      <ConsoleNav />
      <p>{t("interp.roster_intro")}</p>
      <Notice text={notice} />
      {adding ? (
        <section class="card roster-new" aria-labelledby="roster-new-heading">
          <h2 id="roster-new-heading">{t("interp.roster.add_heading")}</h2>
          <RosterForm
            person={null}
            onSaved={(saved) => {
              setAdding(false);
              setNotice(t("interp.roster.added", { name: saved.name }));
              paged.state.reload();
            }}
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
          />
        </section>
      ) : (
        <p>
          <button type="button" ref={addButton} onClick={() => { setNotice(""); setAdding(true); }}>
            {t("interp.roster.add")}
          </button>
        </p>
      )}
      <FilterForm filters={filters} onChange={setFilters} />
      <Loaded state={paged.state}>
        {({ results, count }) =>
          results.length ? (
            <>
              <p class="muted" role="status">
                {tn("interp.interpreters_count", count)}
              </p>
              <ul class="cards single">
                {results.map((person) => (
                  <InterpreterCard
                    key={person.id}
                    person={person}
                    editing={open === person.id}
                    setEditing={(on) => setOpen(on ? person.id : null)}
                    onChanged={(changed) => paged.replace((old) => old.id === changed.id, changed)}
                  />
                ))}
              </ul>
              <MoreButton paged={paged} label={t("interp.show_more")} />
            </>
          ) : (
            <p role="status">{t("interp.roster.none_match")}</p>
          )
        }
      </Loaded>
    </>
  );
}

export function RosterPage() {
  return (
    <SignedIn heading={t("interp.roster_heading")}>
      {(profile) => (hasRole(profile, COORDINATOR) ? <Roster /> : <OwnAvailability />)}
    </SignedIn>
  );
}
