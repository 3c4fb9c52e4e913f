/** A committee's members for its chair, co-chair and secretary: role, voting, term and the
 * member's own public opt-in (read-only here); change or remove a member; invite someone,
 * showing the accept link once; the invitations still waiting. */
import { useState } from "preact/hooks";
import { api, type Committee, type Profile, type Schemas, unwrap } from "../../api/client";
import { ErrorSummary } from "../../components/Form";
import { Loaded, useLoad } from "../../components/Status";
import { formatDate, formatDateTime, t, tn } from "../../i18n";
import type { PageProps } from "../../router";
import { PageHeading } from "../committees/shared";
import { InviteForm } from "./Invite";
import { Confirm, Crumbs, focusLater, Hidden, Managed, type Member, RecordsGate, roleName, ROLES, useAction, useCommitteeContext } from "./shared";

type Invitation = Schemas["Invitation"];

function day(value: string | null | undefined): string {
  return value ? formatDate(value, "UTC") : "";
}

function termText(member: Member): string {
  if (member.term_start && member.term_end) return t("records.term_from_to", { from: day(member.term_start), to: day(member.term_end) });
  if (member.term_start) return t("records.term_from", { from: day(member.term_start) });
  return t("records.term_open");
}

type Change = { role: string; voting: boolean; term_start: string; term_end: string };

