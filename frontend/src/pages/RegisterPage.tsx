import type { Event, RegistrationCreated } from "../api/client";
import { RegistrationForm } from "../components/RegistrationForm";
import { Loaded, useLoad } from "../components/Status";
import { t } from "../i18n";
import { fetchQrSvg, managePath, savePass } from "../passes";
import { navigate, type PageProps } from "../router";
import { loadEvent, registrationOpen } from "./EventPage";

/** Saves the new pass on this device (so it shows offline) and opens it. */
export async function keepPass(event: Event, created: RegistrationCreated): Promise<void> {
  const qrSvg = await fetchQrSvg(created.manage_token).catch(() => "");
  savePass({ token: created.manage_token, registration: created, event, qrSvg, savedAt: new Date().toISOString() });
}

export function RegisterPage({ params }: PageProps) {
  const state = useLoad(() => loadEvent(params.id), [params.id]);
  const done = (event: Event) => async (created: RegistrationCreated) => {
    await keepPass(event, created);
    navigate(managePath(created.manage_token, true));
  };
  return (
    <Loaded state={state}>
      {(event) =>
        registrationOpen(event) ? (
          <RegistrationForm event={event} onDone={done(event)} />
        ) : (
          <>
            <h1>{t("event.registration_closed")}</h1>
            <p>
              <a href={`/events/${event.id}`}>{t("common.back_to_event")}</a>
            </p>
          </>
        )
      }
    </Loaded>
  );
}
