/** A committee chair's desk, loaded as its own chunk with its own strings: the committees they run, the month's meetings, one-off meetings and series, one occurrence moved or cancelled, attendance with quorum. */
import "./chair.css";
export { ChairCommitteesPage } from "./chair/Committees";
export { ChairCalendarPage } from "./chair/Calendar";
export { ChairMeetingFormPage } from "./chair/MeetingForm";
export { ChairMeetingPage } from "./chair/Meeting";
export { ChairAttendancePage } from "./chair/Attendance";
