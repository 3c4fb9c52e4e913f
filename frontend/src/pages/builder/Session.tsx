/** A session of a summit, new or changed: title and description in every language side
 * by side, day and times in the summit's zone, seats, languages, room and track; then
 * publishing it, or cancelling it after a warning with the number of families registered. */
import { useState } from "preact/hooks";
import { loadLanguages, languageLabel } from "../../api/catalogue";
import { api, unwrap } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { useLoad } from "../../components/Status";
import { t, tx } from "../../i18n";
import { navigate, type PageProps, useLocation } from "../../router";
import { CancelSession } from "./Cancel";
import {
  asTexts,
  BuilderOnly,
  buildPath,
  CheckGroup,
  loadOrganizations,
  loadRooms,
  loadSummit,
  loadTracks,
  type Room,
  type Session,
  StatusBadge,
  type Summit,
  type Texts,
  type Track,
  TranslationsEditor,
  useAction,
  WhenLoaded,
  withText,
  written,
  zonedIso,
  zonedParts,
} from "./shared";

type Draft = {
  texts: Record<string, Texts>;
  date: string;
  start: string;
  end: string;
  capacity: string;
  languages: string[];
  track: string;
  room: string;
  hosts: number[];
};

type Context = { summit: Summit; tracks: Track[]; rooms: Room[]; session?: Session };

function draftOf({ summit, session }: Context): Draft {
  const event = session?.event;
  const starts = event ? zonedParts(event.starts_at, summit.timezone ?? "America/New_York") : null;
  const ends = event ? zonedParts(event.ends_at, summit.timezone ?? "America/New_York") : null;
  return {
    texts: {
      title_translations: asTexts(event?.title_translations),
      description_translations: asTexts(event?.description_translations),
    },
    date: starts?.date ?? summit.starts_on,
    start: starts?.time ?? "",
    end: ends?.time ?? "",
    capacity: event?.capacity != null ? String(event.capacity) : "",
    languages: event?.languages ?? ["en"],
    track: session?.track ? String(session.track) : "",
    room: session?.room ? String(session.room) : "",
    hosts: session?.hosts ?? [],
  };
}

function sessionLabels(): Record<string, string> {
  return {
    title_translations: t("builder.session_title"),
    description_translations: t("builder.description"),
    starts_at: t("builder.starts_at"),
    ends_at: t("builder.ends_at"),
    capacity: t("builder.capacity"),
    languages: t("builder.languages"),
    track: t("builder.track"),
    room: t("builder.room"),
    hosts: t("builder.hosts"),
  };
}

const TEXT_FIELDS = () => [
  { name: "title_translations", label: t("builder.session_title"), max: 300 },
  { name: "description_translations", label: t("builder.description"), multiline: true },
];

/** Saves a session: a new one in one call; a change through its event (texts, time,
 * seats, languages) and the session (track, room), in the order the room's size allows. */
async function saveSession(context: Context, draft: Draft): Promise<Session> {
  const zone = context.summit.timezone ?? "America/New_York";
  const capacity = draft.capacity ? Number(draft.capacity) : null;
  const times = {
    starts_at: draft.start ? zonedIso(draft.date, draft.start, zone) : "",
    ends_at: draft.end ? zonedIso(draft.date, draft.end, zone) : "",
  };
  const texts = {
    title_translations: written(draft.texts.title_translations),
    description_translations: written(draft.texts.description_translations),
  };
  const place = { track: draft.track ? Number(draft.track) : null, room: draft.room ? Number(draft.room) : null, hosts: draft.hosts };
  const session = context.session;
  if (!session) {
    const body = { ...texts, ...times, capacity, languages: draft.languages, ...place };
    return unwrap(api.POST("/api/v1/summits/{id}/sessions/", { params: { path: { id: String(context.summit.id) } }, body }));
  }
  const changeEvent = () =>
    unwrap(api.PATCH("/api/v1/events/{id}/", { params: { path: { id: String(session.event.id) } }, body: { ...texts, ...times, capacity, languages: draft.languages } }));
  const changeSession = () => unwrap(api.PATCH("/api/v1/sessions/{id}/", { params: { path: { id: String(session.id) } }, body: place }));
  const old = session.event.capacity ?? null;
  const shrinking = capacity !== null && (old === null || capacity <= old);
  if (shrinking) {
    await changeEvent();
    return changeSession();
  }
  await changeSession();
  await changeEvent();
  return unwrap(api.GET("/api/v1/sessions/{id}/", { params: { path: { id: String(session.id) } } }));
}