function MemberEdit({ committee, member, onDone }: { committee: Committee; member: Member; onDone: (member?: Member) => void }) {
  const [change, setChange] = useState<Change>({
    role: member.role,
    voting: member.voting ?? true,
    term_start: member.term_start ?? "",
    term_end: member.term_end ?? "",
  });
  const { busy, error, run } = useAction();
  const prefix = `member-${member.id}-`;
  const save = (event: Event) => {
    event.preventDefault();
    const body = {
      role: change.role as Member["role"],
      voting: change.voting,
      ...(change.term_start ? { term_start: change.term_start } : {}),
      term_end: change.term_end || null,
    };
    void run(async () => {
      const saved = await unwrap(
        api.PATCH("/api/v1/committees/{id}/members/{member_id}/", {
          params: { path: { id: String(committee.id), member_id: String(member.id) } },
          body,
        }),
      );
      onDone(saved as Member);
    });
  };
  return (
    <form class="member-edit" onSubmit={save} aria-label={t("records.edit_member", { name: member.name })}>
      <ErrorSummary error={error} labels={{}} />
      <div class="field">
        <label for={`${prefix}role`}>{t("records.role")}</label>
        <select id={`${prefix}role`} value={change.role} onChange={(e) => setChange({ ...change, role: e.currentTarget.value })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </select>
      </div>
      <div class="check">
        <input
          type="checkbox"
          id={`${prefix}voting`}
          checked={change.voting}
          onChange={(e) => setChange({ ...change, voting: e.currentTarget.checked })}
        />
        <label for={`${prefix}voting`}>{t("records.voting_member")}</label>
      </div>
      <div class="date-pair">
        <div class="field">
          <label for={`${prefix}start`}>{t("records.term_start")}</label>
          <input type="date" id={`${prefix}start`} value={change.term_start} onInput={(e) => setChange({ ...change, term_start: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${prefix}end`}>{t("records.term_end")}</label>
          <input type="date" id={`${prefix}end`} value={change.term_end} onInput={(e) => setChange({ ...change, term_end: e.currentTarget.value })} />
        </div>
      </div>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t("records.save_member")}
        </button>
        <button type="button" class="secondary" onClick={() => onDone()}>
          {t("records.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A destroying button that asks first, in the page: remove a member, withdraw an invitation. */
function AskThenDo({ label, name, question, yes, send, onDone }: { label: string; name: string; question: string; yes: string; send: () => Promise<unknown>; onDone: () => void }) {
  const [asking, setAsking] = useState(false);
  const { error, run } = useAction();
  const go = () =>
    run(async () => {
      await send();
      onDone();
    });
  if (!asking) {
    return (
      <button type="button" class="secondary" onClick={() => setAsking(true)}>
        {label} <Hidden text={name} />
      </button>
    );
  }
  return (
    <>
      <ErrorSummary error={error} labels={{}} />
      <Confirm question={question} yes={yes} no={t("records.remove_no")} onYes={() => void go()} onNo={() => setAsking(false)} />
    </>
  );
}

function RemoveMember({ committee, member, onRemoved }: { committee: Committee; member: Member; onRemoved: () => void }) {
  const path = { id: String(committee.id), member_id: String(member.id) };
  return (
    <AskThenDo
      label={t("records.remove")}
      name={member.name}
      question={t("records.remove_confirm", { name: member.name })}
      yes={t("records.remove_yes")}
      send={() => unwrap(api.DELETE("/api/v1/committees/{id}/members/{member_id}/", { params: { path } }))}
      onDone={onRemoved}
    />
  );
}

function MemberCard({ committee, member, onChange }: { committee: Committee; member: Member; onChange: (member: Member | null) => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <li class="card member">
      <h3>{member.name}</h3>
      <dl class="facts">
        <dt>{t("records.role")}</dt>
        <dd>{roleName(member.role)}</dd>
        <dt>{t("records.voting")}</dt>
        <dd>{member.voting ? t("records.voting_yes") : t("records.voting_no")}</dd>
        <dt>{t("records.term")}</dt>
        <dd>{termText(member)}</dd>
        {member.organization_name && (
          <>
            <dt>{t("records.organisation")}</dt>
            <dd>{member.organization_name}</dd>
          </>
        )}
        <dt>{t("records.public")}</dt>
        <dd>
          {member.show_publicly ? t("records.public_yes") : t("records.public_no")}
          <span class="hint"> {t("records.public_hint")}</span>
        </dd>
      </dl>
      {editing ? (
        <MemberEdit
          committee={committee}
          member={member}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onChange(saved);
            focusLater(`edit-member-${member.id}`, `edit-member-${member.id}`);
          }}
        />
      ) : (
        <div class="actions">
          <button type="button" id={`edit-member-${member.id}`} onClick={() => setEditing(true)}>
            {t("records.edit")} <Hidden text={member.name} />
          </button>
          <RemoveMember committee={committee} member={member} onRemoved={() => onChange(null)} />
        </div>
      )}
    </li>
  );
}

function MemberList({ committee, initial }: { committee: Committee; initial: Member[] }) {
  const [members, setMembers] = useState(initial);
  const [said, setSaid] = useState("");
  const update = (member: Member, changed: Member | null) => {
    if (changed) {
      setMembers(members.map((m) => (m.id === member.id ? changed : m)));
      setSaid(t("records.member_saved", { name: member.name }));
    } else {
      setMembers(members.filter((m) => m.id !== member.id));
      setSaid(t("records.member_removed", { name: member.name }));
      focusLater("members-heading", "members-heading");
    }
  };
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" tabIndex={-1}>{t("records.members_heading")}</h2>
      <p class="muted" role="status">
        {said || tn("records.members_count", members.length)}
      </p>
      <ul class="cards single records-members">
        {members.map((member) => (
          <MemberCard key={member.id} committee={committee} member={member} onChange={(changed) => update(member, changed)} />
        ))}
      </ul>
    </section>
  );
}

function contact(invitation: Invitation): string {
  return invitation.email || invitation.phone || "";
}

function PendingInvitations({ committee, version }: { committee: Committee; version: number }) {
  const state = useLoad(
    () =>
      unwrap(
        api.GET("/api/v1/committees/{id}/invitations/", {
          params: { path: { id: String(committee.id) }, query: { pending: true, page_size: 100 } },
        }),
      ).then((page) => page.results),
    [committee.id, version],
  );
  const zone = committee.timezone || "America/New_York";
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t("records.pending_heading")}</h2>
      <Loaded state={state}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t("records.no_pending")}</p>
          ) : (
            <ul class="cards single">
              {rows.map((row) => (
                <li key={row.id} class="card">
                  <p>
                    <strong>
                      <bdi dir="ltr">{contact(row)}</bdi>
                    </strong>{" "}
                    · {roleName(row.role)}
                  </p>
                  <p class="muted">{t("records.expires", { date: formatDateTime(row.expires_at, zone) })}</p>
                  <AskThenDo
                    label={t("records.withdraw")}
                    name={contact(row)}
                    question={t("records.withdraw_confirm", { contact: contact(row) })}
                    yes={t("records.withdraw_yes")}
                    send={() =>
                      unwrap(
                        api.DELETE("/api/v1/committees/{id}/invitations/{invitation_id}/", {
                          params: { path: { id: String(committee.id), invitation_id: String(row.id) } },
                        }),
                      )
                    }
                    onDone={state.reload}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function MembersBody({ committee, members }: { committee: Committee; members: Member[] }) {
  const [invited, setInvited] = useState(0);
  return (
    <>
      <Crumbs committee={committee.id} />
      <MemberList committee={committee} initial={members} />
      <InviteForm committee={committee} onInvited={() => setInvited(invited + 1)} />
      <PendingInvitations committee={committee} version={invited} />
    </>
  );
}

export function RecordsMembersPage({ params }: PageProps) {
  const heading = t("records.members_page");
  return (
    <RecordsGate heading={heading}>
      {(profile) => <MembersPage id={params.id} profile={profile} heading={heading} />}
    </RecordsGate>
  );
}

function MembersPage({ id, profile, heading }: { id: string; profile: Profile; heading: string }) {
  const state = useCommitteeContext(id, profile);
  const committee = state.data?.standing.manage ? state.data.committee : undefined;
  return (
    <>
      <PageHeading title={committee ? t("records.members_of", { name: committee.name }) : undefined} fallback={heading} />
      <Managed state={state}>{(data) => <MembersBody committee={data.committee} members={data.members} />}</Managed>
    </>
  );
}
