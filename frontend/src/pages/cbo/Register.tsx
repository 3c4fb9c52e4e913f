/** A CBO staff member registers families, often on the phone: pick the event, fill in the
 * shared registration form with the family's recorded consent, read the code out, and
 * start the next family for the same event in one tap. */
import { useEffect, useState } from "preact/hooks";
import { ApiError, api, type Event, type Profile, type RegistrationCreated, unwrap } from "../../api/client";
import { Seats } from "../../components/EventBits";
import { ErrorSummary, Field } from "../../components/Form";
import { SpokenCode } from "../../components/Pass";
import { RegistrationForm } from "../../components/RegistrationForm";
import { Loaded, useLoad } from "../../components/Status";
import { formatEventTime, formatNumber, t, tx } from "../../i18n";
import { focusHeading, navigate, useQuery } from "../../router";
import { Fact, SignedIn, WaitlistPosition } from "../account/shared";
import { loadEvent, registrationOpen } from "../EventPage";

type Organization = { id: number; name: string };

function loadUpcoming(): Promise<Event[]> {
  return unwrap(
    api.GET("/api/v1/events/", {
      params: { query: { status: "published", starts_after: new Date().toISOString(), page_size: 200 } },
    }),
  ).then((page) => page.results);
}

function when(event: Event): string {
  return formatEventTime(event.starts_at, event.ends_at, event.timezone || "America/New_York");
}

function PickEvent({ organization }: { organization: Organization }) {
  const state = useLoad(loadUpcoming);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<unknown>(null);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!chosen) {
      setError(new ApiError(400, "invalid", t("form.check"), { event: [t("cbo.need_event")] }));
      return;
    }
    navigate(`/cbo/register?event=${encodeURIComponent(chosen)}`);
  };
  const labels = { event: t("cbo.event") };
  return (
    <>
      <h1>{t("cbo.register_heading")}</h1>
      <p>{tx("cbo.register_intro", { organization: <bdi>{organization.name}</bdi> })}</p>
      <Loaded state={state}>
        {(events) =>
          events.length ? (
            <form noValidate onSubmit={submit}>
              <ErrorSummary error={error} labels={labels} />
              <Field name="event" label={labels.event} hint={t("cbo.event_hint")} error={error}>
                {(props) => (
                  <select {...props} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                    <option value="">{t("cbo.choose_event")}</option>
                    {events.map((event) => (
                      <option key={event.id} value={String(event.id)}>
                        {t("cbo.event_option", { title: event.title, when: when(event) })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" class="primary">
                {t("common.next")}
              </button>
            </form>
          ) : (
            <p>{t("cbo.no_events")}</p>
          )
        }
      </Loaded>
      <p>
        <a href="/cbo/registrations">{t("cbo.see_registrations")}</a>
      </p>
    </>
  );
}

function Done({ event, created, onAnother }: { event: Event; created: RegistrationCreated; onAnother: () => void }) {
  useEffect(focusHeading, []);
  const waitlisted = created.status === "waitlisted";
  return (
    <>
      <h1>{t(waitlisted ? "cbo.done_waitlisted_heading" : "cbo.done_heading", { name: created.name })}</h1>
      {waitlisted ? (
        <p class="notice warning">
          <WaitlistPosition position={created.waitlist_position} /> {t("cbo.done_waitlisted_text")}
        </p>
      ) : (
        <p class="notice success">{t("cbo.done_text")}</p>
      )}
      <section class="pass" aria-labelledby="code-heading">
        <h2 id="code-heading">{t("cbo.code_heading")}</h2>
        <p class="pass-code" id="pass-code">
          <SpokenCode code={created.pass_code} />
        </p>
        <p class="hint">{t("cbo.code_read_out")}</p>
        <dl class="facts">
          <Fact label={t("pass.event")}>{event.title}</Fact>
          <Fact label={t("event.when")}>{when(event)}</Fact>
          <Fact label={t("pass.name")}>{created.name}</Fact>
          <Fact label={t("pass.party")}>
            {tx("pass.party_value", { adults: formatNumber(created.adults), children: formatNumber(created.children) })}
          </Fact>
        </dl>
      </section>
      <div class="actions">
        <button type="button" class="primary" onClick={onAnother}>
          {t("cbo.register_another")}
        </button>
        <a class="button secondary" href="/cbo/register">
          {t("cbo.other_event")}
        </a>
      </div>
      <p>
        <a href="/cbo/registrations">{t("cbo.see_registrations")}</a>
      </p>
    </>
  );
}

function ForEvent({ id, organization }: { id: string; organization: Organization }) {
  const state = useLoad(() => loadEvent(id), [id]);
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<RegistrationCreated | null>(null);
  if (!state.data) {
    return (
      <>
        <h1>{t("cbo.register_heading")}</h1>
        <Loaded state={state}>{() => null}</Loaded>
      </>
    );
  }
  const event = state.data;
  if (!registrationOpen(event)) {
    return (
      <>
        <h1>{t("cbo.register_heading")}</h1>
        <p class="notice warning">{t("event.registration_closed")}</p>
        <p>
          <a href="/cbo/register">{t("cbo.other_event")}</a>
        </p>
      </>
    );
  }
  if (done) {
    return (
      <Done
        event={event}
        created={done}
        onAnother={() => {
          setDone(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return (
    <>
      <p class="for-organization">
        <span>{tx("cbo.registering_for", { organization: <strong><bdi>{organization.name}</bdi></strong> })}</span> <Seats event={event} />
      </p>
      <RegistrationForm key={round} event={event} organization={organization} onDone={setDone} />
      <p>
        <a href="/cbo/register">{t("cbo.other_event")}</a>
      </p>
    </>
  );
}

function Register({ profile }: { profile: Profile }) {
  const eventId = useQuery().get("event") ?? "";
  const first = profile.organizations[0];
  const organization = { id: first.organization, name: first.organization_name };
  // Choosing an event changes only the query, not the page: move focus to the new heading.
  useEffect(focusHeading, [eventId]);
  return eventId ? <ForEvent key={eventId} id={eventId} organization={organization} /> : <PickEvent organization={organization} />;
}

export function CboRegisterPage() {
  return (
    <SignedIn heading={t("cbo.register_heading")} cbo>
      {(profile) => <Register profile={profile} />}
    </SignedIn>
  );
}
