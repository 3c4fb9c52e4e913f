"""PDFs over the API: parent cards and card sheets for their issuers, flyers for an event's
organisers, door posters for a school's staff and organisers. Every PDF that shows a
parent's name is logged as a look at the card list."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.views import APIView

from cards import queries
from cards.errors import NotACardIssuer
from cards.rules import is_issuer, may_issue_for_school
from cards.services import check_good
from events_api.audit import services as audit
from events_api.audit.models import AccessKind
from events_api.core.errors import Forbidden
from events_api.events.rules import can_manage_event, visible_events
from events_api.people.models import School
from printing import cards, materials, services
from printing.errors import HelpPhoneNeeded
from printing.render import pdf_response
from printing.serializers import (
    FlyerQuerySerializer,
    SheetQuerySerializer,
)

PDF = {(200, "application/pdf"): OpenApiTypes.BINARY}
ERRORS = {
    400: OpenApiResponse(description="Invalid query: {code, message, fields}"),
    403: OpenApiResponse(description="Signed out, or not allowed: {code, message}"),
    404: OpenApiResponse(description="No such card, event or school: {code, message}"),
}


class _PrintView(APIView):
    permission_classes = [permissions.IsAuthenticated]


def _log_cards(request, count: int, what: str) -> None:
    audit.record(
        request, AccessKind.PARENT_CARD_LIST, event_id=None, count=count, filters={"pdf": what}
    )


@extend_schema(
    tags=["printing"],
    summary="One parent card at wallet size (85.6 x 54 mm): front, then back",
    responses={**PDF, **ERRORS, 410: OpenApiResponse(description="Withdrawn or expired")},
)
class CardPdfView(_PrintView):
    def get(self, request, pk):
        if not is_issuer(request.user):
            raise NotACardIssuer()
        card = check_good(get_object_or_404(queries.issued_cards(request.user), pk=pk))
        data = cards.card_pdf(card)
        _log_cards(request, 1, "card")
        return pdf_response(data, f"card-{card.number}.pdf")


@extend_schema(
    tags=["printing"],
    summary="Letter sheets of eight parent cards with crop marks (fronts, then backs)",
    parameters=[SheetQuerySerializer],
    responses={**PDF, **ERRORS},
)
class CardSheetView(_PrintView):
    def get(self, request):
        if not is_issuer(request.user):
            raise NotACardIssuer()
        query = SheetQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        printable = services.printable_cards(request.user, query.validated_data["ids"])
        data = cards.sheet_pdf(printable)
        _log_cards(request, len(printable), "sheet")
        return pdf_response(data, "parent-cards.pdf")


@extend_schema(
    tags=["printing"],
    summary="The event's flyer in one of the thirteen languages (Letter)",
    parameters=[FlyerQuerySerializer],
    responses={**PDF, **ERRORS},
)
class EventFlyerView(_PrintView):
    def get(self, request, pk):
        event = get_object_or_404(
            visible_events(request.user).select_related("school").prefetch_related("languages"),
            pk=pk,
        )
        if not can_manage_event(request.user, event):
            raise Forbidden()
        query = FlyerQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        language = query.validated_data["language"]
        phone = query.validated_data["phone"] or settings.HELP_PHONE
        if not phone:
            raise HelpPhoneNeeded()
        data = materials.flyer_pdf(event, language=language, phone=phone)
        return pdf_response(data, f"flyer-{event.pk}-{language}.pdf")


@extend_schema(
    tags=["printing"],
    summary="A school's door poster: welcome and interpreters, in all thirteen languages",
    responses={**PDF, **ERRORS},
)
class SchoolPosterView(_PrintView):
    def get(self, request, pk):
        school = get_object_or_404(School, pk=pk)
        if not may_issue_for_school(request.user, school.pk):
            raise Forbidden()
        return pdf_response(materials.poster_pdf(school), f"poster-{school.dbn}.pdf")
