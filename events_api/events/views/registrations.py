"""Registrations: those you may see (your own, your organisation's, your events'), a
guest's own through the manage link, its pass, and the consent text CBO staff show."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from events_api.audit import services as audit
from events_api.audit.models import AccessKind
from events_api.core.i18n import request_language
from events_api.events import queries, rules
from events_api.events.consent import CONSENT_VERSION, OrganizationNotFound, consent_text
from events_api.events.errors import (
    RegistrationCancelled,
    RegistrationNotFound,
)
from events_api.events.filters import RegistrationFilter
from events_api.events.models import Registration
from events_api.events.passes import hash_token, qr_png, qr_svg
from events_api.events.serializers import (
    RegistrationChangeSerializer,
    RegistrationSerializer,
)
from events_api.events.serializers.registrations import ConsentTextSerializer
from events_api.events.services import registration as services
from events_api.events.views.common import (
    ERRORS,
)
from events_api.people.models import Organization


class RegistrationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Registrations you may see: your own, your organisation's (CBO staff), and those of
    events you organise. Anything else answers 404."""

    lookup_value_regex = r"\d+"

    serializer_class = RegistrationSerializer
    filterset_class = RegistrationFilter
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return rules.registrations_visible_to(self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        audit.record_rows(request, AccessKind.REGISTRANT_LIST, page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        registration = self.get_object()
        audit.record_rows(request, AccessKind.REGISTRANT_LIST, [registration])
        return Response(self.get_serializer(registration).data)

    @extend_schema(
        request=RegistrationChangeSerializer, responses={200: RegistrationSerializer, **ERRORS}
    )
    def partial_update(self, request, pk=None):
        return change_registration(request, self.get_object())

    @extend_schema(responses={200: RegistrationSerializer, **ERRORS})
    def destroy(self, request, pk=None):
        registration = self.get_object()
        services.cancel(registration_id=registration.pk)
        return Response(RegistrationSerializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(
        responses={200: ConsentTextSerializer, 404: ERRORS[404]},
        parameters=[
            OpenApiParameter(
                "lang", str, description="The language to show it in (else Accept-Language)"
            )
        ],
        summary="The consent text CBO staff show a family before registering them (its "
        "version and language go back with the registration; staff of the organisation "
        "only, others get 404)",
    )
    @action(
        detail=False,
        methods=["get"],
        url_path=r"consent/(?P<organization_id>\d+)",
        serializer_class=ConsentTextSerializer,
        filter_backends=[],
        pagination_class=None,
    )
    def consent(self, request, organization_id=None):
        if not rules.is_staff_of(request.user, int(organization_id)):
            raise OrganizationNotFound()
        organization = Organization.objects.get(pk=organization_id)
        language = request_language()
        body = {
            "version": CONSENT_VERSION,
            "language": language,
            "text": consent_text(organization.name, language),
        }
        return Response(ConsentTextSerializer(body).data)


def change_registration(request, registration: Registration) -> Response:
    serializer = RegistrationChangeSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    party = None
    if "adults" in data or "children" in data:
        party = services.Party(
            adults=data.get("adults", registration.adults),
            children=data.get("children", registration.children),
        )
    needs_keys = set(data) - {"adults", "children"}
    needs = services.needs_from(data, registration) if needs_keys else None
    changed = services.change(registration_id=registration.pk, party=party, needs=needs)
    fresh = queries.registrations_for_list().get(pk=changed.pk)
    return Response(RegistrationSerializer(fresh).data)


def _by_token(token: str) -> Registration:
    registration = queries.registration_by_token_hash(hash_token(token))
    if registration is None:
        raise RegistrationNotFound()
    return registration


class ManageRegistrationView(APIView):
    """A guest's own registration, reached through the secret link they were given. No
    account needed: view it, change party size or needs, or cancel."""

    permission_classes = [permissions.AllowAny]
    http_method_names = ["get", "patch", "delete", "options"]

    @extend_schema(responses={200: RegistrationSerializer, 404: ERRORS[404]})
    def get(self, request, token):
        return Response(RegistrationSerializer(_by_token(token)).data)

    @extend_schema(
        request=RegistrationChangeSerializer, responses={200: RegistrationSerializer, **ERRORS}
    )
    def patch(self, request, token):
        return change_registration(request, _by_token(token))

    @extend_schema(responses={200: RegistrationSerializer, 404: ERRORS[404]})
    def delete(self, request, token):
        registration = _by_token(token)
        services.cancel(registration_id=registration.pk)
        return Response(RegistrationSerializer(_by_token(token)).data)


class PassView(APIView):
    """The pass as a QR code (SVG or PNG) encoding the short code."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        responses={
            (200, "image/svg+xml"): OpenApiTypes.BINARY,
            (200, "image/png"): OpenApiTypes.BINARY,
            404: ERRORS[404],
            409: ERRORS[409],
        }
    )
    def get(self, request, token, fmt):
        registration = _by_token(token)
        if registration.status == "cancelled":
            raise RegistrationCancelled()
        if fmt == "png":
            return HttpResponse(qr_png(registration.pass_code), content_type="image/png")
        return HttpResponse(qr_svg(registration.pass_code), content_type="image/svg+xml")


class MyRegistrationsView(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The signed-in user's own registrations."""

    serializer_class = RegistrationSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = RegistrationFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Registration.objects.none()
        return queries.registrations_of_user(self.request.user)
