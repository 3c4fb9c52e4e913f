/** The typed API client. Types come from the API's OpenAPI schema (schema.d.ts, generated
 * by `npm run schema`; a test fails when it and the server's schema disagree). Every call
 * sends the reader's language and, for writes, the CSRF token of the session cookie. */
import createClient, { type Middleware } from "openapi-fetch";
import { language } from "../i18n";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Event = Schemas["Event"];
export type Registration = Schemas["Registration"];
export type RegistrationCreated = Schemas["RegistrationCreated"];
export type Committee = Schemas["Committee"];
export type Meeting = Schemas["Meeting"];
export type Language = Schemas["Language"];
export type Profile = Schemas["Profile"];

/** The API's one error shape, plus the two a browser adds: no network, and a body that
 * was not ours (a proxy's error page). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export function cookie(name: string): string {
  const found = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
}

export function commonHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { "Accept-Language": language().code };
  if (method !== "GET" && method !== "HEAD") headers["X-CSRFToken"] = cookie("csrftoken");
  return headers;
}

const languageAndCsrf: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(commonHeaders(request.method))) {
      request.headers.set(name, value);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(languageAndCsrf);

type Fields = Record<string, string[] | string>;
type ErrorBody = { code?: string; message?: string; fields?: Fields };

/** Field errors by name; nested ones (a list of windows, an object) get dotted names,
 * "availability.0.ends_at", instead of reading "[object Object]". */
function normaliseFields(fields: unknown, prefix = "", out: Record<string, string[]> = {}): Record<string, string[]> {
  const add = (name: string, message: string) => (out[name] ??= []).push(message);
  if (fields === null || fields === undefined) return out;
  if (typeof fields !== "object") {
    add(prefix, String(fields));
  } else if (Array.isArray(fields)) {
    fields.forEach((item, index) =>
      typeof item === "object" && item !== null ? normaliseFields(item, `${prefix}.${index}`, out) : add(prefix, String(item)),
    );
  } else {
    for (const [name, value] of Object.entries(fields)) normaliseFields(value, prefix ? `${prefix}.${name}` : name, out);
  }
  return out;
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body ?? {}) as ErrorBody;
  if (typeof error.code === "string" && typeof error.message === "string") {
    return new ApiError(status, error.code, error.message, normaliseFields(error.fields));
  }
  return new ApiError(status, "unexpected", "");
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call, or an ApiError (a network failure is code "network"). */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, "network", "");
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as T;
}
