from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from events_api.core.serializers import LanguageCodeField, StrictFieldsMixin
from events_api.people.models import (
    Borough,
    Channel,
    Language,
    Organization,
    OrganizationMembership,
    School,
    User,
)
from events_api.people.phones import normalise_phone


class PhoneField(serializers.CharField):
    """Accepts what people type (``(718) 555-0123``) and stores E.164."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        raw = super().to_internal_value(data)
        if not raw:
            return ""
        try:
            return normalise_phone(raw)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages[0], code="invalid_phone") from exc


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["code", "name_en", "native_name", "direction", "is_ui_language", "is_signed"]


class BoroughSerializer(serializers.ModelSerializer):
    class Meta:
        model = Borough
        fields = ["code", "name"]


class SchoolSerializer(serializers.ModelSerializer):
    borough = BoroughSerializer(read_only=True)

    class Meta:
        model = School
        fields = ["id", "dbn", "name", "borough", "district", "address"]


class OrganizationSerializer(serializers.ModelSerializer):
    boroughs = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "short_name",
            "description",
            "boroughs",
            "languages",
            "contact_email",
            "contact_phone",
            "website",
        ]


class OrganizationMembershipSerializer(serializers.ModelSerializer):
    organization = serializers.PrimaryKeyRelatedField(read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = OrganizationMembership
        fields = ["organization", "organization_name", "role"]


class ProfileSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """The signed-in user's own profile. Email is changed through the sign-in API (it must
    be verified), so it is read-only here."""

    preferred_language = LanguageCodeField(
        ui_only=False, required=False, source="preferred_language_id"
    )
    phone = PhoneField(required=False, allow_blank=True)
    roles = serializers.SerializerMethodField()
    desks = serializers.SerializerMethodField(
        help_text=_(
            "Staff desks beyond the roles: committee_manager (chairs, co-chairs or is the "
            "secretary of a committee), interpreter (on the interpreter roster)."
        )
    )
    organizations = OrganizationMembershipSerializer(
        source="memberships", many=True, read_only=True
    )

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "display_name",
            "preferred_language",
            "phone",
            "preferred_channel",
            "roles",
            "desks",
            "organizations",
        ]
        read_only_fields = ["id", "email"]

    def get_roles(self, user) -> list[str]:
        from events_api.people.roles import role_names

        return sorted(role_names(user))

    def get_desks(self, user) -> list[str]:
        from events_api.people.desks import desk_names

        return desk_names(user)

    def validate(self, attrs):
        channel = attrs.get("preferred_channel", self.instance.preferred_channel)
        phone = attrs.get("phone", self.instance.phone)
        if channel in {Channel.SMS, Channel.PHONE_CALL} and not phone:
            raise serializers.ValidationError(
                {"phone": [_("A phone number is needed for this channel.")]}
            )
        return attrs
