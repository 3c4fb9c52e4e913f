from events_api.interpretation.views.reports import (
    CoverageView,
    EventInterpretationView,
    RegistrationInterpretationView,
)
from events_api.interpretation.views.requests import DemandLineViewSet, InterpreterRequestViewSet
from events_api.interpretation.views.roster import AssignmentViewSet, InterpreterViewSet

__all__ = [
    "AssignmentViewSet",
    "CoverageView",
    "DemandLineViewSet",
    "EventInterpretationView",
    "InterpreterRequestViewSet",
    "InterpreterViewSet",
    "RegistrationInterpretationView",
]
