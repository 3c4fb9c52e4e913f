"""Registrations: made, changed, shown to their owners and organisers, and checked in
at the door."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events_api.calendars import links as calendar_links
from events_api.calendars.event_items import event_location
from events_api.core.i18n import request_language
from events_api.core.serializers import LanguageCodeField, StrictFieldsMixin
from events_api.events.models import Accessibility, Registration
from events_api.people.models import Channel as ContactChannel
from events_api.people.models import Organization
from events_api.people.serializers import PhoneField

GUEST_CHANNELS = [
    (ContactChannel.EMAIL.value, ContactChannel.EMAIL.label),
    (ContactChannel.SMS.value, ContactChannel.SMS.label),
    (ContactChannel.PHONE_CALL.value, ContactChannel.PHONE_CALL.label),
]


class NeedsSerializerMixin(serializers.Serializer):
    preferred_language = LanguageCodeField(
        required=False,
        help_text=_(
            "The language messages about this are sent in. Left out: the language of the "
            "interpreter a CBO asked for, else the signed-in person's own, else the "
            "language of the request (?lang=, Accept-Language)."
        ),
    )
    interpreter_language = LanguageCodeField(required=False, allow_null=True, default=None)
    childcare_ages = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        max_length=10,
        default=list,
        help_text=_(
            "Ages (0 to 17) of the children who need childcare during the event, at most "
            "one per child."
        ),
    )
    accessibility = serializers.ListField(
        child=serializers.ChoiceField(choices=Accessibility.choices),
        required=False,
        max_length=len(Accessibility.choices),
        default=list,
    )
    accessibility_notes = serializers.CharField(
        required=False, allow_blank=True, max_length=500, default=""
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        attrs.setdefault("preferred_language", self._reader_language(attrs))
        return attrs

    def _reader_language(self, attrs: dict) -> str:
        """The language a person reads our messages in, when they did not say: a family a
        CBO registers reads the one they need an interpreter in (the staff member's page
        language says nothing about them); a signed-in person the one in their profile;
        anyone else the one they are using now."""
        if attrs.get("organization") is not None and attrs.get("interpreter_language"):
            return attrs["interpreter_language"]
        user = self.context["request"].user
        own = attrs.get("organization") is None and not self.context.get("as_guest")
        if own and user.is_authenticated and user.preferred_language_id:
            return user.preferred_language_id
        return request_language()


class RegistrationCreateSerializer(StrictFieldsMixin, NeedsSerializerMixin):
    """A registration: a name and one way to reach the party, or an account, or a CBO
    registering with the parent's consent. No ID, no status questions, nothing more."""

    name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = PhoneField(required=False, allow_blank=True, default="")
    channel = serializers.ChoiceField(
        choices=GUEST_CHANNELS,
        required=False,
        allow_blank=True,
        default="",
        help_text=_(
            "How to reach a guest: email, sms (a text message) or phone_call. Left out: a "
            "text message when a phone number is given, else email."
        ),
    )
    adults = serializers.IntegerField(min_value=0, max_value=100, default=1)
    children = serializers.IntegerField(min_value=0, max_value=100, default=0)
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("CBO staff: the organisation registering this parent."),
    )
    consent = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("CBO staff: the parent agreed to be registered by the organisation."),
    )
    consent_version = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=20,
        help_text=(
            "CBO staff: the version of the consent text shown to the parent "
            "(GET /api/v1/registrations/consent/{organization_id}/). Required with an "
            "organisation; any other than the current one is refused "
            "(consent_version_unknown)."
        ),
    )
    consent_language = LanguageCodeField(
        ui_only=True,
        required=False,
        allow_blank=True,
        help_text="CBO staff: the language the consent text was shown in.",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = self.context["request"].user
        as_guest = self.context.get("as_guest", False)
        signed_in = user.is_authenticated and not as_guest and attrs.get("organization") is None
        name = (attrs.get("name") or "").strip()
        if not name and signed_in:
            name = user.display_name or user.email.split("@")[0]
        if not name:
            raise serializers.ValidationError({"name": [_("Tell us your name.")]})
        attrs["name"] = name
        has_contact = attrs.get("email") or attrs.get("phone")
        if not (signed_in or has_contact or attrs.get("organization")):
            raise serializers.ValidationError(
                {"phone": [_("Give a phone number or an email address so we can reach you.")]}
            )
        channel = attrs.get("channel")
        if channel == ContactChannel.EMAIL and not attrs.get("email"):
            raise serializers.ValidationError(
                {"email": [_("Give an email address to be reached by email.")]}
            )
        if channel in (ContactChannel.SMS, ContactChannel.PHONE_CALL) and not attrs.get("phone"):
            raise serializers.ValidationError(
                {"phone": [_("Give a phone number to be reached by text message or a call.")]}
            )
        # The party rules (an adult, the size limit, childcare ages) are the service's.
        return attrs


class RegistrationChangeSerializer(StrictFieldsMixin, serializers.Serializer):
    adults = serializers.IntegerField(min_value=0, max_value=100, required=False)
    children = serializers.IntegerField(min_value=0, max_value=100, required=False)
    preferred_language = LanguageCodeField(required=False)
    interpreter_language = LanguageCodeField(required=False, allow_null=True)
    childcare_ages = serializers.ListField(
        child=serializers.IntegerField(), required=False, max_length=10
    )
    accessibility = serializers.ListField(
        child=serializers.ChoiceField(choices=Accessibility.choices),
        required=False,
        max_length=len(Accessibility.choices),
    )
    accessibility_notes = serializers.CharField(required=False, allow_blank=True, max_length=500)


class ConsentTextSerializer(serializers.Serializer):
    """The consent text a CBO staff member shows a family, to send back its version and
    language with the registration."""

    version = serializers.CharField()
    language = serializers.CharField()
    text = serializers.CharField()


class ConsentRecordSerializer(ConsentTextSerializer):
    """What the parent agreed to a CBO registering them: the text as it was shown."""

    at = serializers.DateTimeField()


class RegistrationSerializer(serializers.ModelSerializer):
    """A registration as its registrant, its CBO and the event's organisers see it."""

    event_title = serializers.SerializerMethodField()
    party_size = serializers.IntegerField(read_only=True)
    preferred_language = serializers.CharField(source="preferred_language_id")
    interpreter_language = serializers.CharField(source="interpreter_language_id", allow_null=True)
    organization = serializers.PrimaryKeyRelatedField(read_only=True)
    organization_name = serializers.CharField(
        source="organization.name", default=None, read_only=True
    )
    # When and where, so a family's list of registrations says where to be.
    event_starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)
    event_ends_at = serializers.DateTimeField(source="event.ends_at", read_only=True)
    event_timezone = serializers.CharField(source="event.timezone", read_only=True)
    event_place = serializers.SerializerMethodField()
    consent = serializers.SerializerMethodField()

    class Meta:
        model = Registration
        fields = [
            "id",
            "event",
            "event_title",
            "event_starts_at",
            "event_ends_at",
            "event_timezone",
            "event_place",
            "status",
            "waitlist_position",
            "pass_code",
            "name",
            "email",
            "phone",
            "adults",
            "children",
            "party_size",
            "preferred_language",
            "interpreter_language",
            "childcare_ages",
            "accessibility",
            "accessibility_notes",
            "organization",
            "organization_name",
            "source",
            "consent",
            "created_at",
            "checked_in_at",
        ]
        read_only_fields = fields

    def get_event_title(self, registration) -> str:
        from events_api.core.i18n import pick

        return pick(registration.event.title)

    def get_event_place(self, registration) -> str:
        """Room, school and street, or the online link (the event's school loaded)."""
        return event_location(registration.event)

    @extend_schema_field(ConsentRecordSerializer(allow_null=True))
    def get_consent(self, registration) -> dict | None:
        """The parent's consent to a CBO registering them; null for anyone else."""
        if registration.consent_at is None:
            return None
        return ConsentRecordSerializer(
            {
                "at": registration.consent_at,
                "version": registration.consent_version,
                "language": registration.consent_language,
                "text": registration.consent_text,
            }
        ).data


