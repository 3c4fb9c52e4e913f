/** The interpreter roster: who interprets which languages, in which modes, and when they
 * are available. Read-only here; changes are made in the admin for now. */
import { api, type Schemas, unwrap } from "../../api/client";
import { type ListPage, Loaded, MoreButton, usePaged } from "../../components/Status";
import { formatDateTime, languageName, t, tn } from "../../i18n";
import { Fact, SignedIn } from "../account/shared";
import { COORDINATOR, ConsoleNav, modeText } from "./shared";

type Interpreter = Schemas["Interpreter"];

function loadPage(page: number): Promise<ListPage<Interpreter>> {
  return unwrap(api.GET("/api/v1/interpreters/", { params: { query: { page, page_size: 100 } } }));
}

function InterpreterCard({ person }: { person: Interpreter }) {
  return (
    <li class="card interp-person">
      <h2>{person.name}</h2>
      {person.active === false && <p class="badge cancelled">{t("interp.inactive")}</p>}
      <dl class="facts">
        {person.agency && <Fact label={t("interp.agency")}>{person.agency}</Fact>}
        <Fact label={t("interp.languages")}>{person.languages.map(languageName).join(", ")}</Fact>
        <Fact label={t("interp.modes")}>{person.modes.map(modeText).join(", ")}</Fact>
        <Fact label={t("interp.availability")}>
          {person.availability.length ? (
            <ul class="plain">
              {person.availability.map((window) => (
                <li key={window.starts_at}>
                  {t("interp.window", { from: formatDateTime(window.starts_at), to: formatDateTime(window.ends_at) })}
                </li>
              ))}
            </ul>
          ) : (
            t("interp.no_availability")
          )}
        </Fact>
        {(person.phone || person.email) && (
          <Fact label={t("interp.contact")}>
            <bdi dir="ltr">{[person.phone, person.email].filter(Boolean).join(" · ")}</bdi>
          </Fact>
        )}
      </dl>
    </li>
  );
}

function Roster() {
  const paged = usePaged(loadPage, []);
  return (
    <>
      <h1>{t("interp.roster_heading")}</h1>
      <ConsoleNav />
      <p>{t("interp.roster_intro")}</p>
      <Loaded state={paged.state}>
        {({ results, count }) => (
          <>
            <p class="muted">{tn("interp.interpreters_count", count)}</p>
            <ul class="cards single">
              {results.map((person) => (
                <InterpreterCard key={person.id} person={person} />
              ))}
            </ul>
            <MoreButton paged={paged} label={t("interp.show_more")} />
          </>
        )}
      </Loaded>
    </>
  );
}

export function RosterPage() {
  return (
    <SignedIn heading={t("interp.roster_heading")} roles={COORDINATOR}>
      {() => <Roster />}
    </SignedIn>
  );
}
