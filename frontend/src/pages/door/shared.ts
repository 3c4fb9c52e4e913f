/** Who the door pages are for: the API decides per event (organisers of it, door
 * volunteers at any). */
export const DOOR_ROLES = ["organiser", "door_volunteer"] as const;
