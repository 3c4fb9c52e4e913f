/** Invite someone to the committee by email or phone. The API sends the invitation and
 * shows its secret link in this answer only: the page shows it once, with a copy button,
 * and keeps it nowhere (a reload forgets it). */
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type Committee, type Schemas, unwrap } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { language, t } from "../../i18n";
import { LANGUAGES } from "../../i18n/languages";
import { roleName, ROLES, useAction } from "./shared";
import { useCopy } from "../../components/copy";

type Created = Schemas["InvitationCreated"];
type Draft = { email: string; phone: string; role: string; voting: boolean; language: string; term_start: string; term_end: string };

function OnceLink({ invitation }: { invitation: Created }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [invitation.id]);
  const link = `${window.location.origin}/invitations/accept#${invitation.token}`;
  const { copied, copy } = useCopy(link);
  return (
    <div class="notice success once-link" tabIndex={-1} ref={box}>
      <p class="notice-title">{t("records.invited", { who: invitation.email || invitation.phone || "" })}</p>
      <p>{t("records.link_once")}</p>
      <p class="link-box" id="invite-link">
        <bdi dir="ltr">{link}</bdi>
      </p>
      <button type="button" class="secondary" onClick={copy} aria-describedby="invite-link">
        {t("common.copy_link")}
      </button>
      <span role="status">{copied ? ` ${t("common.copied")}` : ""}</span>
    </div>
  );
}

export function InviteForm({ committee, onInvited }: { committee: Committee; onInvited: () => void }) {
  const blank: Draft = { email: "", phone: "", role: "parent", voting: true, language: language().code, term_start: "", term_end: "" };
  const [draft, setDraft] = useState<Draft>(blank);
  const { busy, error, run } = useAction();
  const [created, setCreated] = useState<Created | null>(null);
  const labels = {
    email: t("records.invite_email"),
    phone: t("records.invite_phone"),
    role: t("records.role"),
    language: t("records.invite_language"),
    term_start: t("records.term_start"),
    term_end: t("records.term_end"),
  };
  const submit = (event: Event) => {
    event.preventDefault();
    setCreated(null);
    void run(async () => {
      const answer = await unwrap(
        api.POST("/api/v1/committees/{id}/invitations/", {
          params: { path: { id: String(committee.id) } },
          body: {
            email: draft.email.trim(),
            phone: draft.phone.trim(),
            role: draft.role as Created["role"],
            voting: draft.voting,
            language: draft.language,
            term_start: draft.term_start || null,
            term_end: draft.term_end || null,
          },
        }),
      );
      setCreated(answer);
      setDraft(blank);
      onInvited();
    });
  };
  const set = (name: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t("records.invite_heading")}</h2>
      <p>{t("records.invite_intro")}</p>
      {created && <OnceLink key={created.id} invitation={created} />}
      <form onSubmit={submit} class="invite-form" noValidate>
        <ErrorSummary error={error} labels={labels} />
        <div class="date-pair">
          <Field name="email" label={labels.email} error={error}>
            {(props) => <input type="email" dir="ltr" autoComplete="off" value={draft.email} onInput={set("email")} {...props} />}
          </Field>
          <Field name="phone" label={labels.phone} error={error}>
            {(props) => <input type="tel" dir="ltr" autoComplete="off" value={draft.phone} onInput={set("phone")} {...props} />}
          </Field>
        </div>
        <p class="hint">{t("records.invite_contact_hint")}</p>
        <div class="date-pair">
          <Field name="role" label={labels.role} error={error}>
            {(props) => (
              <select value={draft.role} onChange={set("role")} {...props}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleName(role)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="language" label={labels.language} error={error}>
            {(props) => (
              <select value={draft.language} onChange={set("language")} {...props}>
                {LANGUAGES.map((option) => (
                  <option key={option.code} value={option.code} lang={option.tag}>
                    {option.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div class="date-pair">
          <Field name="term_start" label={labels.term_start} error={error}>
            {(props) => <input type="date" value={draft.term_start} onInput={set("term_start")} {...props} />}
          </Field>
          <Field name="term_end" label={labels.term_end} error={error}>
            {(props) => <input type="date" value={draft.term_end} onInput={set("term_end")} {...props} />}
          </Field>
        </div>
        <div class="check">
          <input type="checkbox" id="invite-voting" checked={draft.voting} onChange={(e) => setDraft({ ...draft, voting: e.currentTarget.checked })} />
          <label for="invite-voting">{t("records.voting_member")}</label>
        </div>
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t("records.invite_send")}
        </button>
      </form>
    </section>
  );
}
