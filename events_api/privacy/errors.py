from django.utils.translation import gettext_lazy as _

from events_api.core.errors import Conflict


class PersonalDataRemoved(Conflict):
    code = "personal_data_removed"
    message = _(
        "The personal data of this event's registrants has passed its retention period and "
        "is removed: only counts remain."
    )
