import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
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
  const run = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    load().then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => setState({ error, loading: false }),
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
