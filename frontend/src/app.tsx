import { useEffect } from "preact/hooks";
import { Layout } from "./components/Layout";
import { loadArea } from "./i18n";
import { chosen } from "./locale";
import { LanguagePage } from "./pages/LanguagePage";
import { EventPage } from "./pages/EventPage";
import { HomePage } from "./pages/HomePage";
import { ManagePage } from "./pages/ManagePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { RegisterPage } from "./pages/RegisterPage";
import { focusHeading, lazy, match, type Route, useLocation } from "./router";
import { useStore } from "./store";

// Families' pages are in the main bundle; the rest load as their own chunks on first use.
const committees = () => import("./pages/committees");
const account = () => import("./pages/account");
const cbo = () => import("./pages/cbo");
// Staff consoles with catalogues of their own: the strings come with the page.
const organiser = () =>
  Promise.all([import("./pages/organiser"), loadArea("staff"), loadArea("print")]).then(([m]) => m);
const interpreting = () => Promise.all([import("./pages/interpreting"), loadArea("staff")]).then(([m]) => m);
const door = () =>
  Promise.all([import("./pages/door"), loadArea("staff"), loadArea("verify")]).then(([m]) => m);
const builder = () =>
  Promise.all([import("./pages/builder"), loadArea("builder"), loadArea("staff")]).then(([m]) => m);
const chair = () =>
  Promise.all([import("./pages/chair"), loadArea("chair"), loadArea("print")]).then(([m]) => m);
const records = () => Promise.all([import("./pages/records"), loadArea("records")]).then(([m]) => m);
// Parent cards: the issuers' console, and the page a card's QR code opens (anyone).
const cards = () => Promise.all([import("./pages/cards"), loadArea("cards"), loadArea("print")]).then(([m]) => m);
const verify = () => Promise.all([import("./pages/verify"), loadArea("verify")]).then(([m]) => m);

export const ROUTES: readonly Route[] = [
  { pattern: "/", page: HomePage },
  { pattern: "/events/:id", page: EventPage },
  { pattern: "/events/:id/register", page: RegisterPage },
  { pattern: "/manage", page: ManagePage },
  { pattern: "/language", page: LanguagePage },
  { pattern: "/committees", page: lazy(() => committees().then((m) => ({ default: m.CommitteesPage }))) },
  { pattern: "/committees/:id", page: lazy(() => committees().then((m) => ({ default: m.CommitteePage }))) },
  { pattern: "/meetings/:id", page: lazy(() => committees().then((m) => ({ default: m.MeetingPage }))) },
  { pattern: "/invitations/accept", page: lazy(() => committees().then((m) => ({ default: m.InvitationPage }))) },
  { pattern: "/account/sign-in", page: lazy(() => account().then((m) => ({ default: m.SignInPage }))) },
  { pattern: "/account/signup", page: lazy(() => account().then((m) => ({ default: m.SignUpPage }))) },
  { pattern: "/me/registrations", page: lazy(() => account().then((m) => ({ default: m.MyRegistrationsPage }))) },
  { pattern: "/me/calendar", page: lazy(() => account().then((m) => ({ default: m.MyCalendarPage }))) },
  { pattern: "/cbo/register", page: lazy(() => cbo().then((m) => ({ default: m.CboRegisterPage }))) },
  { pattern: "/cbo/registrations", page: lazy(() => cbo().then((m) => ({ default: m.CboRegistrationsPage }))) },
  { pattern: "/organiser", page: lazy(() => organiser().then((m) => ({ default: m.OrganiserSummitsPage }))) },
  { pattern: "/organiser/summits/new", page: lazy(() => builder().then((m) => ({ default: m.BuilderSummitNewPage }))) },
  { pattern: "/organiser/summits/:id/build", page: lazy(() => builder().then((m) => ({ default: m.BuilderSummitPage }))) },
  { pattern: "/organiser/summits/:id/sessions/new", page: lazy(() => builder().then((m) => ({ default: m.BuilderSessionPage }))) },
  { pattern: "/organiser/sessions/:id/edit", page: lazy(() => builder().then((m) => ({ default: m.BuilderSessionPage }))) },
  { pattern: "/organiser/summits/:id", page: lazy(() => organiser().then((m) => ({ default: m.OrganiserDashboardPage }))) },
  { pattern: "/organiser/sessions/:id/attendees", page: lazy(() => organiser().then((m) => ({ default: m.OrganiserAttendeesPage }))) },
  { pattern: "/interpreting", page: lazy(() => interpreting().then((m) => ({ default: m.DemandBoardPage }))) },
  { pattern: "/interpreting/roster", page: lazy(() => interpreting().then((m) => ({ default: m.RosterPage }))) },
  { pattern: "/interpreting/coverage", page: lazy(() => interpreting().then((m) => ({ default: m.CoveragePage }))) },
  { pattern: "/me/jobs", page: lazy(() => interpreting().then((m) => ({ default: m.MyJobsPage }))) },
  { pattern: "/chair", page: lazy(() => chair().then((m) => ({ default: m.ChairCommitteesPage }))) },
  { pattern: "/chair/committees/:id", page: lazy(() => chair().then((m) => ({ default: m.ChairCalendarPage }))) },
  { pattern: "/chair/committees/:id/meetings/new", page: lazy(() => chair().then((m) => ({ default: m.ChairMeetingFormPage }))) },
  { pattern: "/chair/meetings/:id", page: lazy(() => chair().then((m) => ({ default: m.ChairMeetingPage }))) },
  { pattern: "/chair/meetings/:id/attendance", page: lazy(() => chair().then((m) => ({ default: m.ChairAttendancePage }))) },
  { pattern: "/chair/committees/:id/members", page: lazy(() => records().then((m) => ({ default: m.RecordsMembersPage }))) },
  { pattern: "/chair/meetings/:id/agenda", page: lazy(() => records().then((m) => ({ default: m.RecordsAgendaPage }))) },
  { pattern: "/chair/meetings/:id/minutes", page: lazy(() => records().then((m) => ({ default: m.RecordsMinutesPage }))) },
  { pattern: "/cards", page: lazy(() => cards().then((m) => ({ default: m.CardsPage }))) },
  { pattern: "/cards/verify", page: lazy(() => verify().then((m) => ({ default: m.CardVerifyPage }))) },
  { pattern: "/door", page: lazy(() => door().then((m) => ({ default: m.DoorEventsPage }))) },
  { pattern: "/door/:id", page: lazy(() => door().then((m) => ({ default: m.DoorPage }))) },
];

export function App() {
  const { path } = useLocation();
  const { language, confirmed } = useStore(chosen);
  useEffect(focusHeading, [path, language.code, confirmed]);

  // First visit: the language comes before anything else.
  if (!confirmed) {
    return (
      <Layout bare>
        <LanguagePage />
      </Layout>
    );
  }
  const found = match(ROUTES, path);
  const Page = found?.page ?? NotFoundPage;
  // Keyed by path and language, so a page refetches its content in the new language.
  return (
    <Layout>
      <Page key={`${path}|${language.code}`} params={found?.params ?? {}} />
    </Layout>
  );
}
