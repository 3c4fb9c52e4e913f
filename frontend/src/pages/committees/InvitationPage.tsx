/** Accepting an invitation to a committee: /invitations/accept#<token>. The token stays in
 * the fragment, so neither the page request nor a Referer ever carries it to a server. A
 * visitor who is not signed in is sent to the sign-in page and comes back here; meanwhile
 * the token waits in this tab's session storage (not in the sign-in page's address). The
 * server decides everything: its answer is shown as it comes, each refusal in plain words. */
import { useEffect, useRef, useState } from "preact/hooks";
import { session } from "../../api/auth";
import { api, toApiError } from "../../api/client";
import { Loading, errorText } from "../../components/Status";
import { t, tx } from "../../i18n";
import { useStore } from "../../store";

const PAGE = "/invitations/accept";
const KEPT = "od.invitation";

type Accepted = { committee: number; committee_name: string; role: string };
// Why an invitation no longer opens, as the server says (``reason``), in plain words.
const GONE: Record<string, [string, string]> = {
  expired: ["invitation.expired_title", "invitation.expired_text"],
  used: ["invitation.used_title", "invitation.used_text"],
  unknown: ["invitation.unknown_title", "invitation.unknown_text"],
};
// Answers after which trying again cannot help.
const FINAL = ["invitation_not_found", "already_member"];
type Refusal = { status: number; code: string; reason?: string; committee?: number; error: unknown };
type Outcome = { accepted: Accepted } | { refused: Refusal };

function keep(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEPT, token);
    else sessionStorage.removeItem(KEPT);
  } catch {
    // Storage switched off: the link itself still works once signed in.
  }
}

function kept(): string {
  try {
    return sessionStorage.getItem(KEPT) ?? "";
  } catch {
    return "";
  }
}

/** The token from the link, or the one kept while the visitor signed in (put back in the
 * address, so a reload still works). */
function readToken(): string {
  const fromLink = decodeURIComponent(window.location.hash.replace(/^#/, ""));
  if (fromLink) {
    keep(fromLink);
    return fromLink;
  }
  const token = kept();
  if (token) history.replaceState(null, "", `${PAGE}#${encodeURIComponent(token)}`);
  return token;
}

async function accept(token: string): Promise<Outcome> {
  let result;
  try {
    result = await api.POST("/api/v1/committee-invitations/accept/", { body: { token } });
  } catch {
    return { refused: { status: 0, code: "network", error: toApiError(0, null) } };
  }
  if (result.data && result.response.ok) return { accepted: result.data };
  // The error body carries more than ApiError keeps: why (reason), and which committee.
  const body = (result.error ?? {}) as { code?: string; reason?: string; committee?: number };
  const error = toApiError(result.response.status, result.error);
  return { refused: { status: result.response.status, code: error.code, reason: body.reason, committee: body.committee, error } };
}

function SignInFirst() {
  return (
    <>
      <p>{t("invitation.sign_in_text")}</p>
      <p>
        <a class="button primary" href={`/account/sign-in?next=${encodeURIComponent(PAGE)}`}>
          {t("invitation.sign_in")}
        </a>
      </p>
      <p class="hint">{t("invitation.account_hint")}</p>
    </>
  );
}

function CommitteeLink({ id }: { id: number }) {
  return (
    <p>
      <a class="button" href={`/committees/${id}`}>
        {t("invitation.to_committee")}
      </a>
    </p>
  );
}

/** The server's refusal in plain words: what happened and what to do. */
function RefusalText({ refusal }: { refusal: Refusal }) {
  if (refusal.code === "already_member") {
    return (
      <>
        <p class="notice-title">{t("invitation.already_member")}</p>
        {refusal.committee !== undefined && <CommitteeLink id={refusal.committee} />}
      </>
    );
  }
  if (refusal.code === "invitation_not_found") {
    const [title, text] = GONE[refusal.reason ?? ""] ?? GONE.unknown;
    return (
      <>
        <p class="notice-title">{t(title)}</p>
        <p>{t(text)}</p>
      </>
    );
  }
  return <p>{errorText(refusal.error)}</p>;
}

function Acceptance({ token, email }: { token: string; email: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, setSending] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The button is gone: the reader continues from what happened.
    if (outcome) result.current?.focus();
  }, [outcome]);

  const send = async () => {
    if (sending) return;
    setSending(true);
    const answer = await accept(token);
    if ("accepted" in answer || FINAL.includes(answer.refused.code)) {
      keep(null);
      history.replaceState(null, "", PAGE); // A used or dead token leaves the address bar.
    }
    setOutcome(answer);
    setSending(false);
  };

  if (outcome && "accepted" in outcome) {
    const { committee, committee_name } = outcome.accepted;
    return (
      <div class="notice success" role="status" tabIndex={-1} ref={result}>
        <p class="notice-title">{tx("invitation.welcome", { committee: <bdi>{committee_name}</bdi> })}</p>
        <p>{t("invitation.your_role", { role: t(`invitation.role.${outcome.accepted.role}`) })}</p>
        <CommitteeLink id={committee} />
      </div>
    );
  }
  if (outcome && outcome.refused.code === "not_authenticated") return <SignInFirst />;
  if (outcome && FINAL.includes(outcome.refused.code)) {
    const member = outcome.refused.code === "already_member"; // Not a failure: news.
    return (
      <>
        <div class={member ? "notice" : "notice error"} role="alert" tabIndex={-1} ref={result}>
          <RefusalText refusal={outcome.refused} />
        </div>
        <p>
          <a href="/committees">{t("committee.all_committees")}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <p>{tx("account.signed_in_as", { email: <bdi dir="ltr">{email}</bdi> })}</p>
      <p>{t("invitation.accept_text")}</p>
      {outcome && (
        <div class="notice error" role="alert" tabIndex={-1} ref={result}>
          <RefusalText refusal={outcome.refused} />
        </div>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={send} disabled={sending} aria-busy={sending}>
          {sending ? t("invitation.accepting") : t("invitation.accept")}
        </button>
      </div>
    </>
  );
}

export function InvitationPage() {
  const [token, setToken] = useState(readToken);
  const profile = useStore(session);
  useEffect(() => {
    // Another invitation's link opened in this tab changes only the fragment.
    const reread = () => setToken(readToken());
    window.addEventListener("hashchange", reread);
    return () => window.removeEventListener("hashchange", reread);
  }, []);
  return (
    <article class="invitation">
      <h1>{t("invitation.heading")}</h1>
      <p class="lead">{t("invitation.intro")}</p>
      {!token ? (
        <div class="notice">
          <p class="notice-title">{t("invitation.unknown_title")}</p>
          <p>{t("invitation.unknown_text")}</p>
        </div>
      ) : profile === undefined ? (
        <Loading />
      ) : profile === null ? (
        <SignInFirst />
      ) : (
        <Acceptance key={token} token={token} email={profile.email} />
      )}
    </article>
  );
}
