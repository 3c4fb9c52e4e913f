/** /chair/meetings/:id/attendance: a tap list of the members (present / absent / excused)
 * and the quorum, live: each tap is sent at once and the API's count comes back into the
 * announced line, without a reload. */
import type { PageProps } from "../../router";
import { useState } from "preact/hooks";
import { api, unwrap, type Profile, type Schemas } from "../../api/client";
import { errorText } from "../../components/Status";
import { t, tn } from "../../i18n";
import { ChairGate, DeskLoaded, loadMeetingDesk, loadMembers, meetingTime, type Committee, type Meeting, type Member } from "./shared";
import { useLoad } from "../../components/Status";

type Status = Schemas["AttendanceStatusEnum"];
type Quorum = Schemas["Quorum"];
const STATUSES: Status[] = ["present", "absent", "excused"];

async function loadSheet(id: string) {
  const desk = await loadMeetingDesk(id);
  const [members, rows] = await Promise.all([
    loadMembers(desk.committee.id),
    unwrap(api.GET("/api/v1/meetings/{id}/attendance/", { params: { path: { id }, query: { page_size: 200 } } })).then(
      (page) => page.results,
    ),
  ]);
  const marks: Record<number, Status> = {};
  for (const row of rows) marks[row.member] = row.status;
  return { ...desk, members, marks };
}

function required(committee: Committee): number {
  if (committee.quorum_count !== null) return committee.quorum_count;
  return Math.max(1, Math.ceil(Number(committee.quorum_fraction ?? 0.5) * committee.voting_members));
}

function QuorumLine({ committee, members, marks, quorum }: { committee: Committee; members: Member[]; marks: Record<number, Status>; quorum: Quorum | null }) {
  const present = quorum?.present ?? members.filter((m) => m.voting && marks[m.id] === "present").length;
  const needed = quorum?.required ?? required(committee);
  const met = quorum?.met ?? present >= needed;
  return (
    <p class={met ? "chair-quorum met" : "chair-quorum"} role="status" aria-live="polite" aria-atomic="true" id="quorum">
      {tn("chair.quorum_line", committee.voting_members, {
        present,
        required: needed,
        state: t(met ? "chair.quorum_reached" : "chair.quorum_not_reached"),
      })}
    </p>
  );
}

function Sheet({ committee, meeting, members, initial }: { committee: Committee; meeting: Meeting; members: Member[]; initial: Record<number, Status> }) {
  const [marks, setMarks] = useState(initial);
  const [quorum, setQuorum] = useState<Quorum | null>(meeting.quorum.required !== null ? meeting.quorum : null);
  const [pending, setPending] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mark = async (member: Member, status: Status) => {
    setPending(member.id);
    setError(null);
    try {
      const result = await unwrap(
        api.POST("/api/v1/meetings/{id}/attendance/", {
          params: { path: { id: String(meeting.id) } },
          body: { records: [{ member: member.id, status }] },
        }),
      );
      setMarks((old) => ({ ...old, [member.id]: status }));
      setQuorum(result.quorum);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };
  const counted = STATUSES.map((s) => tn(`chair.count_${s}`, Object.values(marks).filter((m) => m === s).length));
  return (
    <>
      <p class="crumbs">
        <a href={`/chair/meetings/${meeting.id}`}>{meeting.title}</a>
      </p>
      <h1>{t("chair.attendance_heading")}</h1>
      <p>
        {meeting.title} · {meetingTime(meeting)}
      </p>
      <QuorumLine committee={committee} members={members} marks={marks} quorum={quorum} />
      <p class="muted">{counted.join(" · ")}</p>
      {error !== null && (
        <p class="notice error" role="alert">
          {errorText(error)}
        </p>
      )}
      <ul class="plain chair-tap-list">
        {members.map((member) => (
          <li key={member.id} class="chair-tap">
            <div class="chair-tap-who">
              <strong id={`member-${member.id}`}>{member.name}</strong>
              <span class="muted">
                {t(`invitation.role.${member.role}`)} · {t(member.voting ? "chair.voting" : "chair.non_voting")}
              </span>
            </div>
            <div class="chair-tap-buttons" role="group" aria-labelledby={`member-${member.id}`}>
              {STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  class={`chair-mark ${status}`}
                  aria-pressed={marks[member.id] === status}
                  disabled={pending === member.id}
                  onClick={() => void mark(member, status)}
                >
                  {t(`chair.mark_${status}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function Desk({ id, profile }: { id: string; profile: Profile }) {
  const sheet = useLoad(() => loadSheet(id), [id, profile.id]);
  return (
    <DeskLoaded state={sheet} heading={t("chair.attendance_heading")}>
      {(data) => <Sheet committee={data.committee} meeting={data.meeting} members={data.members} initial={data.marks} />}
    </DeskLoaded>
  );
}

export function ChairAttendancePage({ params }: PageProps) {
  return <ChairGate heading={t("chair.attendance_heading")}>{(profile) => <Desk id={params.id ?? ""} profile={profile} />}</ChairGate>;
}
