"""A call list, read afresh each time: who to call (grouped by language, each group with
its script), who cannot be called for want of a number, who asked us to stop, and how far
the calling has come. A handful of queries however long the list.

On an event's list:
- registrations still to come (a seat or a place on the waiting list) whose chosen
  channel is a call (``queries.by_phone_call_q``);
- for a committee meeting, also the committee's current members who chose calls and have
  not answered the meeting (those who answered are there through their registration).

A committee's list is the same list for its next published meeting, kept to its current
members. Someone who asked us to stop is left off: for that event, and a committee member
for every list of that committee."""

from collections import defaultdict
from dataclasses import dataclass, field

from calls import queries, scripts
from calls.models import CallAttempt, Outcome
from calls.rules import Scope
from events_api.events.models import Event, EventStatus, RegistrationStatus
from events_api.notifications.texts import spaced
from events_api.people.language_names import language_name
from events_api.people.models import Language

FALLBACK_LANGUAGE = "en"
TALLIED = [value for value, _label in Outcome.choices if value != Outcome.ASKED_TO_STOP]


@dataclass(frozen=True)
class PersonRef:
    """Who a recorded call was to: a registration, or a member (by account id)."""

    registration: int | None = None
    member: int | None = None

    @property
    def key(self) -> str:
        return f"registration:{self.registration}" if self.registration else f"member:{self.member}"


@dataclass
class Person:
    key: str
    registration: int | None
    member: int | None
    user_id: int | None
    name: str
    phone: str
    language: str
    status: str
    waitlist_position: int | None
    pass_code: str
    adults: int | None
    children: int | None
    interpreter_language: str | None
    childcare_ages: list[int]
    accessibility: list[str]
    organization_name: str | None
    kind: str
    history: list[CallAttempt]
    stopped: bool
    script: list[str] = field(default_factory=list)

    @property
    def attempts(self) -> int:
        return len(self.history)

    @property
    def interpreter_language_name(self) -> str:
        """The interpreter's language named in the active language (the printed page)."""
        code = self.interpreter_language
        return language_name(Language(code=code, name_en=code)) if code else ""

    @property
    def latest(self) -> CallAttempt | None:
        return self.history[-1] if self.history else None

    @property
    def code_read_out(self) -> str:
        """The pass code in two halves, as the pass and the script show it."""
        return spaced(self.pass_code) if self.pass_code else ""

    @property
    def party_size(self) -> int | None:
        return None if self.adults is None else self.adults + (self.children or 0)


@dataclass
class Progress:
    language: str = ""
    total: int = 0
    not_called: int = 0
    reached: int = 0
    voicemail: int = 0
    no_answer: int = 0
    wrong_number: int = 0
    asked_to_stop: int = 0
    no_number: int = 0

    def count(self, person: Person, *, section: str) -> None:
        self.total += 1
        if section == "stopped":
            self.asked_to_stop += 1
        elif section == "no_number":
            self.no_number += 1
        elif person.latest is None:
            self.not_called += 1
        else:
            name = person.latest.outcome
            setattr(self, name, getattr(self, name) + 1)


@dataclass
class Script:
    kind: str
    lines: list[str]


@dataclass
class Group:
    language: str
    language_name: str
    native_name: str
    direction: str
    script_language: str
    scripts: list[Script]
    people: list[Person]
    progress: Progress


@dataclass
class CallList:
    event: Event | None
    committee: object | None
    groups: list[Group]
    no_number: list[Person]
    stopped: list[Person]
    progress: Progress
    progress_by_language: list[Progress]

    @property
    def everyone(self) -> list[Person]:
        return [p for g in self.groups for p in g.people] + self.no_number + self.stopped

    def find(self, key: str) -> tuple[str, Person] | None:
        """(section, person) for the person with ``key``: "call", "no_number", "stopped"."""
        for section, people in (
            ("call", [p for g in self.groups for p in g.people]),
            ("no_number", self.no_number),
            ("stopped", self.stopped),
        ):
            for person in people:
                if person.key == key:
                    return section, person
        return None


def meeting_committee(event: Event | None):
    """The committee whose meeting ``event`` is, or None (``event.meeting`` loaded with
    select_related, or one query)."""
    if event is None:
        return None
    meeting = getattr(event, "meeting", None)  # the reverse one-to-one: None when absent
    return meeting.committee if meeting is not None else None


def build(
    *,
    event: Event | None,
    scope: Scope,
    committee=None,
    members_only: bool = False,
    only: PersonRef | None = None,
) -> CallList:
    """The call list about ``event`` (None: a committee with no meeting coming up; its
    members are listed without a script). ``committee`` is the meeting's committee, if
    any; ``members_only`` keeps the list to its current members (a committee's list);
    ``only`` reads just that person (to check a call before recording it)."""
    registrations, members = _rows(event, scope, committee, members_only, only)
    attempts = _attempts(event)
    stopped_users = set(queries.stopped_members(committee.pk)) if committee is not None else set()
    by_registration, by_user = defaultdict(list), defaultdict(list)
    for attempt in attempts:
        if attempt.registration_id:
            by_registration[attempt.registration_id].append(attempt)
        elif attempt.user_id:
            by_user[attempt.user_id].append(attempt)
    people = [
        _from_registration(r, event, by_registration, by_user, stopped_users) for r in registrations
    ] + [_from_member(m, event, by_user, stopped_users) for m in members]
    for person in people:
        if event is not None and not person.stopped:
            person.script = scripts.lines(
                person.kind,
                event=event,
                committee=committee,
                language=person.language,
                name=person.name,
                code=person.code_read_out,
                position=person.waitlist_position,
            )
    return _arrange(people, event, committee)


