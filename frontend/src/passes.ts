/** Passes kept on this device, so the code and QR still show at the school door with no
 * signal. Saved when a registration is made or its manage page opened; removed when it is
 * cancelled. Only what the pass shows is kept, in this browser's storage. */
import type { Event, Registration } from "./api/client";

export type SavedPass = {
  token: string;
  registration: Pick<Registration, "id" | "status" | "waitlist_position" | "pass_code" | "name" | "adults" | "children" | "event">;
  event: Pick<
    Event,
    "id" | "title" | "title_translations" | "starts_at" | "ends_at" | "timezone" | "school" | "address" | "room" | "online_url"
  >;
  qrSvg: string;
  savedAt: string;
};

const PREFIX = "od.pass.";

export function savePass(pass: SavedPass): void {
  try {
    localStorage.setItem(PREFIX + pass.token, JSON.stringify(pass));
  } catch {
    // Storage full or disabled: the pass still shows online.
  }
}

export function loadPass(token: string): SavedPass | null {
  try {
    const raw = localStorage.getItem(PREFIX + token);
    return raw ? (JSON.parse(raw) as SavedPass) : null;
  } catch {
    return null;
  }
}

export function forgetPass(token: string): void {
  try {
    localStorage.removeItem(PREFIX + token);
  } catch {
    // Nothing was kept.
  }
}

export function passQrPath(token: string): string {
  return `/api/v1/registrations/manage/${encodeURIComponent(token)}/pass.svg`;
}

export async function fetchQrSvg(token: string): Promise<string> {
  const response = await fetch(passQrPath(token), { credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  return response.text();
}

export function managePath(token: string, fresh = false): string {
  return `/manage${fresh ? "?new=1" : ""}#${encodeURIComponent(token)}`;
}
