"""What a call list is about, and who may see it: an event's list (with the part of it
the user may see), or a committee's (its next meeting, kept to its members). Recording a
call and logging an export go through it, so the API and the printable page follow the
same rules."""

from calls import lists, queries, rules
from calls.errors import NoUpcomingMeeting
from calls.services import record_call
from committees.views.common import visible_committee
from events_api.audit import services as audit
from events_api.audit.models import AccessKind
from events_api.core.errors import Forbidden
from events_api.events.errors import EventNotFound
from events_api.events.models import Event
from events_api.events.rules import visible_events_q


class Subject:
    """The list a request is about: an event's (with its scope), or a committee's (its
    next meeting, kept to its members)."""

    def __init__(self, *, event, scope, committee=None, members_only=False):
        self.event = event
        self.scope = scope
        self.committee = committee
        self.members_only = members_only

    def build(self) -> lists.CallList:
        return lists.build(
            event=self.event,
            scope=self.scope,
            committee=self.committee,
            members_only=self.members_only,
        )

    def record(self, person: lists.PersonRef, data: dict, by) -> lists.Person:
        if self.event is None:
            raise NoUpcomingMeeting()
        return record_call(
            event=self.event,
            scope=self.scope,
            person=person,
            outcome=data["outcome"],
            note=data.get("note", ""),
            by=by,
            committee=self.committee,
            members_only=self.members_only,
        )

    def log(self, request, kind: AccessKind, people: int) -> None:
        """Into the access log of personal data: who saw whose phone numbers, how, when.
        A committee with no meeting coming has an empty list: nothing to log."""
        if self.event is None:
            return
        filters = {"list": "calls"}
        if self.members_only:
            filters["committee"] = self.committee.pk
        if not self.scope.everything:
            filters["organizations"] = sorted(self.scope.organizations)
        audit.record(request, kind, event_id=self.event.pk, count=people, filters=filters)

    @property
    def filename(self) -> str:
        if self.members_only:
            return f"committee-{self.committee.pk}-call-list.csv"
        return f"event-{self.event.pk}-call-list.csv"


def event_subject(user, pk) -> Subject:
    """Raises EventNotFound (not an event the user may see) or Forbidden (may see it, may
    not see its call list)."""
    event = (
        Event.objects.filter(visible_events_q(user), pk=pk)
        .select_related("school", "meeting__committee")
        .first()
    )
    if event is None:
        raise EventNotFound()
    scope = rules.event_scope(user, event)
    if scope is None:
        raise Forbidden()
    return Subject(event=event, scope=scope, committee=lists.meeting_committee(event))


def committee_subject(user, pk) -> Subject:
    """Raises CommitteeNotFound or Forbidden, as ``event_subject``."""
    committee = visible_committee(user, pk)
    if not rules.may_call_committee(user, committee):
        raise Forbidden()
    meeting = queries.next_meeting(committee.pk)
    return Subject(
        event=meeting.event if meeting is not None else None,
        scope=rules.EVERYTHING,
        committee=committee,
        members_only=True,
    )
