from django.apps import AppConfig


class SummitsConfig(AppConfig):
    name = "summits"

    def ready(self) -> None:
        from events_api.core.filtering import IdFilter
        from events_api.events.hooks import (
            register_change_check,
            register_event_filters,
            register_managers,
            register_publish_check,
        )
        from events_api.privacy.hooks import register_retention
        from summits import rules
        from summits.retention import summit_retention_overrides
        from summits.services import check_session_change, check_summit_published

        # A summit's organisers manage its sessions' events.
        register_managers(rules.managed_sessions_q)
        register_publish_check(check_summit_published)
        register_change_check(check_session_change)
        register_event_filters(
            summit=IdFilter(field_name="session__summit"),
            track=IdFilter(field_name="session__track"),
        )
        # A summit's own retention period for its sessions' registrants.
        register_retention(summit_retention_overrides)
