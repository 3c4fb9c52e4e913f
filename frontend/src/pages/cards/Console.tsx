/** The issuers' console: the cards issued in the names one acts for (each look is logged
 * by the API), a form to issue one, and per card: print, re-issue (a lost card) and
 * revoke, each destructive action after a confirmation. The API decides who may do what;
 * its refusals are shown as they come. */
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type Profile, unwrap } from "../../api/client";
import { type ListPage, Loaded, MoreButton, errorText, useLoad, usePaged } from "../../components/Status";
import { loadLanguages } from "../../api/catalogue";
import { formatDateTime, languageName, t, tn, tx } from "../../i18n";
import { SignedIn } from "../account/shared";
import { IssueForm } from "./IssueForm";
import { type Card, cardPdf, formatDay, type School, sheetPdf, statusOf } from "./shared";
import "./cards.css";

type Open = { id: number; action: "revoke" | "reissue" } | null;
type Notice = { id: number; text: string; print: boolean };

function loadPage(page: number): Promise<ListPage<Card>> {
  return unwrap(api.GET("/api/v1/cards/", { params: { query: { page, page_size: 50 } } }));
}

function loadSchools(): Promise<School[]> {
  return unwrap(api.GET("/api/v1/schools/", { params: { query: { page_size: 200 } } })).then((page) => page.results);
}

/** A language code named in the reader's language, else by the catalogue's English name
 * (the browser cannot name K'iche' or Mixtec). */
function useLanguageNames(): (code: string) => string {
  const languages = useLoad(loadLanguages);
  return (code) => {
    const local = languageName(code);
    if (local && local !== code) return local;
    return languages.data?.find((l) => l.code === code)?.name_en ?? code;
  };
}

const TONE = { valid: "ok", expired: "full", revoked: "cancelled", replaced: "cancelled" } as const;

function CardNumber({ value }: { value: string }) {
  return (
    <bdi dir="ltr" class="card-number">
      {value}
    </bdi>
  );
}

function Confirm({
  card,
  action,
  onDone,
  onClose,
}: {
  card: Card;
  action: "revoke" | "reissue";
  onDone: (card: Card) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  const go = async () => {
    if (sending) return;
    setSending(true);
    try {
      const path = { params: { path: { id: card.id } } };
      const answer = await unwrap(
        action === "revoke"
          ? api.POST("/api/v1/cards/{id}/revoke/", path)
          : api.POST("/api/v1/cards/{id}/reissue/", path),
      );
      onDone(answer);
    } catch (problem) {
      setError(problem);
      setSending(false);
    }
  };
  const id = `${action}-${card.id}`;
  return (
    <div class="confirm inline-panel" role="group" aria-labelledby={id}>
      <p id={id} tabIndex={-1} ref={question}>
        {tx(action === "revoke" ? "cards.revoke_question" : "cards.reissue_question", {
          name: <bdi>{card.holder_name}</bdi>,
          number: <CardNumber value={card.number} />,
        })}
      </p>
      {error !== null && (
        <p role="alert" class="notice error">
          {errorText(error)}
        </p>
      )}
      <div class="actions">
        <button type="button" class={action === "revoke" ? "danger" : ""} onClick={go} disabled={sending} aria-busy={sending}>
          {t(action === "revoke" ? "cards.revoke_yes" : "cards.reissue_yes")}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t("cards.keep")}
        </button>
      </div>
    </div>
  );
}