function LanguagesField({ chosen, onChange, error }: { chosen: string[]; onChange: (codes: string[]) => void; error: unknown }) {
  const languages = useLoad(loadLanguages);
  const options = (languages.data ?? []).map((language) => ({ value: language.code, label: languageLabel(language) }));
  return <CheckGroup name="languages" legend={t("builder.languages")} hint={t("builder.languages_hint")} options={options} chosen={chosen} onChange={onChange} error={error} />;
}

/** The summit's partner organisations that host the session. */
function HostsField({ partners, chosen, onChange, error }: { partners: number[]; chosen: number[]; onChange: (ids: number[]) => void; error: unknown }) {
  const organizations = useLoad(loadOrganizations);
  if (!partners.length) return null;
  const options = (organizations.data ?? [])
    .filter((organization) => partners.includes(organization.id))
    .map((organization) => ({ value: organization.id, label: <bdi>{organization.name}</bdi> }));
  return <CheckGroup name="hosts" legend={t("builder.hosts")} options={options} chosen={chosen} onChange={onChange} error={error} />;
}

function Options({ none, rows }: { none: string; rows: { id: number; name: string }[] }) {
  return (
    <>
      <option value="">{none}</option>
      {rows.map((row) => (
        <option key={row.id} value={String(row.id)}>
          {row.name}
        </option>
      ))}
    </>
  );
}

function SessionForm({ context, onSaved }: { context: Context; onSaved: (session: Session) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(context));
  const labels = sessionLabels();
  const { summit } = context;
  const update = (change: Partial<Draft>) => setDraft((old) => ({ ...old, ...change }));
  const { error, busy, submit } = useAction(async () => onSaved(await saveSession(context, draft)));
  return (
    <form onSubmit={submit} noValidate class="builder-form">
      <ErrorSummary error={error} labels={labels} />
      <h2>{t("builder.texts_heading")}</h2>
      <p class="hint">{t("builder.texts_hint")}</p>
      <TranslationsEditor fields={TEXT_FIELDS()} values={draft.texts} error={error} onChange={(field, code, text) => update({ texts: withText(draft.texts, field, code, text) })} />
      <h2>{t("builder.when_where")}</h2>
      <p class="hint">{t("builder.zone_hint", { zone: summit.timezone ?? "America/New_York" })}</p>
      <div class="field-row">
        <div class="field">
          <label for="field-date">{t("builder.date")}</label>
          <input id="field-date" type="date" min={summit.starts_on} max={summit.ends_on} required value={draft.date} onInput={(e) => update({ date: e.currentTarget.value })} />
        </div>
        <Field name="starts_at" label={labels.starts_at} error={error}>
          {(props) => <input {...props} type="time" required value={draft.start} onInput={(e) => update({ start: e.currentTarget.value })} />}
        </Field>
        <Field name="ends_at" label={labels.ends_at} error={error}>
          {(props) => <input {...props} type="time" required value={draft.end} onInput={(e) => update({ end: e.currentTarget.value })} />}
        </Field>
      </div>
      <div class="field-row">
        <Field name="room" label={labels.room} error={error}>
          {(props) => (
            <select {...props} value={draft.room} onChange={(e) => update({ room: e.currentTarget.value })}>
              <Options none={t("builder.no_room")} rows={context.rooms} />
            </select>
          )}
        </Field>
        <Field name="track" label={labels.track} error={error}>
          {(props) => (
            <select {...props} value={draft.track} onChange={(e) => update({ track: e.currentTarget.value })}>
              <Options none={t("builder.no_track")} rows={context.tracks} />
            </select>
          )}
        </Field>
        <Field name="capacity" label={labels.capacity} hint={t("builder.session_capacity_hint")} error={error}>
          {(props) => <input {...props} type="number" min={0} inputMode="numeric" value={draft.capacity} onInput={(e) => update({ capacity: e.currentTarget.value })} />}
        </Field>
      </div>
      <LanguagesField chosen={draft.languages} error={error} onChange={(languages) => update({ languages })} />
      <HostsField partners={summit.partners} chosen={draft.hosts} error={error} onChange={(hosts) => update({ hosts })} />
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {context.session ? t("builder.save_session") : t("builder.create_session")}
        </button>
        <a class="button secondary" href={buildPath(summit.id)}>
          {t("builder.back_to_build")}
        </a>
      </div>
    </form>
  );
}

