from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    name = "committees"
    verbose_name = _("Committees")

    def ready(self) -> None:
        from committees import my_data, rules
        from committees.privacy import INVITATIONS
        from committees.retention import member_records_q
        from events_api.core.filtering import IdFilter
        from events_api.events.hooks import (
            register_audience,
            register_event_filters,
            register_managers,
            register_personal_events,
        )
        from events_api.people.desks import register_desk
        from events_api.privacy.hooks import register_hold, register_step

        # Chairs, co-chairs and secretaries manage their committee's meeting events.
        register_managers(rules.managed_meetings_q)
        # A members-only committee's meetings are seen by its members only.
        register_audience(rules.restricted_meetings_q, rules.members_meetings_q)
        # A member's committee meetings belong in their own calendar.
        register_personal_events(rules.members_meetings_q)
        register_event_filters(committee=IdFilter(field_name="meeting__committee"))
        # The web app shows the chair's desk to those who manage a committee.
        register_desk("committee_manager", lambda user: bool(rules.manager_of(user)))
        # Members' RSVPs are kept while membership lasts, plus a period.
        register_hold(member_records_q)
        # Settled invitations lose their email and phone after the retention period.
        register_step(INVITATIONS)
        # Memberships and RSVPs in a member's export; the last chair cannot erase herself.
        my_data.register()
