/** Check-ins made while the school's Wi-Fi is down wait in this device's storage (a reload
 * keeps them) and are sent when the network returns: strictly in the order they were made,
 * one at a time, each removed from the queue once the server has answered it. A repeat is
 * harmless: each check-in carries its own random key, and the API answers the same
 * check-in sent again (its answer lost on the way back) as "checked in", not "already
 * checked in". Two tabs do not send at once: the Web
 * Locks API serialises them where the browser has it. */
import { ApiError, api, type Schemas, unwrap } from "../../api/client";
import { store } from "../../store";

export type CheckInResult = Schemas["CheckInResult"];

export type Queued = { key: string; event: number; code: string; at: string };

/** What became of a check-in sent from the queue. */
export type Sent = { item: Queued; result?: CheckInResult; error?: ApiError };

const KEY = "od.door.queue";

function read(): Queued[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(raw) ? (raw as Queued[]) : [];
  } catch {
    return [];
  }
}

function write(items: Queued[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
  queued.set(items);
}

/** The check-ins waiting to be sent (all events), oldest first. */
export const queued = store<Queued[]>(read());

// Another tab changed the queue.
window.addEventListener("storage", (event) => {
  if (event.key === KEY) queued.set(read());
});

/** A random key for one check-in: 32 hex digits (getRandomValues works without HTTPS too). */
export function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function enqueue(event: number, code: string, key: string = newKey()): Queued {
  const item = { key, event, code, at: new Date().toISOString() };
  write([...read(), item]);
  return item;
}

export function checkIn(event: number, code: string, key: string): Promise<CheckInResult> {
  return unwrap(api.POST("/api/v1/events/{id}/check-in/", { params: { path: { id: String(event) } }, body: { code, key } }));
}

/** Whether to keep the check-in and try again later: no network, the server is down, or
 * the session has lapsed (signing in again sends it). Any other answer is final. */
export function retryLater(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 429;
}

let sending = false;

async function sendAll(onSent: (sent: Sent) => void): Promise<void> {
  for (;;) {
    // Read afresh each time: another tab may have sent some meanwhile.
    const [head] = read();
    if (!head) return;
    let sent: Sent;
    try {
      sent = { item: head, result: await checkIn(head.event, head.code, head.key) };
    } catch (error) {
      if (retryLater(error)) return;
      sent = { item: head, error: error as ApiError };
    }
    write(read().filter((item) => item.key !== head.key));
    onSent(sent);
  }
}

/** Sends what waits, in order, stopping at the first that must wait longer. */
export async function flush(onSent: (sent: Sent) => void): Promise<void> {
  if (sending || !read().length) return;
  sending = true;
  try {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (locks) await locks.request("od-door-queue", () => sendAll(onSent));
    else await sendAll(onSent);
  } finally {
    sending = false;
  }
}