function CardItem({
  card,
  open,
  notice,
  selected,
  nameOf,
  setOpen,
  onSelect,
  onRevoked,
  onReissued,
}: {
  card: Card;
  nameOf: (code: string) => string;
  open: Open;
  notice: Notice | null;
  selected: boolean;
  setOpen: (open: Open) => void;
  onSelect: (chosen: boolean) => void;
  onRevoked: (card: Card) => void;
  onReissued: (card: Card) => void;
}) {
  const status = statusOf(card);
  const mine = open?.id === card.id ? open.action : null;
  const noticeBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeBox.current?.focus();
  }, [notice]);
  const headingId = `card-${card.id}-name`;
  return (
    <li class={`card parent-card ${status}`} id={`card-${card.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{card.holder_name}</h3>
      {status === "valid" && (
        <div class="check">
          <input type="checkbox" id={`select-${card.id}`} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
          <label for={`select-${card.id}`}>{tx("cards.select", { name: <bdi>{card.holder_name}</bdi> })}</label>
        </div>
      )}
      <dl class="facts">
        <dt>{t("cards.number")}</dt>
        <dd>
          <CardNumber value={card.number} />
        </dd>
        <dt>{t("cards.status")}</dt>
        <dd>
          <span class={`badge ${TONE[status]}`}>{t(`cards.status.${status}`)}</span>
        </dd>
        <dt>{t("cards.valid_until")}</dt>
        <dd>
          <time dateTime={card.expires_on}>{formatDay(card.expires_on)}</time>
        </dd>
        <dt>{t("cards.language")}</dt>
        <dd>
          <bdi>{nameOf(card.preferred_language)}</bdi>
        </dd>
        <dt>{t("cards.issuer")}</dt>
        <dd>
          <bdi>{card.issuer.name}</bdi>
          {card.issued_by && (
            <span class="card-note">{tx("cards.issued_by", { name: <bdi>{card.issued_by}</bdi> })}</span>
          )}
          {card.issued_at && (
            <span class="card-note">
              <time dateTime={card.issued_at}>{formatDateTime(card.issued_at)}</time>
            </span>
          )}
        </dd>
        {(card.phone || card.email) && (
          <>
            <dt>{t("cards.contact")}</dt>
            <dd>
              <bdi dir="ltr">{card.phone || card.email}</bdi>
            </dd>
          </>
        )}
      </dl>
      {notice && (
        <div class="notice success" role="status" tabIndex={-1} ref={noticeBox}>
          <p>{notice.text}</p>
          {notice.print && (
            <p>
              <a href={cardPdf(card)} target="_blank" rel="noopener">
                {t("cards.print_this")}
              </a>
            </p>
          )}
        </div>
      )}
      {mine === null && (
        <div class="actions">
          {status === "valid" && !notice?.print && (
            <a class="button secondary" href={cardPdf(card)} target="_blank" rel="noopener">
              {t("cards.print_this")}
            </a>
          )}
          {!card.replaced_by && (
            <button type="button" class="secondary" onClick={() => setOpen({ id: card.id, action: "reissue" })}>
              {t("cards.reissue")}
            </button>
          )}
          {status === "valid" && (
            <button type="button" class="danger" onClick={() => setOpen({ id: card.id, action: "revoke" })}>
              {t("cards.revoke")}
            </button>
          )}
        </div>
      )}
      {mine !== null && (
        <Confirm
          card={card}
          action={mine}
          onClose={() => setOpen(null)}
          onDone={mine === "revoke" ? onRevoked : onReissued}
        />
      )}
    </li>
  );
}

function Console({ profile }: { profile: Profile }) {
  const paged = usePaged(loadPage, []);
  const schools = useLoad(loadSchools);
  const nameOf = useLanguageNames();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [selected, setSelected] = useState<number[]>([]);

  const data = paged.state.data;
  const add = (card: Card) => {
    if (data) paged.state.setData({ ...data, count: data.count + 1, results: [card, ...data.results] });
  };
  const issued = (card: Card) => {
    add(card);
    setOpen(null);
    setNotice({ id: card.id, text: t("cards.issued", { number: card.number }), print: true });
  };
  const revoked = (card: Card) => {
    paged.replace((c) => c.id === card.id, card);
    setSelected(selected.filter((id) => id !== card.id));
    setOpen(null);
    setNotice({ id: card.id, text: t("cards.revoked", { number: card.number }), print: false });
  };
  const reissued = (card: Card) => {
    if (!data) return;
    const old = data.results.find((c) => c.id === card.replaces);
    const results = data.results.map((c) =>
      c.id === card.replaces ? { ...c, status: "revoked", revoked_at: c.revoked_at ?? card.issued_at, replaced_by: card.id } : c,
    );
    paged.state.setData({ ...data, count: data.count + 1, results: [card, ...results] });
    setSelected(selected.filter((id) => id !== card.replaces));
    setOpen(null);
    setNotice({
      id: card.id,
      text: t("cards.reissued", { number: card.number, old: old?.number ?? "" }),
      print: true,
    });
  };

  return (
    <>
      <h1>{t("cards.heading")}</h1>
      <p>{t("cards.intro")}</p>
      <IssueForm profile={profile} schools={schools.data ?? []} onIssued={issued} />
      <section aria-labelledby="list-heading" class="cards-list">
        <h2 id="list-heading">{t("cards.list_heading")}</h2>
        <p class="notice warning" id="cards-logged">
          {t("cards.logged")}
        </p>
        <Loaded state={paged.state}>
          {({ results, count }) =>
            results.length ? (
              <>
                <div class="cards-print" role="group" aria-labelledby="print-heading">
                  <h3 id="print-heading">{t("cards.print_heading")}</h3>
                  <p class="hint">{t("cards.print_hint")}</p>
                  <div class="actions">
                    {selected.length > 0 ? (
                      <a class="button" href={sheetPdf(selected)} target="_blank" rel="noopener" id="print-selected">
                        {tn("cards.print_selected", selected.length)}
                      </a>
                    ) : (
                      <p class="muted" id="print-selected-none">
                        {t("cards.print_none_selected")}
                      </p>
                    )}
                    {results.some((card) => statusOf(card) === "valid") && (
                      <a class="button secondary" href={sheetPdf()} target="_blank" rel="noopener">
                        {t("cards.print_all")}
                      </a>
                    )}
                  </div>
                </div>
                <p class="muted">{tn("cards.count", count)}</p>
                <ul class="cards parent-cards">
                  {results.map((card) => (
                    <CardItem
                      key={card.id}
                      card={card}
                      open={open}
                      notice={notice?.id === card.id ? notice : null}
                      selected={selected.includes(card.id)}
                      nameOf={nameOf}
                      setOpen={(next) => {
                        setNotice(null);
                        setOpen(next);
                      }}
                      onSelect={(chosen) =>
                        setSelected(chosen ? [...selected, card.id] : selected.filter((id) => id !== card.id))
                      }
                      onRevoked={revoked}
                      onReissued={reissued}
                    />
                  ))}
                </ul>
                <MoreButton paged={paged} label={t("cards.show_more")} />
              </>
            ) : (
              <p>{t("cards.none")}</p>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

export function CardsPage() {
  return (
    <SignedIn heading={t("cards.heading")}>
      {(profile) =>
        profile.desks.includes("card_issuer") ? (
          <Console profile={profile} />
        ) : (
          <>
            <h1>{t("cards.heading")}</h1>
            <p role="alert">{t("cards.not_issuer")}</p>
            <p>
              <a href="/">{t("not_found.home")}</a>
            </p>
          </>
        )
      }
    </SignedIn>
  );
}
