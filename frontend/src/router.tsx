/** A small router over the History API: a table of path patterns, links that navigate
 * without reloading, and focus moved to the new page's heading on every change (screen
 * readers announce it, keyboard users start from it). */
import type { ComponentType, FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { store, useStore } from "./store";

export type Params = Record<string, string>;
export type PageProps = { params: Params };
export type Page = ComponentType<PageProps>;
export type Route = { pattern: string; page: Page };

export const location = store({ path: window.location.pathname, search: window.location.search });

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  location.set({ path: window.location.pathname, search: window.location.search });
  window.scrollTo(0, 0);
}

window.addEventListener("popstate", () =>
  location.set({ path: window.location.pathname, search: window.location.search }),
);

// Same-origin links to app pages navigate in place; downloads, new tabs, other origins,
// the API and files are left to the browser.
document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const anchor = (event.target as Element).closest?.("a");
  if (!anchor || anchor.target || anchor.hasAttribute("download") || anchor.origin !== window.location.origin) return;
  if (/^\/(api|calendar|static|_allauth|admin)\//.test(anchor.pathname)) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search + anchor.hash);
});

export function match(routes: readonly Route[], path: string): { page: Page; params: Params } | null {
  for (const route of routes) {
    const names: string[] = [];
    const regex = new RegExp(
      "^" + route.pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), "([^/]+)")) + "/?$",
    );
    const found = regex.exec(path);
    if (found) {
      const params: Params = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1])));
      return { page: route.page, params };
    }
  }
  return null;
}

export function useLocation() {
  return useStore(location);
}

export function useQuery(): URLSearchParams {
  return new URLSearchParams(useLocation().search);
}

/** Moves focus to the page's <h1> once it is there (pages render it at once, with their
 * data or a loading state), unless the reader has put the focus somewhere else since, and
 * names the document after it. */
export function focusHeading(): void {
  let tries = 0;
  const started = document.activeElement;
  const attempt = () => {
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      document.title = `${heading.textContent ?? ""} · Open Doors`;
      // A reader who has already moved on (tabbed into a field and typing, on a slow
      // phone) keeps the focus where they put it: it is not pulled back to the heading.
      const active = document.activeElement;
      const movedOn = active && active !== document.body && active !== started && active.tagName !== "H1";
      if (movedOn && active.isConnected) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    } else if (tries++ < 40) {
      setTimeout(attempt, 50);
    }
  };
  requestAnimationFrame(attempt);
}

/** A page loaded on first use, as its own chunk (signed-in and staff pages). */
export function lazy(load: () => Promise<{ default: Page }>): Page {
  let loaded: Page | null = null;
  const Lazy: FunctionComponent<PageProps> = (props) => {
    const [page, setPage] = useState<Page | null>(() => loaded);
    useEffect(() => {
      if (!page) load().then((module) => setPage(() => (loaded = module.default)));
    }, []);
    const Component = page;
    return Component ? <Component {...props} /> : <p role="status" aria-busy="true" />;
  };
  return Lazy;
}
