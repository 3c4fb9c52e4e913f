"""A family's own data over the API: export (GET) and erasure (DELETE), for a guest through
the manage link, for an account at /me/data/, and for the CBO that registered a family."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from events_api.audit.filters import AccessRecordFilter
from events_api.audit.models import AccessRecord
from events_api.events import rules
from events_api.events.errors import RegistrationNotFound
from events_api.events.passes import hash_token
from events_api.people.queries import organization_ids_of
from events_api.privacy import access, my_data
from events_api.privacy.errors import ErasureNotConfirmed, MayNotErase
from events_api.privacy.serializers import (
    AccessRecordSerializer,
    AccountDataSerializer,
    EraseAccountSerializer,
    GuestDataSerializer,
    LooksSerializer,
)

FILENAME = "open-doors-my-data.json"


def _error(description: str) -> OpenApiResponse:
    return OpenApiResponse(description=f"{description}: {{code, message, fields}}")


def _attachment(body) -> Response:
    response = Response(body)
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response


def _by_token(token: str):
    registration = my_data.registration_by_token(hash_token(token))
    if registration is None:
        raise RegistrationNotFound()
    return registration


class ManageDataView(APIView):
    """Everything held about a guest's registration, reached through its manage link; and
    its erasure."""

    permission_classes = [permissions.AllowAny]
    http_method_names = ["get", "delete", "options"]

    @extend_schema(
        operation_id="registrations_manage_data_retrieve",
        summary="Everything held about this registration, as JSON",
        responses={200: GuestDataSerializer, 404: _error("No registration for this link")},
    )
    def get(self, request, token):
        data = my_data.guest_data(_by_token(token))
        return _attachment(GuestDataSerializer(data).data)

    @extend_schema(
        operation_id="registrations_manage_data_destroy",
        summary="Cancel this registration and erase its personal data (the link stops working)",
        responses={204: None, 404: _error("No registration for this link")},
    )
    def delete(self, request, token):
        my_data.erase_registration(registration=_by_token(token))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MyDataView(APIView):
    """Everything held about the signed-in account; and the erasure of the account."""

    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "delete", "options"]

    @extend_schema(
        operation_id="me_data_retrieve",
        summary="Everything held about my account, as JSON",
        responses={200: AccountDataSerializer},
    )
    def get(self, request):
        data = my_data.account_data(request.user)
        return _attachment(AccountDataSerializer(data).data)

    @extend_schema(
        operation_id="me_data_destroy",
        summary="Erase my account (cannot be undone; signs out)",
        request=EraseAccountSerializer,
        responses={
            204: None,
            400: _error('erasure_not_confirmed: the body must be {"confirm": "erase"}'),
            409: _error("last_chair: the last chair of a committee (which one is said)"),
        },
    )
    def delete(self, request):
        body = request.data
        if not isinstance(body, dict) or set(body) != {"confirm"} or body["confirm"] != "erase":
            raise ErasureNotConfirmed(fields={"confirm": [str(ErasureNotConfirmed.message)]})
        my_data.erase_account(user=request.user, request=request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RegistrationDataView(APIView):
    """The community organisation that registered a family erases its personal data at
    the family's request; each erasure is logged (without the family's data)."""

    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["delete", "options"]

    @extend_schema(
        operation_id="registrations_data_destroy",
        summary="Erase a family your organisation registered (logged)",
        responses={
            204: None,
            403: _error("may_not_erase: you see it but did not register it"),
            404: _error("Not a registration you may see"),
        },
    )
    def delete(self, request, pk):
        registration = rules.registrations_visible_to(request.user).filter(pk=pk).first()
        if registration is None:
            raise RegistrationNotFound()
        if registration.organization_id not in organization_ids_of(request.user):
            raise MayNotErase()
        my_data.erase_for_organization(registration=registration, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


# The family sees the last looks, not an endless list.
LOOKS_SHOWN = 50


class ManageLooksView(APIView):
    """That (not who) a guest's registration was looked at by the event's staff."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="registrations_manage_looks_retrieve",
        summary="When the event's staff looked at lists that hold this registration "
        "(the last 50; never who)",
        responses={200: LooksSerializer, 404: _error("No registration for this link")},
    )
    def get(self, request, token):
        looks = access.looks_at(_by_token(token))
        body = {"count": looks.count(), "looks": list(looks[:LOOKS_SHOWN])}
        return Response(LooksSerializer(body).data)


class EventAccessLogView(generics.ListAPIView):
    """Every look at this event's registrants' personal data: who, what kind, how many
    people, when, from which client. The event's organisers only."""

    serializer_class = AccessRecordSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = AccessRecordFilter

    @extend_schema(
        operation_id="events_access_log_list",
        summary="Who looked at this event's registrants' data (organisers)",
        responses={
            200: AccessRecordSerializer(many=True),
            403: _error("permission_denied: you see the event but do not organise it"),
            404: _error("event_not_found"),
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return AccessRecord.objects.none()
        return access.event_log(self.request.user, self.kwargs["pk"])
