/** The signed-in person's own registrations: which event, whether they have a seat (or
 * their place on the waitlist), who is coming, and the code to say at the door. */
import { api, type Registration, unwrap } from "../../api/client";
import { SpokenCode } from "../../components/Pass";
import { Loaded, useLoad } from "../../components/Status";
import { formatEventTime, formatNumber, t, tn, tx } from "../../i18n";
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

function Mine() {
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
    </>
  );
}

export function MyRegistrationsPage() {
  return <SignedIn heading={t("me.registrations_heading")}>{() => <Mine />}</SignedIn>;
}