def manage_url(token: str, request=None) -> str:
    """The API resource of a registration reached by its manage token."""
    return calendar_links.absolute(reverse("registration-manage", args=[token]), request)


def manage_page_url(token: str, request=None) -> str:
    """The frontend page of the registration (``/manage#<token>``): the link to give a
    family."""
    return calendar_links.manage_page_url(token, request)


def pass_qr_url(token: str, request=None) -> str:
    return calendar_links.absolute(reverse("registration-pass", args=[token, "svg"]), request)


class RegistrationCreatedSerializer(RegistrationSerializer):
    """The answer to a new registration: the only time the manage token is shown."""

    manage_token = serializers.SerializerMethodField()
    manage_url = serializers.SerializerMethodField()
    manage_page_url = serializers.SerializerMethodField()
    pass_qr_url = serializers.SerializerMethodField()
    safe_zone = serializers.SerializerMethodField()

    class Meta(RegistrationSerializer.Meta):
        fields = [
            *RegistrationSerializer.Meta.fields,
            "manage_token",
            "manage_url",
            "manage_page_url",
            "pass_qr_url",
            "safe_zone",
        ]
        read_only_fields = fields

    def get_manage_token(self, registration) -> str:
        return self.context["manage_token"]

    def get_manage_url(self, registration) -> str:
        return manage_url(self.context["manage_token"], self.context.get("request"))

    def get_manage_page_url(self, registration) -> str:
        return manage_page_url(self.context["manage_token"], self.context.get("request"))

    def get_pass_qr_url(self, registration) -> str:
        return pass_qr_url(self.context["manage_token"], self.context.get("request"))

    def get_safe_zone(self, registration) -> str:
        """The safe-zone statement, in the answer's language, as on every public page."""
        return gettext(
            "You do not need ID or immigration papers to take part; we never ask for them."
        )


class CheckInSerializer(StrictFieldsMixin, serializers.Serializer):
    code = serializers.CharField(max_length=20)
    key = serializers.RegexField(
        r"^[A-Za-z0-9-]{8,64}$",
        required=False,
        default="",
        help_text=(
            "The device's random key for this check-in (8-64 letters, digits or '-'); "
            "sent again with the same key, it is answered as the first time."
        ),
    )


class CheckInResultSerializer(serializers.Serializer):
    """What the door volunteer needs: who, how many, which needs. Nothing else."""

    registration = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    adults = serializers.IntegerField()
    children = serializers.IntegerField()
    party_size = serializers.IntegerField()
    interpreter_language = serializers.CharField(source="interpreter_language_id", allow_null=True)
    childcare_ages = serializers.ListField(child=serializers.IntegerField())
    accessibility = serializers.ListField(child=serializers.CharField())
    accessibility_notes = serializers.CharField()
    status = serializers.CharField()
    already_checked_in = serializers.SerializerMethodField()

    @extend_schema_field(serializers.BooleanField())
    def get_already_checked_in(self, registration) -> bool:
        return self.context.get("already", False)
