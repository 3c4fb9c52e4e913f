"""Replies to our texts, as the SMS provider (Twilio) posts them to us: STOP in any of our
languages records an opt-out, START removes it, anything else is ignored (a person, not
this endpoint, reads conversations).

The provider proves a post is its own with ``X-Twilio-Signature``: base64 HMAC-SHA1, keyed
with the auth token, of the URL it posted to followed by every form parameter, sorted by
name, as name then value. A post without a valid signature changes nothing and gets 403.
"""

import base64
import hashlib
import hmac
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import FormParser
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from events_api.core.errors import DomainError
from events_api.core.throttles import AnonThrottle
from events_api.notifications import sms
from events_api.notifications.delivery import UNSUBSCRIBED
from events_api.notifications.models import Delivery, Message, SmsOptOut
from events_api.people.phones import normalise_phone

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


class InvalidSignature(DomainError):
    code = "invalid_signature"
    message = _("The request is not signed by the SMS provider.")
    status = status.HTTP_403_FORBIDDEN


def twilio_signature(*, url: str, params: dict[str, list[str]], token: str) -> str:
    """The signature Twilio sends for a form post of ``params`` to ``url`` (as Twilio's
    own validator computes it: names sorted, each name's distinct values sorted)."""
    payload = url + "".join(
        name + value for name in sorted(params) for value in sorted(set(params[name]))
    )
    digest = hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def record_reply(*, phone: str, body: str) -> str | None:
    """Act on a reply from ``phone`` (E.164): a STOP word creates its SmsOptOut (once; a
    second STOP changes nothing), a START word deletes it. Returns "stop", "start" or
    None for any other text."""
    if sms.is_stop(body):
        SmsOptOut.objects.get_or_create(phone=phone)
        return "stop"
    if sms.is_start(body):
        SmsOptOut.objects.filter(phone=phone).delete()
        return "start"
    return None


class InboundSmsSerializer(serializers.Serializer):
    """The form fields used here; the provider posts more (MessageSid, AccountSid, To,
    NumMedia, ...), and all of them are covered by the signature."""

    From = serializers.CharField(help_text="The sender's number, E.164.")
    Body = serializers.CharField(allow_blank=True, help_text="The text of the reply.")


class _JsonErrorsWhateverAccept(DefaultContentNegotiation):
    """The provider may send any Accept header; the answer is TwiML, an error is JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class _ProviderWebhook(APIView):
    """A webhook of the SMS provider: no session or CSRF (the signature is the
    credential), throttled like any anonymous client."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonThrottle]
    parser_classes = [FormParser]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = _JsonErrorsWhateverAccept

    def signed_data(self, request):
        """The posted form, once its signature is checked; InvalidSignature otherwise."""
        signature = request.headers.get(SIGNATURE_HEADER, "")
        token = settings.NOTIFICATIONS["TWILIO_AUTH_TOKEN"]
        # Checked before the body is read: an unsigned post is refused whatever it holds.
        if not signature or not token:
            raise InvalidSignature()
        data = request.data  # a QueryDict; a plain {} when there is no body at all
        params = {name: data.getlist(name) for name in data} if data else {}
        expected = twilio_signature(url=self._public_url(request), params=params, token=token)
        if not hmac.compare_digest(expected.encode(), signature.encode()):
            raise InvalidSignature()
        return data or {}

    @staticmethod
    def _public_url(request) -> str:
        """The URL as the provider posted to it: behind a proxy the request's own URL may
        differ (scheme, host), so PUBLIC_BASE_URL wins when it is set."""
        if settings.PUBLIC_BASE_URL:
            return settings.PUBLIC_BASE_URL + request.get_full_path()
        return request.build_absolute_uri()


class SmsInboundView(_ProviderWebhook):
    @extend_schema(
        operation_id="sms_inbound",
        summary="A reply to our texts, posted by the SMS provider",
        description="Twilio's incoming-message webhook. STOP (or its equivalent in any of the "
        "13 languages) stops texts to the sender's number; START resumes them; other text is "
        "ignored. Needs a valid X-Twilio-Signature.",
        request={"application/x-www-form-urlencoded": InboundSmsSerializer},
        responses={
            (200, "text/xml"): OpenApiResponse(
                OpenApiTypes.STR,
                description="Empty TwiML: no reply is sent.",
                examples=[OpenApiExample("Empty", value=EMPTY_TWIML)],
            ),
            403: OpenApiResponse(description="Missing or wrong signature: {code, message, fields}"),
            415: OpenApiResponse(description="Not a form post: {code, message, fields}"),
        },
    )
    def post(self, request) -> HttpResponse:
        data = self.signed_data(request)
        try:
            phone = normalise_phone(data.get("From", "")) if data else None
        except ValidationError:
            phone = None  # a short code or an alphanumeric sender: nothing to opt out
        if phone:
            outcome = record_reply(phone=phone, body=data.get("Body", ""))
            if outcome:
                logger.info("SMS reply: %s recorded", outcome)
        return HttpResponse(EMPTY_TWIML, content_type="text/xml; charset=utf-8")


class SmsStatusSerializer(serializers.Serializer):
    MessageSid = serializers.CharField(help_text="The provider's id of our text.")
    MessageStatus = serializers.CharField(help_text="queued, sent, delivered, undelivered, ...")
    ErrorCode = serializers.CharField(required=False, help_text="Why it was not delivered.")


class SmsStatusView(_ProviderWebhook):
    @extend_schema(
        operation_id="sms_status",
        summary="A delivery report for one of our texts, posted by the SMS provider",
        description="Twilio's status callback (sent when PUBLIC_BASE_URL is set). Delivered, "
        "undelivered and failed reports go into the message's delivery log; an 'unsubscribed' "
        "error (21610) records the number as opted out. Needs a valid X-Twilio-Signature.",
        request={"application/x-www-form-urlencoded": SmsStatusSerializer},
        responses={
            204: OpenApiResponse(description="Recorded (or not ours: ignored)."),
            403: OpenApiResponse(description="Missing or wrong signature: {code, message, fields}"),
            415: OpenApiResponse(description="Not a form post: {code, message, fields}"),
        },
    )
    def post(self, request) -> HttpResponse:
        data = self.signed_data(request)
        record_delivery_report(
            provider_id=data.get("MessageSid", ""),
            status=data.get("MessageStatus", ""),
            error_code=data.get("ErrorCode", ""),
        )
        return HttpResponse(status=204)


# What the provider reports that belongs in the delivery log (the rest: queued, sending,
# sent — we know those already).
REPORTED = frozenset({"delivered", "undelivered", "failed"})


def record_delivery_report(*, provider_id: str, status: str, error_code: str = "") -> bool:
    """Add the provider's word on a text to its delivery log, once per status."""
    if status not in REPORTED or not provider_id:
        return False
    message = Message.objects.filter(provider_id=provider_id, channel="sms").first()
    if message is None:
        return False
    detail = f"provider error {error_code}" if error_code else ""
    _delivery, created = Delivery.objects.get_or_create(
        message=message, status=status, defaults={"detail": detail}
    )
    if created and error_code == UNSUBSCRIBED:
        SmsOptOut.objects.get_or_create(phone=message.to)
    if created:
        logger.info("message %s %s", message.pk, status)
    return created
