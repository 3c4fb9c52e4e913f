/** Pages for a summit's organisers, loaded as their own chunk: the summits they run, a
 * summit's dashboard (seats, waitlists, interpreters, childcare) and a session's
 * attendees with the CSV export. */
export { OrganiserSummitsPage } from "./organiser/Summits";
export { OrganiserDashboardPage } from "./organiser/Dashboard";
export { OrganiserAttendeesPage } from "./organiser/Attendees";
