/** A meeting's agenda for its committee's managers: items with a title per language side by
 * side (English required, missing translations marked), presenter and minutes; move an
 * item up or down with buttons, change or delete it; publish the agenda. */
import { useState } from "preact/hooks";
import { api, type Meeting, type Profile, type Schemas, unwrap } from "../../api/client";
import { Translated } from "../../components/EventBits";
import { ErrorSummary } from "../../components/Form";
import { formatNumber, t, tn } from "../../i18n";
import type { PageProps } from "../../router";
import { PageHeading } from "../committees/shared";
import {
  asTranslations,
  Confirm,
  Hidden,
  focusLater,
  Managed,
  MeetingLine,
  MissingMarker,
  RecordsGate,
  TranslationInputs,
  type Translations,
  useAction,
  useMeetingContext,
  writingLanguages,
} from "./shared";

type Item = Schemas["AgendaItem"];
type Draft = { title: Translations; presenter: string; minutes: string };

function loadItems(meeting: Meeting): Promise<Item[]> {
  return unwrap(
    api.GET("/api/v1/meetings/{id}/agenda-items/", { params: { path: { id: String(meeting.id) }, query: { page_size: 200 } } }),
  ).then((page) => page.results);
}

function ItemForm({
  meeting,
  item,
  onSaved,
  onCancel,
}: {
  meeting: Meeting;
  item?: Item;
  onSaved: (item: Item) => void;
  onCancel?: () => void;
}) {
  const blank: Draft = { title: {}, presenter: "", minutes: "" };
  const [draft, setDraft] = useState<Draft>(
    item ? { title: asTranslations(item.title_translations), presenter: item.presenter ?? "", minutes: item.minutes ? String(item.minutes) : "" } : blank,
  );
  const { busy, error, run } = useAction();
  const prefix = item ? `item-${item.id}-` : "";
  const languages = writingLanguages(meeting, draft.title);
  const labels = {
    title_translations: t("records.item_title"),
    presenter: t("records.presenter"),
    minutes: t("records.duration"),
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const body = {
      title_translations: draft.title,
      presenter: draft.presenter.trim(),
      minutes: draft.minutes ? Number(draft.minutes) : null,
    };
    void run(async () => {
      const path = { id: String(meeting.id) };
      const saved = item
        ? await unwrap(api.PATCH("/api/v1/meetings/{id}/agenda-items/{item_id}/", { params: { path: { ...path, item_id: String(item.id) } }, body }))
        : await unwrap(api.POST("/api/v1/meetings/{id}/agenda-items/", { params: { path }, body }));
      if (!item) setDraft(blank);
      onSaved(saved);
    });
  };
  return (
    <form onSubmit={submit} class="item-form" noValidate aria-label={item ? t("records.edit_item") : t("records.add_item")}>
      <ErrorSummary error={error} labels={labels} />
      <TranslationInputs
        name="title_translations"
        legend={labels.title_translations}
        languages={languages}
        value={draft.title}
        onChange={(title) => setDraft({ ...draft, title })}
        error={error}
        idPrefix={prefix}
      />
      <div class="date-pair">
        <div class="field">
          <label for={`${prefix}presenter`}>{labels.presenter}</label>
          <input type="text" id={`${prefix}presenter`} value={draft.presenter} onInput={(e) => setDraft({ ...draft, presenter: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${prefix}minutes`}>{labels.minutes}</label>
          <input
            type="number"
            min={1}
            max={600}
            inputMode="numeric"
            id={`${prefix}minutes`}
            value={draft.minutes}
            onInput={(e) => setDraft({ ...draft, minutes: e.currentTarget.value })}
          />
        </div>
      </div>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {item ? t("records.save_item") : t("records.add_item")}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t("records.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function ItemRow({
  meeting,
  item,
  index,
  count,
  busy,
  onMove,
  onSaved,
  onDelete,
}: {
  meeting: Meeting;
  item: Item;
  index: number;
  count: number;
  busy: boolean;
  onMove: (delta: number) => void;
  onSaved: (item: Item) => void;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const title = asTranslations(item.title_translations);
  const details = [
    item.presenter ? t("meeting.presenter", { name: item.presenter }) : "",
    item.minutes ? tn("meeting.agenda_minutes", item.minutes) : "",
  ].filter(Boolean);
  return (
    <li class="card agenda-item" id={`item-${item.id}`}>
      <h3>
        <span class="position">{formatNumber(index + 1)}</span>{" "}
        <Translated text={item.title} translations={title} />
      </h3>
      {details.length > 0 && <p class="muted">{details.join(" · ")}</p>}
      <MissingMarker languages={writingLanguages(meeting, title)} text={title} />
      {editing ? (
        <ItemForm
          meeting={meeting}
          item={item}
          onSaved={(saved) => {
            setEditing(false);
            onSaved(saved);
            focusLater(`edit-${item.id}`, `edit-${item.id}`);
          }}
          onCancel={() => {
            setEditing(false);
            focusLater(`edit-${item.id}`, `edit-${item.id}`);
          }}
        />
      ) : asking ? (
        <Confirm
          question={t("records.delete_item_confirm", { title: item.title })}
          yes={t("records.delete_yes")}
          no={t("records.remove_no")}
          onYes={onDelete}
          onNo={() => setAsking(false)}
        />
      ) : (
        <div class="actions item-actions">
          <button
            type="button"
            class="secondary"
            id={`up-${item.id}`}
            disabled={busy || index === 0}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true" class="arrow">↑</span>
            {t("records.move_up")} <Hidden text={item.title} />
          </button>
          <button
            type="button"
            class="secondary"
            id={`down-${item.id}`}
            disabled={busy || index === count - 1}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true" class="arrow">↓</span>
            {t("records.move_down")} <Hidden text={item.title} />
          </button>
          <button type="button" class="secondary" id={`edit-${item.id}`} onClick={() => setEditing(true)}>
            {t("records.edit")} <Hidden text={item.title} />
          </button>
          <button type="button" class="secondary" onClick={() => setAsking(true)}>
            {t("records.delete")} <Hidden text={item.title} />
          </button>
        </div>
      )}
    </li>
  );
}

function Publish({ meeting, onChange }: { meeting: Meeting; onChange: (meeting: Meeting) => void }) {
  const { busy, error, run } = useAction();
  const toggle = () =>
    run(async () => {
      const saved = await unwrap(
        api.PATCH("/api/v1/meetings/{id}/", {
          params: { path: { id: String(meeting.id) } },
          body: { agenda_published: !meeting.agenda_published },
        }),
      );
      onChange(saved);
    });
  return (
    <section aria-labelledby="publish-heading" class="publish">
      <h2 id="publish-heading">{t("records.publish_heading")}</h2>
      <p role="status">
        {meeting.agenda_published ? (
          <span class="badge ok">{t("records.agenda_published")}</span>
        ) : (
          <span class="badge full">{t("records.agenda_unpublished")}</span>
        )}
      </p>
      <p class="hint">{t("records.publish_hint")}</p>
      <ErrorSummary error={error} labels={{}} />
      <button type="button" class={meeting.agenda_published ? "secondary" : ""} onClick={() => void toggle()} disabled={busy} aria-busy={busy}>
        {meeting.agenda_published ? t("records.unpublish") : t("records.publish")}
      </button>
    </section>
  );
}

function AgendaEditor({ meeting: initial, items: first }: { meeting: Meeting; items: Item[] }) {
  const [meeting, setMeeting] = useState(initial);
  const [items, setItems] = useState(first);
  const [said, setSaid] = useState("");
  const { busy, error, run } = useAction();
  const path = { id: String(meeting.id) };

  const move = async (index: number, delta: number) => {
    const order = [...items];
    const [moving] = order.splice(index, 1);
    order.splice(index + delta, 0, moving);
    const [own, other] = delta < 0 ? ["up", "down"] : ["down", "up"];
    return run(async () => {
      try {
        await savePositions(order);
        setSaid(t("records.moved", { title: moving.title, position: index + delta + 1, count: order.length }));
      } catch (caught) {
        setItems(await loadItems(meeting).catch(() => items));
        throw caught;
      } finally {
        focusLater(`${own}-${moving.id}`, `${other}-${moving.id}`);
      }
    });
  };

  const savePositions = async (order: Item[]) => {
    const saved: Item[] = [];
    for (const [i, item] of order.entries()) {
      saved.push(
        item.position === i + 1
          ? item
          : await unwrap(
              api.PATCH("/api/v1/meetings/{id}/agenda-items/{item_id}/", {
                params: { path: { ...path, item_id: String(item.id) } },
                body: { position: i + 1 },
              }),
            ),
      );
    }
    setItems(saved);
  };

  const remove = (item: Item) =>
    run(async () => {
      await unwrap(api.DELETE("/api/v1/meetings/{id}/agenda-items/{item_id}/", { params: { path: { ...path, item_id: String(item.id) } } }));
      setItems(items.filter((i) => i.id !== item.id));
      setSaid(t("records.item_deleted", { title: item.title }));
      focusLater("agenda-heading", "agenda-heading");
    });

  return (
    <>
      <MeetingLine meeting={meeting} />
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" tabIndex={-1}>
          {t("records.agenda_heading")}
        </h2>
        <p class="muted" role="status">
          {said || tn("records.items_count", items.length)}
        </p>
        <ErrorSummary error={error} labels={{}} />
        {items.length === 0 ? (
          <p>{t("records.no_items")}</p>
        ) : (
          <ol class="cards single agenda-items">
            {items.map((item, index) => (
              <ItemRow
                key={item.id}
                meeting={meeting}
                item={item}
                index={index}
                count={items.length}
                busy={busy}
                onMove={(delta) => void move(index, delta)}
                onSaved={(saved) => setItems(items.map((i) => (i.id === saved.id ? saved : i)))}
                onDelete={() => void remove(item)}
              />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t("records.add_heading")}</h2>
        <p class="hint">{t("records.translations_hint")}</p>
        <ItemForm
          meeting={meeting}
          onSaved={(item) => {
            setItems([...items, item]);
            setSaid(t("records.item_added", { title: item.title }));
          }}
        />
      </section>
      <Publish meeting={meeting} onChange={setMeeting} />
    </>
  );
}

function AgendaPage({ id, profile, heading }: { id: string; profile: Profile; heading: string }) {
  const state = useMeetingContext(id, profile, loadItems);
  return (
    <>
      <PageHeading title={state.data?.standing.manage ? t("records.agenda_of", { title: state.data.meeting.title }) : undefined} fallback={heading} />
      <Managed state={state}>
        {(data) => <AgendaEditor meeting={data.meeting} items={data.more ?? []} />}
      </Managed>
    </>
  );
}

export function RecordsAgendaPage({ params }: PageProps) {
  const heading = t("records.agenda_page");
  return <RecordsGate heading={heading}>{(profile) => <AgendaPage id={params.id} profile={profile} heading={heading} />}</RecordsGate>;
}
