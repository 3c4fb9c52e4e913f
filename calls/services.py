"""Writes: recording what came of a call."""

from django.db import transaction

from calls import lists, queries
from calls.errors import (
    AskedToStop,
    NoPhoneNumber,
    NotOnCallList,
    PersonRequired,
    UnknownPerson,
)
from calls.models import CallAttempt
from calls.rules import Scope
from events_api.events.models import Event, Registration
from events_api.people.models import User


def record_call(
    *,
    event: Event,
    scope: Scope,
    person: lists.PersonRef,
    outcome: str,
    note: str = "",
    by,
    committee=None,
    members_only: bool = False,
) -> lists.Person:
    """Record one call to ``person`` about ``event`` (earlier calls are kept; the latest
    counts) and return the person as the list now shows them. Only someone on the list
    ``scope`` and ``members_only`` describe, with a number, may be recorded. The attempt
    names the committee when the person is one of its current members, so that "asked to
    stop" keeps them off every list of it.

    Raises PersonRequired (neither or both of registration and member), UnknownPerson (no
    such registration or account), NotOnCallList, NoPhoneNumber, AskedToStop (they asked
    already: not called again). Writes nothing when it raises."""
    if (person.registration is None) == (person.member is None):
        raise PersonRequired()
    model = Registration if person.registration is not None else User
    if not model.objects.filter(pk=person.registration or person.member).exists():
        raise UnknownPerson()
    found = _on_list(event, scope, person, committee, members_only).find(person.key)
    if found is None:
        raise NotOnCallList()
    section, listed = found
    if section == "stopped":
        raise AskedToStop()
    if section == "no_number":
        raise NoPhoneNumber()
    member_of = None
    if committee is not None and listed.user_id is not None:
        members = queries.current_members(committee.pk).filter(user_id=listed.user_id)
        member_of = committee if members.exists() else None
    with transaction.atomic():
        CallAttempt.objects.create(
            event=event,
            committee=member_of,
            registration_id=listed.registration,
            user_id=listed.user_id,
            outcome=outcome,
            note=note,
            recorded_by=by,
        )
    return _on_list(event, scope, person, committee, members_only).find(person.key)[1]


def _on_list(event, scope, person, committee, members_only) -> lists.CallList:
    return lists.build(
        event=event, scope=scope, committee=committee, members_only=members_only, only=person
    )
