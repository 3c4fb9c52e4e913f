/** The signed-in person's own registrations: which event, whether they have a seat (or
 * their place on the waitlist), who is coming, and the code to say at the door; below them
 * a parent's own parent cards, when she holds any (MyCards). */
import { useState } from "preact/hooks";
import { refreshSession } from "../../api/auth";
import { api, type Registration, unwrap } from "../../api/client";
import { SpokenCode } from "../../components/Pass";
import { Loaded, errorText, useLoad } from "../../components/Status";
import { formatEventTime, formatNumber, t, tn, tx } from "../../i18n";
import { ConfirmBox } from "../ManagePage";
import { MyCards } from "./MyCards";
import { Fact, SignedIn, StatusText, WaitlistPosition } from "./shared";

function loadMine(): Promise<Registration[]> {
  return unwrap(api.GET("/api/v1/me/registrations/", { params: { query: { page_size: 200 } } })).then(
    (page) => page.results,
  );
}

function RegistrationCard({ registration }: { registration: Registration }) {
  const active = registration.status !== "cancelled" && registration.status !== "declined";
  return (
    <li class="card registration" id={`registration-${registration.id}`}>
      <h2>
        <a href={`/events/${registration.event}`}>{registration.event_title}</a>
      </h2>
      <dl class="facts">
        <Fact label={t("event.when")}>
          {formatEventTime(registration.event_starts_at, registration.event_ends_at, registration.event_timezone)}
        </Fact>
        {registration.event_place && <Fact label={t("event.where")}>{registration.event_place}</Fact>}
        <Fact label={t("account.status_label")}>
          <StatusText status={registration.status} />
          {registration.status === "waitlisted" && (
            <>
              {" "}
              <WaitlistPosition position={registration.waitlist_position} />
            </>
          )}
        </Fact>
        {active && (
          <Fact label={t("pass.party")}>
            {tx("pass.party_value", { adults: formatNumber(registration.adults), children: formatNumber(registration.children) })}
          </Fact>
        )}
        {active && (
          <Fact label={t("pass.code_label")}>
            <SpokenCode code={registration.pass_code} />
          </Fact>
        )}
        {registration.organization_name && (
          <Fact label={t("me.registered_by")}>{registration.organization_name}</Fact>
        )}
      </dl>
    </li>
  );
}

/** Everything held about the account, as a JSON file; and erasing the account (after a
 * "yes"), which cancels its registrations and signs the person out. A last chair of a
 * committee is told, in the API's words, which committee needs another chair first. */
function YourAccountData({ onErased }: { onErased: () => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const erase = async () => {
    try {
      // The schema has no request body for a DELETE (drf-spectacular leaves it out); the API
      // wants this one, so nobody erases an account by a stray request.
      await unwrap(api.DELETE("/api/v1/me/data/", { body: { confirm: "erase" } as never }));
      setError(null);
      onErased();
    } catch (problem) {
      setAsking(false);
      setError(problem);
    }
  };
  return (
    <section aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t("me.data_heading")}</h2>
      <p>{t("me.data_text")}</p>
      {error !== null && (
        <p role="alert" class="notice error">
          {errorText(error)}
        </p>
      )}
      <div class="actions">
        <a class="button secondary" href="/api/v1/me/data/" download>
          {t("me.data_download")}
        </a>
        {!asking && (
          <button type="button" class="danger" onClick={() => setAsking(true)}>
            {t("me.data_erase")}
          </button>
        )}
      </div>
      {asking && (
        <ConfirmBox
          id="erase-account-question"
          question={t("me.data_erase_question")}
          yes={t("me.data_erase_yes")}
          no={t("me.data_erase_no")}
          onYes={erase}
          onNo={() => setAsking(false)}
        />
      )}
    </section>
  );
}

function Mine({ onErased }: { onErased: () => void }) {
  const state = useLoad(loadMine);
  return (
    <>
      <h1>{t("me.registrations_heading")}</h1>
      <Loaded state={state}>
        {(registrations) =>
          registrations.length ? (
            <>
              <p class="muted">{tn("me.registrations_count", registrations.length)}</p>
              <ul class="cards single">
                {registrations.map((registration) => (
                  <RegistrationCard key={registration.id} registration={registration} />
                ))}
              </ul>
              <p class="hint">{t("me.code_hint")}</p>
            </>
          ) : (
            <>
              <p>{t("me.no_registrations")}</p>
              <p>
                <a href="/">{t("not_found.home")}</a>
              </p>
            </>
          )
        }
      </Loaded>
      <MyCards />
      <YourAccountData onErased={onErased} />
    </>
  );
}

export function MyRegistrationsPage() {
  const [erased, setErased] = useState(false);
  if (erased) {
    return (
      <>
        <h1>{t("me.erased_heading")}</h1>
        <p role="status">{t("me.erased_text")}</p>
        <p>
          <a href="/">{t("not_found.home")}</a>
        </p>
      </>
    );
  }
  const onErased = () => {
    setErased(true);
    // The server signed the session out with the account: the menu hears it now.
    void refreshSession();
  };
  return <SignedIn heading={t("me.registrations_heading")}>{() => <Mine onErased={onErased} />}</SignedIn>;
}
