/** What the interpreting pages share: who may open the console, its tabs, and words for
 * modes and statuses. */
import { t } from "../../i18n";
import { useLocation } from "../../router";
import "../interpreting.css";

export const COORDINATOR = ["interpreter_coordinator"] as const;
/** Coverage is also the organisers' (of the events they manage; the API decides which). */
export const COVERAGE_ROLES = ["interpreter_coordinator", "organiser"] as const;

const TABS = [
  { href: "/interpreting", key: "interp.tab_board" },
  { href: "/interpreting/roster", key: "interp.tab_roster" },
  { href: "/interpreting/coverage", key: "interp.tab_coverage" },
] as const;

/** The console's tabs (links; the current one marked). */
export function ConsoleNav({ coordinator = true }: { coordinator?: boolean }) {
  const { path } = useLocation();
  if (!coordinator) return null;
  return (
    <nav aria-label={t("interp.console_nav")} class="interp-tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.href}>
            <a href={tab.href} aria-current={path === tab.href ? "page" : undefined}>
              {t(tab.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function modeText(mode: string): string {
  return t(`interp.mode.${mode}`);
}

const GAP = new Set(["requested", "unfulfilled"]);

export function LineStatus({ status }: { status: string }) {
  const tone = status === "confirmed" ? "ok" : status === "assigned" ? "full" : GAP.has(status) ? "cancelled" : "";
  return <span class={`badge ${tone}`}>{t(`interp.status.${status}`)}</span>;
}

export function LateBadge() {
  return <span class="badge late">{t("interp.late")}</span>;
}

/** Uncovered lines first, late ones first among them, then by time. */
export function boardOrder<T extends { status?: string; late?: boolean; starts_at: string; id: number }>(lines: T[]): T[] {
  const rank = (line: T) => (GAP.has(line.status ?? "requested") ? 0 : 2) + (line.late ? 0 : 1);
  return [...lines].sort(
    (a, b) => rank(a) - rank(b) || Date.parse(a.starts_at) - Date.parse(b.starts_at) || a.id - b.id,
  );
}
