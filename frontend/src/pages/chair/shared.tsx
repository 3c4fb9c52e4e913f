/** What the chair's pages share: the API's shapes, the sign-in gate, "is this committee
 * mine to run" (the API decides; a refusal reads "not allowed" and shows no data), and the
 * meeting's time in the committee's own zone. */
import type { ComponentChildren } from "preact";
import { ApiError, api, unwrap, type Committee, type Meeting, type Profile, type Schemas } from "../../api/client";
import { Loaded, useLoad, type Loaded as LoadedState } from "../../components/Status";
import { formatEventTime, t } from "../../i18n";
import { SignedIn } from "../account/shared";

export type Member = Schemas["Member"];
export type Series = Schemas["Series"];
export type { Committee, Meeting };

const ALL = 200;

/** Signed in, whatever the role: each committee's chairs are found by the API. */
export function ChairGate({ heading, children }: { heading: string; children: (profile: Profile) => ComponentChildren }) {
  return <SignedIn heading={heading}>{children}</SignedIn>;
}

export function loadCommittee(id: string | number): Promise<Committee> {
  return unwrap(api.GET("/api/v1/committees/{id}/", { params: { path: { id: String(id) } } }));
}

export function loadMembers(id: string | number): Promise<Member[]> {
  return unwrap(
    api.GET("/api/v1/committees/{id}/members/", { params: { path: { id: String(id) }, query: { page_size: ALL } } }),
  ).then((page) => page.results);
}

export function loadMeeting(id: string | number): Promise<Meeting> {
  return unwrap(api.GET("/api/v1/meetings/{id}/", { params: { path: { id: String(id) } } }));
}

/** Whether the reader runs the committee (chair, co-chair or secretary): the API says. */
export function manages(committee: Committee): boolean {
  return committee.can_manage;
}

export type Desk = { committee: Committee };

/** The committee, if the reader runs it; a 403 ApiError if not (a 404 stays a 404). */
export async function loadDesk(id: string | number): Promise<Desk> {
  const committee = await loadCommittee(id);
  if (!manages(committee)) throw new ApiError(403, "permission_denied", "");
  return { committee };
}

/** A refusal in words: not allowed (403), or not found for this reader (404), no data. */
export function NotAllowed() {
  return (
    <div class="notice error" role="alert">
      <p>{t("chair.not_allowed")}</p>
      <p>
        <a href="/chair">{t("chair.back_to_committees")}</a>
      </p>
    </div>
  );
}

export function refused(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

/** Loaded, with the page's heading until the data is there; a 403/404 reads "not
 * allowed" instead of the bare error. */
export function DeskLoaded<T>({
  state,
  heading,
  children,
}: {
  state: LoadedState<T>;
  heading: string;
  children: (data: T) => ComponentChildren;
}) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  return (
    <>
      <h1>{heading}</h1>
      {refused(state.error) ? <NotAllowed /> : <Loaded state={state}>{children}</Loaded>}
    </>
  );
}

/** A meeting with its committee, if the reader runs the committee. */
export async function loadMeetingDesk(id: string): Promise<Desk & { meeting: Meeting }> {
  const meeting = await loadMeeting(id);
  const { committee } = await loadDesk(meeting.committee);
  return { meeting, committee };
}

export function useDesk(id: string, profile: Profile) {
  return useLoad(() => loadDesk(id), [id, profile.id]);
}

export function meetingTime(meeting: Meeting): string {
  return formatEventTime(meeting.starts_at, meeting.ends_at, meeting.timezone);
}

export function StatusBadge({ meeting }: { meeting: Meeting }) {
  if (meeting.status === "cancelled") return <span class="badge cancelled">{t("chair.status_cancelled")}</span>;
  if (meeting.status === "draft") return <span class="badge full">{t("chair.status_draft")}</span>;
  return null;
}

export function LateBadge({ meeting }: { meeting: Meeting }) {
  if (!meeting.late_notice || meeting.status === "cancelled") return null;
  return <span class="badge full">{t("chair.late_badge")}</span>;
}

/** The meeting's place in one line. */
export function placeOf(meeting: Meeting): string {
  return [meeting.school?.name, meeting.room, meeting.address].filter(Boolean).join(" · ");
}
