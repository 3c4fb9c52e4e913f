/** The families a community organisation registered: who, which event, seat or waitlist
 * place, how many are coming and their code; change who is coming, or cancel (after a
 * confirmation). The API decides what may change; its refusals are shown as they come. */
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type Profile, type Registration, unwrap } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { SpokenCode } from "../../components/Pass";
import { type ListPage, Loaded, MoreButton, errorText, usePaged } from "../../components/Status";
import { formatDateTime, formatEventTime, formatNumber, t, tn, tx } from "../../i18n";
import { Fact, SignedIn, StatusText, WaitlistPosition } from "../account/shared";

type Open = { id: number; action: "party" | "cancel" } | null;

function loadPage(organization: number, page: number): Promise<ListPage<Registration>> {
  return unwrap(api.GET("/api/v1/registrations/", { params: { query: { organization, page, page_size: 100 } } }));
}

function ChangeParty({
  registration,
  onSaved,
  onClose,
}: {
  registration: Registration;
  onSaved: (changed: Registration) => void;
  onClose: () => void;
}) {
  const [adults, setAdults] = useState(registration.adults);
  const [children, setChildren] = useState(registration.children);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const labels = { adults: t("register.adults"), children: t("register.children") };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    try {
      const changed = await unwrap(
        api.PATCH("/api/v1/registrations/{id}/", {
          params: { path: { id: String(registration.id) } },
          body: { adults, children },
        }),
      );
      onSaved(changed);
    } catch (problem) {
      setError(problem);
    } finally {
      setSending(false);
    }
  };
  return (
    <form noValidate onSubmit={submit} class="inline-panel" aria-labelledby={`change-${registration.id}`}>
      <h3 id={`change-${registration.id}`}>{t("cbo.change_heading", { name: registration.name })}</h3>
      <ErrorSummary error={error} labels={labels} />
      <Field name="adults" label={labels.adults} error={error}>
        {(props) => (
          <input {...props} ref={first} type="number" inputMode="numeric" min={1} value={adults} onInput={(e) => setAdults(Number(e.currentTarget.value) || 0)} />
        )}
      </Field>
      <Field name="children" label={labels.children} error={error}>
        {(props) => (
          <input {...props} type="number" inputMode="numeric" min={0} value={children} onInput={(e) => setChildren(Number(e.currentTarget.value) || 0)} />
        )}
      </Field>
      <div class="actions">
        <button type="submit" disabled={sending} aria-busy={sending}>
          {t("cbo.save_party")}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t("cbo.close")}
        </button>
      </div>
    </form>
  );
}

