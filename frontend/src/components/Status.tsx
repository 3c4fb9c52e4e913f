import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { t } from "../i18n";

export function Loading() {
  return (
    <p role="status" class="muted">
      {t("common.loading")}
    </p>
  );
}

/** The text to show for an API error: the API's own (translated) message, or ours for a
 * dropped connection or a body that was not the API's. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "network") return t("error.network");
    if (error.message) return error.message;
    return t(error.status >= 500 ? "error.server" : "error.unexpected");
  }
  return t("error.unexpected");
}

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div role="alert" class="notice error">
      <p>{errorText(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t("common.try_again")}
        </button>
      )}
    </div>
  );
}

export type Loaded<T> = { data?: T; error?: unknown; loading: boolean; reload: () => void; setData: (data: T) => void };

/** Loads data once (and on reload()), with the state a page needs to show it. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  // Only the latest load may land: a slow answer to an earlier one is dropped.
  const latest = useRef(0);
  const run = useCallback(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    load().then(
      (data) => ticket === latest.current && setState({ data, loading: false }),
      (error: unknown) => ticket === latest.current && setState({ error, loading: false }),
    );
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run, setData: (data: T) => setState({ data, loading: false }) };
}

/** Shows loading, an error with "try again", or the content. */
export function Loaded<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error !== undefined) return <LoadError error={state.error} retry={state.reload} />;
  return <Loading />;
}

/** One page of a list as the API gives it: how many there are in all, and this page's. */
export type ListPage<T> = { count: number; results: T[] };

export type Paged<T> = {
  state: Loaded<{ count: number; results: T[]; pages: number }>;
  /** Whether more pages are to be had. */
  more: boolean;
  /** Fetching the next page (the button says so) or why it failed. */
  next: { loading: boolean; error: unknown };
  loadMore: () => Promise<void>;
  /** Replace one loaded item (after a change), keeping the pages loaded. */
  replace: (test: (item: T) => boolean, item: T) => void;
};

/** A list shown a page at a time: the first page on load (and when ``deps`` change), the
 * next one added below on loadMore(), without fetching again what is already shown. */
export function usePaged<T>(loadPage: (page: number) => Promise<ListPage<T>>, deps: unknown[]): Paged<T> {
  const state = useLoad(() => loadPage(1).then((page) => ({ ...page, pages: 1 })), deps);
  const [next, setNext] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const data = state.data;
  const loadMore = async () => {
    if (!data || data.results.length >= data.count || next.loading) return;
    setNext({ loading: true, error: null });
    try {
      const page = await loadPage(data.pages + 1);
      state.setData({ count: page.count, results: [...data.results, ...page.results], pages: data.pages + 1 });
      setNext({ loading: false, error: null });
    } catch (error) {
      setNext({ loading: false, error });
    }
  };
  const replace = (test: (item: T) => boolean, item: T) => {
    if (data) state.setData({ ...data, results: data.results.map((old) => (test(old) ? item : old)) });
  };
  return { state, more: Boolean(data && data.results.length < data.count), next, loadMore, replace };
}

/** The "show more" button of a paged list, with its progress and its error. */
export function MoreButton<T>({ paged, label }: { paged: Paged<T>; label: string }) {
  return (
    <>
      {paged.next.error !== null && (
        <p role="alert" class="notice error">
          {errorText(paged.next.error)}
        </p>
      )}
      {paged.more && (
        <button type="button" class="secondary" onClick={() => void paged.loadMore()} disabled={paged.next.loading} aria-busy={paged.next.loading}>
          {label}
        </button>
      )}
    </>
  );
}
