/** Pages for staff of community organisations who register families, loaded as their own
 * chunk. */
export { CboRegisterPage } from "./cbo/Register";
export { CboRegistrationsPage } from "./cbo/Registrations";