function PublishSession({ session, summit, onSaved }: { session: Session; summit: Summit; onSaved: () => void }) {
  const { error, busy, act: publish } = useAction(async () => {
    await unwrap(api.PATCH("/api/v1/events/{id}/", { params: { path: { id: String(session.event.id) } }, body: { status: "published" } }));
    onSaved();
  });
  if ((session.event.status ?? "draft") !== "draft") return null;
  return (
    <section aria-labelledby="publish-heading" class="builder-section">
      <h2 id="publish-heading">{t("builder.publish_session_heading")}</h2>
      <p class="hint">{summit.status === "published" ? t("builder.publish_session_hint") : t("builder.publish_summit_first")}</p>
      <ErrorSummary error={error} labels={{}} />
      <button type="button" onClick={() => void publish()} disabled={busy} aria-busy={busy}>
        {t("builder.publish_session")}
      </button>
    </section>
  );
}

function Editor({ initial }: { initial: Context }) {
  const [context, setContext] = useState(initial);
  const [notice, setNotice] = useState("");
  const { summit, session } = context;
  const refresh = async (message: string) => {
    if (!session) return;
    const fresh = await unwrap(api.GET("/api/v1/sessions/{id}/", { params: { path: { id: String(session.id) } } }));
    setContext({ ...context, session: fresh });
    setNotice(message);
  };
  const saved = (next: Session) => {
    if (!session) navigate(`${buildPath(summit.id)}?added=${next.id}`);
    else {
      setContext({ ...context, session: next });
      setNotice(t("builder.saved"));
    }
  };
  return (
    <>
      <h1>{session ? tx("builder.edit_session_heading", { title: <bdi>{session.event.title}</bdi> }) : t("builder.new_session_heading")}</h1>
      <p class="crumbs">
        <a href={buildPath(summit.id)}>{tx("builder.back_to_summit", { summit: <bdi>{summit.title}</bdi> })}</a>
      </p>
      {session && (
        <p>
          {t("builder.session_status")} <StatusBadge status={session.event.status ?? "draft"} />
        </p>
      )}
      <p role="status" class="saved">
        {notice}
      </p>
      {session?.event.status === "cancelled" ? (
        <p class="notice warning">{t("builder.cancelled_note")}</p>
      ) : (
        <SessionForm key={session?.event.updated_at ?? "new"} context={context} onSaved={saved} />
      )}
      {session && <PublishSession session={session} summit={summit} onSaved={() => void refresh(t("builder.session_published"))} />}
      {session && session.event.status !== "cancelled" && <CancelSession session={session} onCancelled={() => void refresh(t("builder.session_cancelled"))} />}
    </>
  );
}

async function loadContext(params: PageProps["params"]): Promise<Context> {
  const session = params.id && !params.summitId ? await unwrap(api.GET("/api/v1/sessions/{id}/", { params: { path: { id: String(Number(params.id)) } } })) : undefined;
  const summitId = session ? session.summit : Number(params.id);
  const [summit, tracks, rooms] = await Promise.all([loadSummit(summitId), loadTracks(summitId), loadRooms(summitId)]);
  return { summit, tracks, rooms, session };
}

function EditorLoader({ params, editing, heading }: { params: PageProps["params"]; editing: boolean; heading: string }) {
  const context = useLoad(() => loadContext(editing ? params : { ...params, summitId: params.id }), [params.id, editing]);
  return (
    <WhenLoaded state={context} heading={heading}>
      {(data) => <Editor initial={data} />}
    </WhenLoaded>
  );
}

/** /organiser/summits/:id/sessions/new and /organiser/sessions/:id/edit. */
export function BuilderSessionPage({ params }: PageProps) {
  const editing = useLocation().path.startsWith("/organiser/sessions/");
  const heading = editing ? t("builder.edit_session_plain") : t("builder.new_session_heading");
  return <BuilderOnly heading={heading}>{() => <EditorLoader params={params} editing={editing} heading={heading} />}</BuilderOnly>;
}
