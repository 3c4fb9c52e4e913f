/** An interpreter's own roster entry: the API shows them only theirs and lets them change
 * only their availability. An account not on the roster reads that the page is not theirs. */
import { useState } from "preact/hooks";
import { ApiError, api, unwrap } from "../../api/client";
import { ErrorSummary } from "../../components/Form";
import { Loaded, useLoad } from "../../components/Status";
import { t } from "../../i18n";
import { type Interpreter, sendRoster } from "./RosterForm";
import { Notice, PersonFacts } from "./RosterBits";
import { type WindowDraft, WindowsEditor, filledWindows, windowLabels, windowsFromApi, windowsToApi } from "./RosterWindows";

function OwnEntry({ person, onSaved }: { person: Interpreter; onSaved: (person: Interpreter) => void }) {
  const [windows, setWindows] = useState<WindowDraft[]>(() => windowsFromApi(person.availability));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice("");
    const sent = filledWindows(windows);
    setWindows(sent);
    try {
      const saved = await sendRoster(
        api.PATCH("/api/v1/interpreters/{id}/", {
          params: { path: { id: String(person.id) } },
          body: { availability: windowsToApi(sent) },
        }),
      );
      onSaved(saved);
      setWindows(windowsFromApi(saved.availability));
      setNotice(t("interp.roster.own_saved"));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card interp-person">
      <h2>{person.name}</h2>
      <PersonFacts person={person} availability={false} />
      <form class="roster-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary error={error} labels={{ ...windowLabels(windows), availability: t("interp.availability") }} />
        <Notice text={notice} />
        <WindowsEditor windows={windows} errors={error instanceof ApiError ? error.fields : {}} onChange={setWindows} />
        <div class="actions">
          <button type="submit" disabled={busy} aria-busy={busy}>
            {t("interp.roster.own_save")}
          </button>
        </div>
      </form>
    </div>
  );
}

export function OwnAvailability() {
  const own = useLoad(() => unwrap(api.GET("/api/v1/interpreters/", { params: { query: { page_size: 1 } } })));
  const mine = own.data?.results.length ? true : false;
  return (
    <>
      <h1>{t(mine ? "interp.roster.own_heading" : "interp.roster_heading")}</h1>
      <Loaded state={own}>
        {({ results }) =>
          results.length ? (
            <>
              <p>{t("interp.roster.own_intro")}</p>
              <p>
                <a href="/me/jobs">{t("interp.jobs_heading")}</a>
              </p>
              <OwnEntry
                person={results[0]}
                onSaved={(saved) => own.setData({ ...own.data!, results: [saved] })}
              />
            </>
          ) : (
            <>
              <p role="alert">{t("staff.not_allowed")}</p>
              <p>
                <a href="/">{t("not_found.home")}</a>
              </p>
            </>
          )
        }
      </Loaded>
    </>
  );
}
