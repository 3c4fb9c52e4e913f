/** A summit's parts on its build page: tracks and rooms (listed, and added one at a time)
 * and its partner community organisations (ticked and saved). */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { Loaded, useLoad } from "../../components/Status";
import { t, tn } from "../../i18n";
import { CheckGroup, loadOrganizations, loadRooms, loadTracks, type Summit, useAction } from "./shared";

export function TracksSection({ summit }: { summit: Summit }) {
  const tracks = useLoad(() => loadTracks(summit.id), [summit.id]);
  const [name, setName] = useState("");
  const [color, setColor] = useState("#1f6feb");
  const form = useAction(async () => {
    await unwrap(api.POST("/api/v1/summits/{id}/tracks/", { params: { path: { id: String(summit.id) } }, body: { name_translations: { en: name }, color } }));
    setName("");
    tracks.reload();
  });
  const labels = { name_translations: t("builder.track_name"), color: t("builder.track_color") };
  return (
    <section aria-labelledby="tracks-heading" class="builder-section">
      <h2 id="tracks-heading">{t("builder.tracks_heading")}</h2>
      <Loaded state={tracks}>
        {(rows) =>
          rows.length ? (
            <ul class="parts">
              {rows.map((track) => (
                <li key={track.id}>
                  <span class="swatch" style={{ background: track.color }} aria-hidden="true" /> <bdi>{track.name}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("builder.no_tracks")}</p>
          )
        }
      </Loaded>
      <form onSubmit={form.submit} class="inline-form" noValidate>
        <h3>{t("builder.add_track")}</h3>
        <ErrorSummary error={form.error} labels={labels} />
        <Field name="name_translations" label={labels.name_translations} hint={t("builder.track_name_hint")} error={form.error}>
          {(props) => <input {...props} type="text" lang="en" dir="ltr" maxLength={120} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field name="color" label={labels.color} error={form.error}>
          {(props) => <input {...props} type="color" value={color} onInput={(e) => setColor(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="secondary" disabled={form.busy}>
          {t("builder.add_track_button")}
        </button>
      </form>
    </section>
  );
}

export function RoomsSection({ summit }: { summit: Summit }) {
  const rooms = useLoad(() => loadRooms(summit.id), [summit.id]);
  const [name, setName] = useState("");
  const [capacity, setCapacity] = useState("");
  const [stepFree, setStepFree] = useState(true);
  const form = useAction(async () => {
    const body = { name, capacity: capacity ? Number(capacity) : null, step_free: stepFree };
    await unwrap(api.POST("/api/v1/summits/{id}/rooms/", { params: { path: { id: String(summit.id) } }, body }));
    setName("");
    setCapacity("");
    rooms.reload();
  });
  const labels = { name: t("builder.room_name"), capacity: t("builder.room_capacity"), step_free: t("builder.step_free") };
  return (
    <section aria-labelledby="rooms-heading" class="builder-section">
      <h2 id="rooms-heading">{t("builder.rooms_heading")}</h2>
      <Loaded state={rooms}>
        {(rows) =>
          rows.length ? (
            <ul class="parts">
              {rows.map((room) => (
                <li key={room.id}>
                  <strong>
                    <bdi>{room.name}</bdi>
                  </strong>
                  {" · "}
                  {room.capacity == null ? t("organiser.no_limit") : tn("builder.seats", room.capacity)}
                  {room.step_free && ` · ${t("builder.step_free")}`}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("builder.no_rooms")}</p>
          )
        }
      </Loaded>
      <form onSubmit={form.submit} class="inline-form" noValidate>
        <h3>{t("builder.add_room")}</h3>
        <ErrorSummary error={form.error} labels={labels} />
        <Field name="name" label={labels.name} error={form.error}>
          {(props) => <input {...props} type="text" maxLength={120} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field name="capacity" label={labels.capacity} hint={t("builder.capacity_hint")} error={form.error}>
          {(props) => <input {...props} type="number" min={0} inputMode="numeric" value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />}
        </Field>
        <div class="check">
          <input id="field-step_free" type="checkbox" checked={stepFree} onChange={(e) => setStepFree(e.currentTarget.checked)} />
          <label for="field-step_free">{labels.step_free}</label>
        </div>
        <button type="submit" class="secondary" disabled={form.busy}>
          {t("builder.add_room_button")}
        </button>
      </form>
    </section>
  );
}

export function PartnersSection({ summit, onSaved }: { summit: Summit; onSaved: (summit: Summit) => void }) {
  const organizations = useLoad(loadOrganizations);
  const [chosen, setChosen] = useState<number[]>(summit.partners);
  const form = useAction(async () => {
    onSaved(await unwrap(api.PATCH("/api/v1/summits/{id}/", { params: { path: { id: String(summit.id) } }, body: { partners: chosen } })));
  });
  return (
    <section aria-labelledby="partners-heading" class="builder-section">
      <h2 id="partners-heading">{t("builder.partners_heading")}</h2>
      <Loaded state={organizations}>
        {(rows) => (
          <form onSubmit={form.submit} noValidate>
            <ErrorSummary error={form.error} labels={{ partners: t("builder.partners_heading") }} />
            <CheckGroup
              name="partners"
              legend={t("builder.partners_legend")}
              options={rows.map((organization) => ({ value: organization.id, label: <bdi>{organization.name}</bdi> }))}
              chosen={chosen}
              onChange={setChosen}
              error={form.error}
            />
            <p class="muted">{tn("builder.partners_count", chosen.length)}</p>
            <div class="actions">
              <button type="submit" class="secondary" disabled={form.busy}>
                {t("builder.save_partners")}
              </button>
              <p role="status" class="saved">
                {form.done ? t("builder.saved") : ""}
              </p>
            </div>
          </form>
        )}
      </Loaded>
    </section>
  );
}
