"""Who may see a call list and record what came of a call. The list holds names and phone
numbers, so it is shown only to those who make or organise the calls:

- an event's list: those who manage the event (its organisers, a meeting's chair,
  co-chair or secretary; platform administrators, i.e. superusers), all of it; and CBO
  staff, only the families their own organisation registered (the CBO worker calls
  them in their language);
- a committee's list: its chair, co-chairs and secretary (and superusers).

Someone who may see the event or the committee but not its list gets 403; someone who may
not see it at all gets 404 (the views decide that with the core's visibility rules)."""

from dataclasses import dataclass

from committees import rules as committee_rules
from events_api.events.rules import can_manage_event
from events_api.people.queries import organization_ids_of
from events_api.people.roles import Role, has_role


@dataclass(frozen=True)
class Scope:
    """The part of a list someone may see: everything (``organizations`` None), or only
    the registrations these organisations made (and then no committee members)."""

    organizations: frozenset[int] | None = None

    @property
    def everything(self) -> bool:
        return self.organizations is None


EVERYTHING = Scope()


def event_scope(user, event) -> Scope | None:
    """What of ``event``'s call list ``user`` may see and record calls for; None: nothing."""
    if not getattr(user, "is_authenticated", False):
        return None
    if can_manage_event(user, event):
        return EVERYTHING
    organizations = organization_ids_of(user)
    if organizations and has_role(user, Role.CBO_STAFF):
        return Scope(organizations=frozenset(organizations))
    return None


def may_call_committee(user, committee) -> bool:
    """The committee's chair, co-chairs and secretary (and superusers)."""
    return getattr(user, "is_authenticated", False) and committee_rules.is_manager(user, committee)
