/** What the signed-in pages share: waiting for the session, a kind word to someone who is
 * not signed in (or not CBO staff), a registration's status in plain words, and a
 * "where to go after signing in" that only ever leads inside this site. */
import type { ComponentChildren } from "preact";
import { session } from "../../api/auth";
import type { Profile, Registration } from "../../api/client";
import { Loading } from "../../components/Status";
import { formatNumber, t, tx } from "../../i18n";
import { useLocation } from "../../router";
import { useStore } from "../../store";
import "../account.css";

/** A path on this site to return to, or the fallback (never another site: "//evil"). */
export function safeNext(next: string | null, fallback = "/me/registrations"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

export function signInHref(path: string): string {
  return `/account/sign-in?next=${encodeURIComponent(path)}`;
}

export function isCboStaff(profile: Profile): boolean {
  return profile.roles.includes("cbo_staff") && profile.organizations.length > 0;
}

/** Whether the account holds one of ``roles`` (the API still decides what it may do). */
export function hasRole(profile: Profile, roles: readonly string[]): boolean {
  return roles.some((role) => profile.roles.includes(role));
}

/** Renders its children with the profile once someone is signed in; until then the page's
 * heading with "loading", or a kind message with a sign-in link. With ``cbo``, only for
 * staff of a community organisation; with ``roles``, only for accounts holding one of them
 * (the others read that the page is not theirs, and see no data). */
export function SignedIn({
  heading,
  cbo = false,
  roles,
  children,
}: {
  heading: string;
  cbo?: boolean;
  roles?: readonly string[];
  children: (profile: Profile) => ComponentChildren;
}) {
  const profile = useStore(session);
  const { path, search } = useLocation();
  if (profile === undefined) {
    return (
      <>
        <h1>{heading}</h1>
        <Loading />
      </>
    );
  }
  if (profile === null) {
    return (
      <>
        <h1>{heading}</h1>
        <p>{t(cbo ? "cbo.sign_in_needed" : "me.sign_in_needed")}</p>
        <p>
          <a class="button" href={signInHref(path + search)}>
            {t("account.sign_in_to_continue")}
          </a>
        </p>
        {!cbo && <p class="hint">{t("account.no_account_needed")}</p>}
      </>
    );
  }
  if (cbo && !isCboStaff(profile)) {
    return (
      <>
        <h1>{heading}</h1>
        <p>{t("cbo.not_staff")}</p>
        <p>
          <a href="/">{t("not_found.home")}</a>
        </p>
      </>
    );
  }
  if (roles && !hasRole(profile, roles)) {
    return (
      <>
        <h1>{heading}</h1>
        <p role="alert">{t("staff.not_allowed")}</p>
        <p>
          <a href="/">{t("not_found.home")}</a>
        </p>
      </>
    );
  }
  return <>{children(profile)}</>;
}

type Status = Registration["status"];

export function StatusText({ status }: { status: Status }) {
  const tone = status === "confirmed" || status === "checked_in" ? "ok" : status === "waitlisted" ? "full" : "cancelled";
  return <span class={`badge ${tone}`}>{t(`account.status.${status}`)}</span>;
}

export function WaitlistPosition({ position }: { position: number | null }) {
  if (!position) return null;
  return <>{tx("account.waitlist_position", { position: <strong>{formatNumber(position)}</strong> })}</>;
}

/** Facts as a list of label and value, like the pass. */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
