"""The shape of "my data" (docs/privacy.md, "A family's own data"): explicit fields, so the
export stays the same from one release to the next."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events_api.core.serializers import TranslationsField

OTHER_HELP = _(
    "Rows that modules built on the core hold, by kind (call_outcomes; for an account also "
    "committee_memberships and committee_rsvps)."
)


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "object"}},
        "example": {"call_outcomes": [{"outcome": "reached", "note": ""}]},
    }
)
class OtherField(serializers.JSONField):
    pass


class EventDataSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = TranslationsField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    timezone = serializers.CharField()
    school = serializers.CharField(source="school.name", default=None, allow_null=True)
    address = serializers.CharField()
    room = serializers.CharField()
    online_url = serializers.CharField()


class InterpreterRequestDataSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    language = serializers.CharField(source="language_id")
    mode = serializers.CharField()
    people = serializers.IntegerField()
    note = serializers.CharField()
    late = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    cancelled_at = serializers.DateTimeField(allow_null=True)


class MessageDataSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    channel = serializers.CharField()
    language = serializers.CharField()
    status = serializers.CharField()
    created_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)
    subject = serializers.CharField(
        help_text=_("Emptied once sent: the outbox keeps no second copy of the text.")
    )
    body = serializers.CharField()


class RegistrationDataSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    event = EventDataSerializer()
    status = serializers.CharField()
    waitlist_position = serializers.IntegerField(allow_null=True)
    pass_code = serializers.CharField()
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    channel = serializers.CharField()
    adults = serializers.IntegerField()
    children = serializers.IntegerField()
    preferred_language = serializers.CharField(source="preferred_language_id")
    interpreter_language = serializers.CharField(source="interpreter_language_id", allow_null=True)
    childcare_ages = serializers.ListField(child=serializers.IntegerField())
    accessibility = serializers.ListField(child=serializers.CharField())
    accessibility_notes = serializers.CharField()
    source = serializers.CharField()
    organization = serializers.CharField(source="organization.name", default=None, allow_null=True)
    consent_at = serializers.DateTimeField(allow_null=True)
    # What the family agreed to when a CBO registered it: the text as it was shown.
    consent_version = serializers.CharField()
    consent_language = serializers.CharField()
    consent_text = serializers.CharField()
    created_at = serializers.DateTimeField()
    cancelled_at = serializers.DateTimeField(allow_null=True)
    checked_in_at = serializers.DateTimeField(allow_null=True)
    interpreter_requests = InterpreterRequestDataSerializer(source="export_requests", many=True)
    messages = MessageDataSerializer(source="export_messages", many=True)
    other = OtherField(source="export_other", help_text=OTHER_HELP)


class GuestDataSerializer(serializers.Serializer):
    generated_at = serializers.DateTimeField()
    registration = RegistrationDataSerializer()


class ProfileDataSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.CharField()
    display_name = serializers.CharField()
    phone = serializers.CharField()
    preferred_language = serializers.CharField(source="preferred_language_id", allow_null=True)
    preferred_channel = serializers.CharField()
    date_joined = serializers.DateTimeField()
    last_login = serializers.DateTimeField(allow_null=True)


class InterpreterDataSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    agency = serializers.CharField()
    languages = serializers.SerializerMethodField()
    modes = serializers.SerializerMethodField()
    active = serializers.BooleanField()
    notes = serializers.CharField()

    def get_languages(self, interpreter) -> list[str]:
        return sorted(language.pk for language in interpreter.languages.all())

    def get_modes(self, interpreter) -> list[str]:
        return sorted(mode.mode for mode in interpreter.modes.all())


class AccountDataSerializer(serializers.Serializer):
    generated_at = serializers.DateTimeField()
    profile = ProfileDataSerializer()
    registrations = RegistrationDataSerializer(many=True)
    interpreter = InterpreterDataSerializer(
        allow_null=True, help_text=_("The interpreter roster entry, if any.")
    )
    other = OtherField(help_text=OTHER_HELP)


class EraseAccountSerializer(serializers.Serializer):
    confirm = serializers.CharField(help_text=_('Must be "erase".'))


class AccessWhoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="display_name")
    email = serializers.EmailField()


class AccessRecordSerializer(serializers.Serializer):
    """One look at an event's registrants' data, as its organisers see it."""

    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    kind = serializers.CharField()
    label = serializers.CharField(source="get_kind_display")
    who = AccessWhoSerializer(source="user", allow_null=True)
    count = serializers.IntegerField(help_text="How many people it showed.")
    registration = serializers.IntegerField(source="registration_id", allow_null=True)
    filters = serializers.JSONField()
    client_address = serializers.CharField()
    user_agent = serializers.CharField()


class LookSerializer(serializers.Serializer):
    """That (not who) a family's registration was looked at."""

    at = serializers.DateTimeField()
    kind = serializers.CharField()
    label = serializers.CharField(source="get_kind_display")


class LooksSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    looks = LookSerializer(many=True)
