/** The committees area, loaded as its own chunk: the public list, a committee, a meeting
 * with its agenda, minutes and RSVP, accepting an invitation. */
import "./committees.css";

export { CommitteesPage } from "./committees/CommitteesPage";
export { CommitteePage } from "./committees/CommitteePage";
export { MeetingPage } from "./committees/MeetingPage";
export { InvitationPage } from "./committees/InvitationPage";