function ConfirmCancel({
  registration,
  onCancelled,
  onClose,
}: {
  registration: Registration;
  onCancelled: (cancelled: Registration) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  const cancel = async () => {
    if (sending) return;
    setSending(true);
    try {
      const cancelled = await unwrap(
        api.DELETE("/api/v1/registrations/{id}/", { params: { path: { id: String(registration.id) } } }),
      );
      onCancelled(cancelled);
    } catch (problem) {
      setError(problem);
    } finally {
      setSending(false);
    }
  };
  return (
    <div class="confirm inline-panel" role="group" aria-labelledby={`cancel-${registration.id}`}>
      <p id={`cancel-${registration.id}`} tabIndex={-1} ref={question}>
        {t("cbo.cancel_question", { name: registration.name, event: registration.event_title })}
      </p>
      {error !== null && (
        <p role="alert" class="notice error">
          {errorText(error)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="danger" onClick={cancel} disabled={sending} aria-busy={sending}>
          {t("cbo.cancel_yes")}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t("cbo.cancel_no")}
        </button>
      </div>
    </div>
  );
}

function FamilyCard({
  registration,
  open,
  notice,
  setOpen,
  onChanged,
}: {
  registration: Registration;
  open: Open;
  notice: string;
  setOpen: (open: Open) => void;
  onChanged: (changed: Registration, notice: string) => void;
}) {
  const noticeBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeBox.current?.focus();
  }, [notice]);
  const active = registration.status === "confirmed" || registration.status === "waitlisted";
  const mine = open?.id === registration.id ? open.action : null;
  return (
    <li class="card registration" id={`registration-${registration.id}`}>
      <h2>{registration.name}</h2>
      <dl class="facts">
        <Fact label={t("pass.event")}>
          <a href={`/events/${registration.event}`}>{registration.event_title}</a>
        </Fact>
        <Fact label={t("event.when")}>
          {formatEventTime(registration.event_starts_at, registration.event_ends_at, registration.event_timezone)}
        </Fact>
        <Fact label={t("account.status_label")}>
          <StatusText status={registration.status} />
          {registration.status === "waitlisted" && (
            <>
              {" "}
              <WaitlistPosition position={registration.waitlist_position} />
            </>
          )}
        </Fact>
        <Fact label={t("pass.party")}>
          {tx("pass.party_value", { adults: formatNumber(registration.adults), children: formatNumber(registration.children) })}
        </Fact>
        <Fact label={t("cbo.code_label")}>
          <SpokenCode code={registration.pass_code} />
        </Fact>
        {(registration.phone || registration.email) && (
          <Fact label={t("cbo.contact")}>
            <bdi dir="ltr">{registration.phone || registration.email}</bdi>
          </Fact>
        )}
        <Fact label={t("cbo.registered_on")}>
          <time dateTime={registration.created_at}>{formatDateTime(registration.created_at)}</time>
        </Fact>
        {registration.consent?.text && (
          // What the family agreed to, word for word and in the language it was read out in.
          <Fact label={t("cbo.consent")}>
            <bdi class="consent-text" lang={registration.consent.language}>
              {registration.consent.text}
            </bdi>
          </Fact>
        )}
      </dl>
      {notice && (
        <p class="notice success" role="status" tabIndex={-1} ref={noticeBox}>
          {notice}
        </p>
      )}
      {active && mine === null && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setOpen({ id: registration.id, action: "party" })}>
            {t("cbo.change_party")}
          </button>
          <button type="button" class="danger" onClick={() => setOpen({ id: registration.id, action: "cancel" })}>
            {t("cbo.cancel")}
          </button>
        </div>
      )}
      {active && mine === "party" && (
        <ChangeParty
          registration={registration}
          onClose={() => setOpen(null)}
          onSaved={(changed) => onChanged(changed, t("cbo.party_saved"))}
        />
      )}
      {active && mine === "cancel" && (
        <ConfirmCancel
          registration={registration}
          onClose={() => setOpen(null)}
          onCancelled={(cancelled) => onChanged(cancelled, t("cbo.cancelled", { name: cancelled.name }))}
        />
      )}
    </li>
  );
}

function Families({ organization }: { organization: { id: number; name: string } }) {
  const paged = usePaged((page) => loadPage(organization.id, page), [organization.id]);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ id: number; text: string } | null>(null);

  const replace = (changed: Registration, text: string) => {
    paged.replace((r) => r.id === changed.id, changed);
    setOpen(null);
    setNotice({ id: changed.id, text });
  };

  return (
    <>
      <h1>{t("cbo.registrations_heading")}</h1>
      <p>{tx("cbo.registrations_intro", { organization: <bdi>{organization.name}</bdi> })}</p>
      <p>
        <a class="button" href="/cbo/register">
          {t("cbo.register_family")}
        </a>
      </p>
      <Loaded state={paged.state}>
        {({ results }) =>
          results.length ? (
            <>
              <p class="muted">{tn("cbo.registrations_count", results.length)}</p>
              <ul class="cards single">
                {results.map((registration) => (
                  <FamilyCard
                    key={registration.id}
                    registration={registration}
                    open={open}
                    notice={notice?.id === registration.id ? notice.text : ""}
                    setOpen={(next) => {
                      setNotice(null);
                      setOpen(next);
                    }}
                    onChanged={replace}
                  />
                ))}
              </ul>
              <MoreButton paged={paged} label={t("cbo.show_more")} />
            </>
          ) : (
            <p>{t("cbo.no_registrations")}</p>
          )
        }
      </Loaded>
    </>
  );
}

export function CboRegistrationsPage() {
  return (
    <SignedIn heading={t("cbo.registrations_heading")} cbo>
      {(profile: Profile) => {
        const first = profile.organizations[0];
        return <Families organization={{ id: first.organization, name: first.organization_name }} />;
      }}
    </SignedIn>
  );
}
