/** Creating a summit, and its build page: details, tracks, rooms, partners, the sessions
 * with their status and missing translations, and publishing. */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { ErrorSummary } from "../../components/Form";
import { Loaded, useLoad } from "../../components/Status";
import { formatDate, formatEventTime, t, tn } from "../../i18n";
import { navigate, type PageProps, useQuery } from "../../router";
import { PartnersSection, RoomsSection, TracksSection } from "./Parts";
import { BuilderOnly, buildPath, loadSummit, missingLanguages, MissingMarker, type Session, StatusBadge, type Summit, useAction, WhenLoaded } from "./shared";
import { SummitForm } from "./SummitForm";

export function BuilderSummitNewPage() {
  const heading = t("builder.new_summit_heading");
  return (
    <BuilderOnly heading={heading}>
      {() => (
        <>
          <h1>{heading}</h1>
          <p class="crumbs">
            <a href="/organiser">{t("organiser.back_to_summits")}</a>
          </p>
          <p>{t("builder.new_summit_intro")}</p>
          <SummitForm onSaved={(summit) => navigate(buildPath(summit.id))} />
        </>
      )}
    </BuilderOnly>
  );
}

function loadSessions(id: number): Promise<Session[]> {
  return unwrap(api.GET("/api/v1/summits/{id}/sessions/", { params: { path: { id: String(id) }, query: { page_size: 200 } } })).then((page) => page.results);
}

function SessionCard({ session, summitZone }: { session: Session; summitZone: string }) {
  const event = session.event;
  return (
    <li class="card session-card">
      <h3>
        <a href={`/organiser/sessions/${session.id}/edit`}>
          <bdi>{event.title}</bdi>
        </a>
      </h3>
      <p>
        <StatusBadge status={event.status ?? "draft"} />
      </p>
      <p>{formatEventTime(event.starts_at, event.ends_at, event.timezone ?? summitZone)}</p>
      {event.room && (
        <p class="muted">
          <bdi>{event.room}</bdi>
        </p>
      )}
      <MissingMarker codes={missingLanguages(event.title_translations, event.description_translations)} />
    </li>
  );
}

function SessionsSection({ summit }: { summit: Summit }) {
  const sessions = useLoad(() => loadSessions(summit.id), [summit.id, summit.status]);
  return (
    <section aria-labelledby="sessions-heading" class="builder-section">
      <h2 id="sessions-heading">{t("builder.sessions_heading")}</h2>
      <p>
        <a class="button" href={`/organiser/summits/${summit.id}/sessions/new`}>
          {t("builder.add_session")}
        </a>
      </p>
      <Loaded state={sessions}>
        {(rows) =>
          rows.length ? (
            <>
              <p class="muted">{tn("builder.sessions_count", rows.length)}</p>
              <ul class="cards session-cards">
                {rows.map((session) => (
                  <SessionCard key={session.id} session={session} summitZone={summit.timezone ?? "America/New_York"} />
                ))}
              </ul>
            </>
          ) : (
            <p>{t("organiser.no_sessions")}</p>
          )
        }
      </Loaded>
    </section>
  );
}

function PublishBar({ summit, onSaved }: { summit: Summit; onSaved: (summit: Summit) => void }) {
  const { error, busy, act: publish } = useAction(async () => {
    onSaved(await unwrap(api.PATCH("/api/v1/summits/{id}/", { params: { path: { id: String(summit.id) } }, body: { status: "published" } })));
  });
  return (
    <div class="publish-bar">
      <p>
        {t("builder.summit_status")} <StatusBadge status={summit.status ?? "draft"} />
      </p>
      {summit.status === "draft" && (
        <>
          <p class="hint">{t("builder.publish_hint")}</p>
          <ErrorSummary error={error} labels={{}} />
          <button type="button" onClick={() => void publish()} disabled={busy} aria-busy={busy}>
            {t("builder.publish_summit")}
          </button>
        </>
      )}
      {summit.status === "published" && (
        <p>
          <a href={`/organiser/summits/${summit.id}`}>{t("builder.open_dashboard")}</a>
        </p>
      )}
    </div>
  );
}

function Build({ initial }: { initial: Summit }) {
  const [summit, setSummit] = useState(initial);
  const [notice, setNotice] = useState("");
  const added = useQuery().get("added");
  const saved = (next: Summit, message: string) => {
    setSummit(next);
    setNotice(message);
  };
  return (
    <>
      <h1>{summit.title}</h1>
      <p class="crumbs">
        <a href="/organiser">{t("organiser.back_to_summits")}</a>
      </p>
      <p>
        {t("organiser.summit_dates", { from: formatDate(summit.starts_on, "UTC"), to: formatDate(summit.ends_on, "UTC") })}
      </p>
      <p role="status" class="saved">
        {notice || (added ? t("builder.session_added") : "")}
      </p>
      <PublishBar summit={summit} onSaved={(next) => saved(next, t("builder.summit_published"))} />
      <SessionsSection summit={summit} />
      <TracksSection summit={summit} />
      <RoomsSection summit={summit} />
      <PartnersSection summit={summit} onSaved={(next) => setSummit(next)} />
      <section aria-labelledby="details-heading" class="builder-section">
        <h2 id="details-heading">{t("builder.details_heading")}</h2>
        <details>
          <summary>{t("builder.edit_details")}</summary>
          <SummitForm summit={summit} onSaved={(next) => saved(next, t("builder.saved"))} />
        </details>
      </section>
    </>
  );
}

export function BuilderSummitPage({ params }: PageProps) {
  const id = Number(params.id);
  const heading = t("builder.build_heading");
  return <BuilderOnly heading={heading}>{() => <BuildLoader id={id} heading={heading} />}</BuilderOnly>;
}

function BuildLoader({ id, heading }: { id: number; heading: string }) {
  const summit = useLoad(() => loadSummit(id), [id]);
  return (
    <WhenLoaded state={summit} heading={heading}>
      {(data) => <Build initial={data} />}
    </WhenLoaded>
  );
}
