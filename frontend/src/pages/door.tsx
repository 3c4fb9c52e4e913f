/** The check-in pages at the door, for organisers and door volunteers, loaded as their own
 * chunk (the QR decoder only when first needed). */
import "./door.css";

export { DoorPage } from "./door/CheckIn";
export { DoorEventsPage } from "./door/Events";
