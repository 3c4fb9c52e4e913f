/** Sign-in and the signed-in person's own pages, loaded as their own chunk. */
export { SignInPage, SignUpPage } from "./account/SignIn";
export { MyRegistrationsPage } from "./account/MyRegistrations";
export { MyCalendarPage } from "./account/MyCalendar";
