import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from committees.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    CommitteeKind,
    Invitation,
    Meeting,
    MeetingSeries,
    MemberRole,
    Membership,
    RsvpResponse,
    Visibility,
)
from events_api.core.filtering import IdFilter
from events_api.events.filters import LanguageCodeFilter
from events_api.events.models import EventStatus, Registration
from events_api.people.models import Borough, Language, School


class CommitteeFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=CommitteeKind.choices)
    school = django_filters.ModelChoiceFilter(queryset=School.objects.all())
    borough = django_filters.ModelChoiceFilter(
        field_name="school__borough", queryset=Borough.objects.all()
    )
    language = LanguageCodeFilter(
        field_name="languages",
        queryset=Language.objects.all(),
        distinct=True,
        label=_("Works in this language"),
    )
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    managed = django_filters.BooleanFilter(
        method="filter_managed",
        label=_("Only the committees I chair, co-chair or am the secretary of (or the others)"),
    )

    class Meta:
        model = Committee
        fields = ["kind", "school", "borough", "language", "visibility", "managed"]

    def filter_managed(self, queryset, name, value):
        from committees.rules import manager_of

        user = self.request.user
        if getattr(user, "is_superuser", False):
            return queryset if value else queryset.none()
        mine = Q(pk__in=manager_of(user))
        return queryset.filter(mine) if value else queryset.exclude(mine)


class MeetingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(field_name="event__status", choices=EventStatus.choices)
    committee = IdFilter()
    series = IdFilter()
    late_notice = django_filters.BooleanFilter()

    class Meta:
        model = Meeting
        fields = ["status", "committee", "series", "late_notice"]


# "from" and "to" are Python keywords, so they are added by name.
MeetingFilter.base_filters["from"] = django_filters.DateFilter(
    field_name="event__starts_at", lookup_expr="date__gte", label=_("On or after this day")
)
MeetingFilter.base_filters["to"] = django_filters.DateFilter(
    field_name="event__starts_at", lookup_expr="date__lte", label=_("On or before this day")
)


class MembershipFilter(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(choices=MemberRole.choices)
    voting = django_filters.BooleanFilter()

    class Meta:
        model = Membership
        fields = ["role", "voting"]


class InvitationFilter(django_filters.FilterSet):
    pending = django_filters.BooleanFilter(
        field_name="accepted_at", lookup_expr="isnull", label=_("Not accepted yet")
    )

    class Meta:
        model = Invitation
        fields = ["pending", "role"]


class SeriesFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)

    class Meta:
        model = MeetingSeries
        fields = ["status"]


class AgendaItemFilter(django_filters.FilterSet):
    presenter = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = AgendaItem
        fields = ["presenter"]


class AttendanceFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=AttendanceStatus.choices)

    class Meta:
        model = Attendance
        fields = ["status"]


class RsvpFilter(django_filters.FilterSet):
    response = django_filters.ChoiceFilter(field_name="rsvp_response", choices=RsvpResponse.choices)

    class Meta:
        model = Registration
        fields = ["response"]
