/** Sign-in through allauth headless's browser client: the session cookie plus CSRF. After
 * any change the profile (/api/v1/me/, with roles and organisations) is reloaded. */
import { store } from "../store";
import { ApiError, api, commonHeaders, type Profile, unwrap } from "./client";

const BASE = "/_allauth/browser/v1";

/** undefined while unknown, null when nobody is signed in. */
export const session = store<Profile | null | undefined>(undefined);

type AllauthBody = {
  status?: number;
  errors?: { message: string; code: string; param?: string }[];
  meta?: { is_authenticated?: boolean };
  data?: { flows?: { id: string; is_pending?: boolean }[] };
};

function toError(status: number, body: AllauthBody): ApiError {
  const fields: Record<string, string[]> = {};
  let message = "";
  for (const error of body.errors ?? []) {
    if (error.param) (fields[error.param] ??= []).push(error.message);
    else message ||= error.message;
  }
  const first = body.errors?.[0];
  return new ApiError(status, first?.code ?? "unexpected", message || first?.message || "", fields);
}

async function call(method: string, path: string, body?: object): Promise<AllauthBody & { httpStatus: number }> {
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      credentials: "same-origin",
      headers: { ...commonHeaders(method), "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, "network", "");
  }
  let parsed: AllauthBody = {};
  try {
    parsed = (await response.json()) as AllauthBody;
  } catch {
    parsed = {};
  }
  if (response.status >= 400 && response.status !== 401) throw toError(response.status, parsed);
  return { ...parsed, httpStatus: response.status };
}

const RETRIES = 3;

/** Asks the server who is signed in. A dropped connection or a busy server is not an
 * answer: it is asked again (after 1, 2, 3 s) before the page says "sign in". */
export async function refreshSession(attempt = 0): Promise<void> {
  try {
    const result = await call("GET", "/auth/session");
    session.set(result.meta?.is_authenticated ? await unwrap(api.GET("/api/v1/me/")) : null);
  } catch (error) {
    const transient = error instanceof ApiError && (error.status === 0 || error.status >= 500);
    if (transient && attempt < RETRIES) {
      setTimeout(() => void refreshSession(attempt + 1), 1000 * (attempt + 1));
      return;
    }
    session.set(null);
  }
}

async function signedIn(result: AllauthBody & { httpStatus: number }): Promise<boolean> {
  if (result.meta?.is_authenticated) {
    await refreshSession();
    return true;
  }
  return false;
}

export async function signIn(email: string, password: string): Promise<boolean> {
  const result = await call("POST", "/auth/login", { email, password });
  if (await signedIn(result)) return true;
  throw new ApiError(400, "invalid_credentials", "");
}

export async function signUp(email: string, password: string): Promise<boolean> {
  return signedIn(await call("POST", "/auth/signup", { email, password }));
}

/** Sends a sign-in code to the address (allauth says nothing about whether it exists). */
export async function requestCode(email: string): Promise<void> {
  await call("POST", "/auth/code/request", { email });
}

export async function confirmCode(code: string): Promise<boolean> {
  const result = await call("POST", "/auth/code/confirm", { code });
  if (await signedIn(result)) return true;
  throw new ApiError(400, "invalid_code", "");
}

export async function signOut(): Promise<void> {
  await call("DELETE", "/auth/session");
  session.set(null);
}
