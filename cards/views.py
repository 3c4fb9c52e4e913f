"""Parent cards over the API. Issuers list, issue, withdraw and re-issue; anyone verifies
(the holder's name only for those rules.sees_holder allows, and each such look is logged);
those who may check in at an event check a holder in, or register her as a walk-in; a
parent sees her own cards. Wrong numbers and forged codes count as token guesses."""

from django.shortcuts import get_object_or_404
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from cards import queries, rules, services
from cards.errors import CardForged, CardNotFound, NotACardIssuer
from cards.models import Card
from cards.serializers import (
    CardCheckInSerializer,
    CardIssueSerializer,
    CardLookupSerializer,
    CardSerializer,
    CardWalkInSerializer,
    MyCardSerializer,
    VerificationSerializer,
)
from events_api.audit import services as audit
from events_api.audit.models import AccessKind
from events_api.core.errors import DomainError, Forbidden
from events_api.core.throttles import TokenGuessThrottle
from events_api.events.rules import can_check_in, visible_events
from events_api.events.serializers.registrations import CheckInResultSerializer
from events_api.events.services.party import Party

ERRORS = {
    400: OpenApiResponse(description="Invalid input or forged code: {code, message, fields}"),
    403: OpenApiResponse(description="Signed out, or not allowed: {code, message}"),
    404: OpenApiResponse(description="No such card (or event): {code, message}"),
}
GONE = {410: OpenApiResponse(description="The card was revoked or has expired")}
THROTTLED = {429: OpenApiResponse(description="Too many wrong numbers from this address")}


def _find(request, data) -> Card:
    """The card asked for. A wrong number or a forged code counts as a guess per address,
    as wrong pass codes do; past the limit every lookup from it gets 429."""
    throttle = TokenGuessThrottle()
    if not throttle.allow_request(request, None):
        raise exceptions.Throttled(wait=throttle.wait())
    try:
        return services.find(signed=data.get("signed", ""), number=data.get("number", ""))
    except (CardNotFound, CardForged):
        throttle.record_miss(request)
        raise


def _issuer_only(user) -> None:
    if not rules.is_issuer(user):
        raise NotACardIssuer()


