from django.apps import AppConfig


class SummitsConfig(AppConfig):
    name = "summits"

    def ready(self) -> None:
        from django.db.models import Q

        from events_api.core.filtering import IdFilter
        from events_api.events.hooks import (
            register_change_check,
            register_event_filters,
            register_managers,
            register_publish_check,
        )
        from events_api.events.models import EventStatus
        from summits.errors import SummitNotPublished
        from summits.models import Session
        from summits.services import check_session_change

        def summit_organisers(user) -> Q:
            # A subquery, not a join: a join through organisers would repeat event rows.
            return Q(pk__in=Session.objects.filter(summit__organizers=user).values("event_id"))

        def summit_is_published(event) -> None:
            summit_status = (
                Session.objects.filter(event=event).values_list("summit__status", flat=True).first()
            )
            if summit_status is not None and summit_status != EventStatus.PUBLISHED:
                raise SummitNotPublished()

        register_managers(summit_organisers)
        register_publish_check(summit_is_published)
        register_change_check(check_session_change)
        register_event_filters(
            summit=IdFilter(field_name="session__summit"),
            track=IdFilter(field_name="session__track"),
        )
