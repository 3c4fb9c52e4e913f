/** A committee's records for its chair, loaded as its own chunk with its own strings: members and invitations, a meeting's agenda, its minutes and their amendments. */
export { RecordsMembersPage } from "./records/Members";
export { RecordsAgendaPage } from "./records/Agenda";
export { RecordsMinutesPage } from "./records/Minutes";