class CardListView(generics.ListCreateAPIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = CardSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Card.objects.none()
        return queries.issued_cards(self.request.user)

    @extend_schema(
        tags=["cards"],
        summary="The cards issued in the names you act for (each look is logged)",
        responses={200: CardSerializer(many=True), 403: ERRORS[403]},
    )
    def get(self, request, *args, **kwargs):
        _issuer_only(request.user)
        response = self.list(request, *args, **kwargs)
        shown = len(response.data.get("results", []))
        if shown:
            audit.record(request, AccessKind.PARENT_CARD_LIST, event_id=None, count=shown)
        return response

    @extend_schema(
        tags=["cards"],
        summary="Issue a parent card in an organisation's or a school's name",
        request=CardIssueSerializer,
        responses={201: CardSerializer, **ERRORS},
    )
    def post(self, request, *args, **kwargs):
        _issuer_only(request.user)
        serializer = CardIssueSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        holder = services.Holder(
            name=data["holder_name"],
            preferred_language=data["preferred_language"].pk,
            schools=data.get("schools", []),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
        )
        card = services.issue(
            holder=holder,
            by=request.user,
            organization=data.get("organization"),
            school=data.get("school"),
            expires_on=data.get("expires_on"),
        )
        card = queries.cards_for_list().get(pk=card.pk)
        return Response(CardSerializer(card).data, status=status.HTTP_201_CREATED)


class _ManageView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def _card(self, request, pk: int) -> Card:
        _issuer_only(request.user)
        # Another issuer's card answers 404, as one that does not exist.
        return get_object_or_404(queries.issued_cards(request.user), pk=pk)


@extend_schema(
    tags=["cards"],
    summary="Withdraw a card at once (it stops verifying)",
    request=None,
    responses={200: CardSerializer, **ERRORS},
)
class CardRevokeView(_ManageView):
    def post(self, request, pk):
        card = services.revoke(card=self._card(request, pk), by=request.user)
        return Response(CardSerializer(queries.cards_for_list().get(pk=card.pk)).data)


@extend_schema(
    tags=["cards"],
    summary="Re-issue a lost card: the old number stops verifying, a new one is made",
    request=None,
    responses={201: CardSerializer, 409: OpenApiResponse(description="Already replaced"), **ERRORS},
)
class CardReissueView(_ManageView):
    def post(self, request, pk):
        card = services.reissue(card=self._card(request, pk), by=request.user)
        data = CardSerializer(queries.cards_for_list().get(pk=card.pk)).data
        return Response(data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["cards"],
    summary="Verify a scanned or typed card",
    description=(
        "Anyone may verify. Door volunteers, school staff, organisers and the issuer's staff "
        "also see who holds the card (logged); anyone else only that it is valid, who issued "
        "it and until when. Forged, unknown, revoked and expired cards answer 400, 404 and "
        "410 with a code."
    ),
    request=CardLookupSerializer,
    responses={200: VerificationSerializer, **ERRORS, **GONE, **THROTTLED},
)
class CardVerifyView(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        serializer = CardLookupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        card = services.check_good(_find(request, serializer.validated_data))
        body = {
            "valid": True,
            "message": _("Valid card issued by %(issuer)s, good until %(date)s.")
            % {"issuer": card.issuer_name, "date": date_format(card.expires_on)},
            "number": None,
            "issuer": {
                "kind": "organization" if card.organization_id else "school",
                "id": card.issuer.pk,
                "name": card.issuer_name,
            },
            "issued_at": card.issued_at,
            "expires_on": card.expires_on,
            "holder": None,
        }
        if rules.sees_holder(request.user, card):
            body["number"] = card.number
            body["holder"] = {
                "name": card.holder_name,
                "preferred_language": card.preferred_language_id,
                "schools": sorted(school.name for school in card.schools.all()),
                "has_account": card.user_id is not None,
            }
            audit.record(
                request,
                AccessKind.PARENT_CARD_LOOKUP,
                event_id=None,
                count=1,
                filters={"card": card.pk},
            )
        return Response(VerificationSerializer(body).data)


class _AtTheDoor(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def _event(self, request, pk):
        event = get_object_or_404(visible_events(request.user), pk=pk)
        if not can_check_in(request.user, event):
            raise Forbidden()
        return event

    def _log(self, request, event, registration=None) -> None:
        audit.record(
            request,
            AccessKind.CHECK_IN_LOOKUP,
            event_id=event.pk,
            count=1 if registration else 0,
            registration_id=registration.pk if registration else None,
        )


@extend_schema(
    tags=["cards"],
    summary="Check a card's holder in at the event (through her registration)",
    request=CardCheckInSerializer,
    responses={200: CheckInResultSerializer, **ERRORS, **GONE, **THROTTLED},
)
class EventCardCheckInView(_AtTheDoor):
    def post(self, request, pk):
        event = self._event(request, pk)
        serializer = CardCheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            card = _find(request, data)
            registration, already = services.check_in(
                event=event, card=card, by=request.user, key=data["key"]
            )
        except DomainError:
            self._log(request, event)
            raise
        self._log(request, event, registration)
        return Response(CheckInResultSerializer(registration, context={"already": already}).data)


@extend_schema(
    tags=["cards"],
    summary="Register a card's holder as a walk-in and check her in, in one step",
    request=CardWalkInSerializer,
    responses={201: CheckInResultSerializer, 409: OpenApiResponse(), **ERRORS, **GONE},
)
class EventCardWalkInView(_AtTheDoor):
    def post(self, request, pk):
        event = self._event(request, pk)
        serializer = CardWalkInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        card = _find(request, data)
        registered = services.walk_in(
            event=event,
            card=card,
            party=Party(adults=data["adults"], children=data["children"]),
            by=request.user,
            phone=data["phone"],
        )
        self._log(request, event, registered.registration)
        return Response(
            CheckInResultSerializer(registered.registration).data, status=status.HTTP_201_CREATED
        )


@extend_schema(tags=["cards"], summary="My parent cards")
class MyCardsView(generics.ListAPIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = MyCardSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Card.objects.none()
        return queries.cards_of(self.request.user)