def _rows(event, scope, committee, members_only, only):
    registrations, members = [], []
    if event is not None and (only is None or only.registration):
        rows = queries.registrations_to_call(event.pk)
        if not scope.everything:
            rows = rows.filter(organization_id__in=scope.organizations)
        if members_only:
            rows = rows.filter(user__in=queries.current_members(committee.pk).values("user"))
        if only is not None:
            rows = rows.filter(pk=only.registration)
        registrations = list(rows)
    if committee is not None and scope.everything and (only is None or only.member):
        rows = queries.members_to_call(committee.pk, event_id=event.pk if event else None)
        if only is not None:
            rows = rows.filter(user_id=only.member)
        members = list(rows)
    return registrations, members


def _attempts(event) -> list[CallAttempt]:
    return list(queries.attempts_about(event.pk)) if event is not None else []


def _history(*lists) -> list[CallAttempt]:
    seen = {attempt.pk: attempt for attempts in lists for attempt in attempts}
    return sorted(seen.values(), key=lambda a: (a.recorded_at, a.pk))


def _kind(event: Event | None, status: str) -> str:
    if event is not None and event.status == EventStatus.CANCELLED:
        return scripts.CANCELLED
    if status == RegistrationStatus.WAITLISTED:
        return scripts.WAITLIST
    if status == "member":
        return scripts.MEMBER
    return scripts.SEAT


def _from_registration(r, event, by_registration, by_user, stopped_users) -> Person:
    user = r.user if r.user_id else None
    history = _history(by_registration[r.pk], by_user[r.user_id] if r.user_id else [])
    stopped = any(a.outcome == Outcome.ASKED_TO_STOP for a in history) or (
        r.user_id is not None and r.user_id in stopped_users
    )
    return Person(
        key=f"registration:{r.pk}",
        registration=r.pk,
        member=None,
        user_id=r.user_id,
        name=r.name,
        # An account's own number first, as its text messages would use (recipient_of).
        phone=((user.phone if user else "") or r.phone) if not stopped else "",
        language=(user.preferred_language_id if user else r.preferred_language_id)
        or FALLBACK_LANGUAGE,
        status=r.status,
        waitlist_position=r.waitlist_position,
        pass_code=r.pass_code if r.status == RegistrationStatus.CONFIRMED else "",
        adults=r.adults,
        children=r.children,
        interpreter_language=r.interpreter_language_id,
        childcare_ages=list(r.childcare_ages or []),
        accessibility=list(r.accessibility or []),
        organization_name=r.organization.name if r.organization_id else None,
        kind=_kind(event, r.status),
        history=history,
        stopped=stopped,
    )


def _from_member(membership, event, by_user, stopped_users) -> Person:
    user = membership.user
    history = _history(by_user[user.pk])
    stopped = user.pk in stopped_users or any(a.outcome == Outcome.ASKED_TO_STOP for a in history)
    return Person(
        key=f"member:{user.pk}",
        registration=None,
        member=user.pk,
        user_id=user.pk,
        name=user.display_name or user.email.split("@")[0],
        phone=user.phone if not stopped else "",
        language=user.preferred_language_id or FALLBACK_LANGUAGE,
        status="member",
        waitlist_position=None,
        pass_code="",
        adults=None,
        children=None,
        interpreter_language=None,
        childcare_ages=[],
        accessibility=[],
        organization_name=membership.organization.name if membership.organization_id else None,
        kind=_kind(event, "member"),
        history=history,
        stopped=stopped,
    )


def _arrange(people: list[Person], event, committee) -> CallList:
    languages = Language.objects.in_bulk()
    overall = Progress()
    by_language: dict[str, Progress] = {}
    callable_by_language: dict[str, list[Person]] = defaultdict(list)
    no_number, stopped = [], []
    for person in sorted(people, key=lambda p: (p.name.casefold(), p.key)):
        if person.stopped:
            section = "stopped"
            stopped.append(person)
        elif not person.phone:
            section = "no_number"
            no_number.append(person)
        else:
            section = "call"
            callable_by_language[person.language].append(person)
        overall.count(person, section=section)
        by_language.setdefault(person.language, Progress(language=person.language)).count(
            person, section=section
        )
    groups = [
        _group(code, members, languages.get(code), event, committee, by_language[code])
        for code, members in sorted(
            callable_by_language.items(), key=lambda item: (-len(item[1]), item[0])
        )
    ]
    return CallList(
        event=event,
        committee=committee,
        groups=groups,
        no_number=no_number,
        stopped=stopped,
        progress=overall,
        progress_by_language=[by_language[code] for code in sorted(by_language)],
    )


def _group(code, people, language, event, committee, progress) -> Group:
    kinds = {person.kind for person in people}
    return Group(
        language=code,
        language_name=language_name(language) if language else code,
        native_name=language.native_name if language else code,
        direction=language.direction if language else "ltr",
        script_language=scripts.script_language(code),
        scripts=[
            Script(kind, scripts.outline(kind, event=event, committee=committee, language=code))
            for kind in scripts.KINDS
            if kind in kinds and event is not None
        ],
        people=people,
        progress=progress,
    )
