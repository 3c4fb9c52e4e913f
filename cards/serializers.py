"""Input and output shapes. Inputs only shape and check fields; the rules (who may issue,
expiry range, one issuer) live in cards.services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cards import signing
from cards.models import Card
from events_api.people.models import Language, Organization, School
from events_api.people.phones import normalise_phone


def _phone(value: str) -> str:
    if not value:
        return ""
    try:
        return normalise_phone(value)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(exc.messages) from exc


class IssuerSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["organization", "school"])
    id = serializers.IntegerField()
    name = serializers.CharField()


def _issuer(card: Card) -> dict:
    kind = "organization" if card.organization_id else "school"
    return {"kind": kind, "id": card.issuer.pk, "name": card.issuer_name}


class MyCardSerializer(serializers.ModelSerializer):
    """The parent's own card: what is printed on it, and whether it is still good."""

    preferred_language = serializers.CharField(source="preferred_language_id")
    schools = serializers.SerializerMethodField()
    issuer = serializers.SerializerMethodField()
    status = serializers.CharField(read_only=True, help_text="valid, expired or revoked")
    verification_url = serializers.SerializerMethodField(
        help_text="What the card's QR code holds: a signed link that verifies the card."
    )

    class Meta:
        model = Card
        fields = [
            "id",
            "number",
            "holder_name",
            "preferred_language",
            "schools",
            "issuer",
            "issued_at",
            "expires_on",
            "status",
            "verification_url",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_schools(self, card: Card) -> list[int]:
        return sorted(school.pk for school in card.schools.all())

    @extend_schema_field(IssuerSerializer)
    def get_issuer(self, card: Card) -> dict:
        return _issuer(card)

    def get_verification_url(self, card: Card) -> str:
        return signing.verification_url(card.number)


class CardSerializer(MyCardSerializer):
    """A card as its issuer sees it."""

    issued_by = serializers.SerializerMethodField()
    replaced_by = serializers.SerializerMethodField()
    has_account = serializers.SerializerMethodField()

    class Meta(MyCardSerializer.Meta):
        fields = [
            *MyCardSerializer.Meta.fields,
            "phone",
            "email",
            "has_account",
            "issued_by",
            "revoked_at",
            "replaces",
            "replaced_by",
        ]

    def get_issued_by(self, card: Card) -> str | None:
        person = card.issued_by
        return (person.display_name or person.email) if person else None

    def get_replaced_by(self, card: Card) -> int | None:
        new = getattr(card, "replaced_by", None)
        return new.pk if new else None

    def get_has_account(self, card: Card) -> bool:
        return card.user_id is not None


class CardIssueSerializer(serializers.Serializer):
    holder_name = serializers.CharField(
        max_length=120, help_text="The name the parent gives; no ID is asked for."
    )
    preferred_language = serializers.SlugRelatedField(
        slug_field="code", queryset=Language.objects.all()
    )
    schools = serializers.PrimaryKeyRelatedField(
        queryset=School.objects.all(),
        many=True,
        required=False,
        help_text="The children's schools, if the parent wants them on the card.",
    )
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        required=False,
        help_text="Issue in this organisation's name (CBO staff).",
    )
    school = serializers.PrimaryKeyRelatedField(
        queryset=School.objects.all(),
        required=False,
        help_text="Issue in this school's name (its staff, committee chairs, organisers).",
    )
    phone = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        help_text="Optional: only to find the parent's registrations when checking in.",
    )
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        help_text="Optional: finds her registrations, and links her account if she has one.",
    )
    expires_on = serializers.DateField(
        required=False, help_text="Last day the card is good (default: a year from today)."
    )

    def validate_phone(self, value: str) -> str:
        return _phone(value)


class CardLookupSerializer(serializers.Serializer):
    """A card as the door has it: scanned (the QR's signed value or its whole URL) or the
    number typed in."""

    signed = serializers.CharField(
        required=False, allow_blank=True, max_length=300, help_text="The scanned QR value."
    )
    number = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text="The number, typed."
    )

    def validate(self, attrs):
        if bool(attrs.get("signed")) == bool(attrs.get("number")):
            raise serializers.ValidationError(_("Give either the scanned value or the number."))
        return attrs


class HolderSerializer(serializers.Serializer):
    name = serializers.CharField()
    preferred_language = serializers.CharField()
    schools = serializers.ListField(child=serializers.CharField())
    has_account = serializers.BooleanField()


class VerificationSerializer(serializers.Serializer):
    """A good card. ``holder`` only for those who may see who holds it (door volunteers,
    school staff, organisers, the issuer's staff); null for anyone else."""

    valid = serializers.BooleanField()
    message = serializers.CharField()
    number = serializers.CharField(allow_null=True)
    issuer = IssuerSerializer()
    issued_at = serializers.DateTimeField()
    expires_on = serializers.DateField()
    holder = HolderSerializer(allow_null=True)


class CardCheckInSerializer(CardLookupSerializer):
    key = serializers.CharField(
        required=False, default="", max_length=64, help_text="Idempotency key of this scan."
    )


class CardWalkInSerializer(CardLookupSerializer):
    adults = serializers.IntegerField(min_value=1, default=1)
    children = serializers.IntegerField(min_value=0, default=0)
    phone = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text="A phone given at the door, used only when the card has no contact.",
    )

    def validate_phone(self, value: str) -> str:
        return _phone(value)
