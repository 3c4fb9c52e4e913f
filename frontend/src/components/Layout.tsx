import type { ComponentChildren } from "preact";
import { session, signOut } from "../api/auth";
import { language, t } from "../i18n";
import { navigate } from "../router";
import { useStore } from "../store";

function isCbo(roles: readonly string[] | undefined): boolean {
  return Boolean(roles?.includes("cbo_staff"));
}

function Nav() {
  const profile = useStore(session);
  const out = async () => {
    await signOut().catch(() => undefined);
    navigate("/");
  };
  return (
    <nav aria-label={t("nav.label")} class="nav">
      <ul>
        <li>
          <a href="/">{t("nav.events")}</a>
        </li>
        <li>
          <a href="/committees">{t("nav.committees")}</a>
        </li>
        {profile && (
          <li>
            <a href="/me/registrations">{t("nav.my_registrations")}</a>
          </li>
        )}
        {profile && (
          <li>
            <a href="/me/calendar">{t("nav.my_calendar")}</a>
          </li>
        )}
        {profile && isCbo(profile.roles) && (
          <li>
            <a href="/cbo/registrations">{t("nav.cbo_registrations")}</a>
          </li>
        )}
        {profile && profile.roles.includes("organiser") && (
          <li>
            <a href="/organiser">{t("nav.organiser")}</a>
          </li>
        )}
        {profile && profile.roles.includes("interpreter_coordinator") && (
          <li>
            <a href="/interpreting">{t("nav.interpreting")}</a>
          </li>
        )}
        {profile && (profile.roles.includes("organiser") || profile.roles.includes("door_volunteer")) && (
          <li>
            <a href="/door">{t("nav.door")}</a>
          </li>
        )}
        {profile && profile.desks.includes("committee_manager") && (
          <li>
            <a href="/chair">{t("nav.chair")}</a>
          </li>
        )}
        {profile && profile.desks.includes("card_issuer") && (
          <li>
            <a href="/cards">{t("nav.cards")}</a>
          </li>
        )}
        {profile && profile.desks.includes("interpreter") && (
          <li>
            <a href="/me/jobs">{t("nav.my_jobs")}</a>
          </li>
        )}
        <li>
          {profile ? (
            <button type="button" class="link" onClick={out}>
              {t("nav.sign_out")}
            </button>
          ) : (
            profile === null && <a href="/account/sign-in">{t("nav.sign_in")}</a>
          )}
        </li>
      </ul>
    </nav>
  );
}

/** A globe drawn inline: the 🌐 emoji shows as an empty box where no emoji font is installed. */
function GlobeIcon() {
  return (
    <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <g fill="none" stroke="currentColor" stroke-width="1.8">
        <circle cx="12" cy="12" r="9.5" />
        <path d="M2.5 12h19M12 2.5c2.6 2.6 3.9 5.8 3.9 9.5s-1.3 6.9-3.9 9.5c-2.6-2.6-3.9-5.8-3.9-9.5s1.3-6.9 3.9-9.5z" />
      </g>
    </svg>
  );
}

export function Layout({ children, bare = false }: { children: ComponentChildren; bare?: boolean }) {
  const current = language();
  return (
    <>
      <a class="skip" href="#main">
        {t("nav.skip")}
      </a>
      <header class="site-header">
        <div class="bar">
          <a href="/" class="brand">
            {t("site.name")}
          </a>
          {!bare && (
            <a href="/language" class="language-link">
              <GlobeIcon />
              <span class="visually-hidden">{t("language.change")}: </span>
              <span lang={current.tag}>{current.name}</span>
            </a>
          )}
        </div>
        {!bare && <Nav />}
      </header>
      <main id="main">{children}</main>
      <footer class="site-footer">
        <p>{t("safe_zone.short")}</p>
      </footer>
    </>
  );
}
