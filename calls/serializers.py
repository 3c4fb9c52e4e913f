"""The call list as the API gives it (read from ``calls.lists`` dataclasses), and the body
of a recorded call."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from calls.errors import UnknownOutcome
from calls.models import Outcome
from events_api.calendars.event_items import event_location
from events_api.core.i18n import pick
from events_api.core.serializers import StrictFieldsMixin

PERSON_KINDS = ["confirmed", "waitlisted", "member"]
SCRIPT_KINDS = ["seat", "waitlist", "member", "cancelled"]


class CallLatestSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    note = serializers.CharField()
    recorded_at = serializers.DateTimeField()
    recorded_by = serializers.SerializerMethodField()

    def get_recorded_by(self, attempt) -> str | None:
        by = attempt.recorded_by
        return (by.display_name or by.email) if by is not None else None


class CallPersonSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("registration:<id> or member:<account id>"))
    registration = serializers.IntegerField(allow_null=True)
    member = serializers.IntegerField(
        allow_null=True, help_text=_("The account id of a committee member listed as one.")
    )
    name = serializers.CharField()
    phone = serializers.CharField()
    language = serializers.CharField()
    status = serializers.ChoiceField(choices=PERSON_KINDS)
    waitlist_position = serializers.IntegerField(allow_null=True)
    pass_code = serializers.CharField(
        help_text=_("The code for the door, for a confirmed registration; else empty.")
    )
    adults = serializers.IntegerField(allow_null=True)
    children = serializers.IntegerField(allow_null=True)
    party_size = serializers.IntegerField(allow_null=True)
    interpreter_language = serializers.CharField(allow_null=True)
    childcare_ages = serializers.ListField(child=serializers.IntegerField())
    accessibility = serializers.ListField(child=serializers.CharField())
    organization_name = serializers.CharField(allow_null=True)
    attempts = serializers.IntegerField()
    latest = CallLatestSerializer(allow_null=True)
    script = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("What to say to this person, line by line, in their language."),
    )


class CallStoppedPersonSerializer(serializers.Serializer):
    """Someone who asked not to be called again: no number, no script."""

    key = serializers.CharField()
    registration = serializers.IntegerField(allow_null=True)
    member = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    language = serializers.CharField()
    latest = CallLatestSerializer(allow_null=True)


class CallProgressSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    not_called = serializers.IntegerField()
    reached = serializers.IntegerField()
    voicemail = serializers.IntegerField()
    no_answer = serializers.IntegerField()
    wrong_number = serializers.IntegerField()
    asked_to_stop = serializers.IntegerField()
    no_number = serializers.IntegerField()


class CallLanguageProgressSerializer(CallProgressSerializer):
    language = serializers.CharField()


class CallScriptSerializer(serializers.Serializer):
    situation = serializers.ChoiceField(
        choices=SCRIPT_KINDS,
        source="kind",
        help_text=_(
            "Whom the script is for: someone with a seat, on the waiting list, a "
            "committee member, or anyone when the event is cancelled."
        ),
    )
    lines = serializers.ListField(child=serializers.CharField())


class CallGroupSerializer(serializers.Serializer):
    language = serializers.CharField()
    language_name = serializers.CharField()
    native_name = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])
    script_language = serializers.CharField(
        help_text=_("The language the scripts are written in (English where we have none).")
    )
    scripts = CallScriptSerializer(many=True)
    people = CallPersonSerializer(many=True)
    progress = CallProgressSerializer()


class CallEventSerializer(serializers.Serializer):
    """The event the calls are about."""

    id = serializers.IntegerField(source="pk")
    title = serializers.SerializerMethodField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    timezone = serializers.CharField()
    place = serializers.SerializerMethodField()
    status = serializers.CharField()

    def get_title(self, event) -> str:
        return pick(event.title)

    def get_place(self, event) -> str:
        return event_location(event)


class CallCommitteeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.SerializerMethodField()

    def get_name(self, committee) -> str:
        return pick(committee.name)


class CallListSerializer(serializers.Serializer):
    event = CallEventSerializer(
        allow_null=True,
        help_text=_("What the calls are about; null for a committee with no meeting coming up."),
    )
    committee = CallCommitteeSerializer(allow_null=True)
    groups = CallGroupSerializer(many=True)
    no_number = CallPersonSerializer(
        many=True, help_text=_("People on the list with no phone number: reach them another way.")
    )
    stopped = CallStoppedPersonSerializer(
        many=True, help_text=_("People who asked us to stop calling: left off the list.")
    )
    progress = CallProgressSerializer()
    progress_by_language = CallLanguageProgressSerializer(many=True)


@extend_schema_field({"type": "string", "enum": [value for value, _label in Outcome.choices]})
class OutcomeField(serializers.Field):
    """An outcome of the enum; anything else is the domain error ``unknown_outcome``."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or data not in Outcome.values:
            raise UnknownOutcome(fields={"outcome": [str(UnknownOutcome.message)]})
        return data

    def to_representation(self, value):
        return value


class CallRecordSerializer(StrictFieldsMixin, serializers.Serializer):
    """One call: who (a registration, or a member by account id: exactly one), what came
    of it, and a short note."""

    registration = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    member = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    outcome = OutcomeField()
    note = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
