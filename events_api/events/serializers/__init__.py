"""The events app's serializers: ``events`` and ``registrations``. The names the views and
other apps use are handed on here, so they import from ``events_api.events.serializers``."""

from events_api.events.serializers.events import (
    EventPlaceSchoolSerializer,
    EventSerializer,
    EventWriteSerializer,
)
from events_api.events.serializers.registrations import (
    CheckInResultSerializer,
    CheckInSerializer,
    NeedsSerializerMixin,
    RegistrationChangeSerializer,
    RegistrationCreatedSerializer,
    RegistrationCreateSerializer,
    RegistrationSerializer,
)

__all__ = [
    "CheckInResultSerializer",
    "CheckInSerializer",
    "EventPlaceSchoolSerializer",
    "EventSerializer",
    "EventWriteSerializer",
    "NeedsSerializerMixin",
    "RegistrationChangeSerializer",
    "RegistrationCreateSerializer",
    "RegistrationCreatedSerializer",
    "RegistrationSerializer",
]
