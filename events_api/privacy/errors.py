from django.utils.translation import gettext_lazy as _

from events_api.core.errors import BadRequest, Conflict, Forbidden


class PersonalDataRemoved(Conflict):
    code = "personal_data_removed"
    message = _(
        "The personal data of this event's registrants has passed its retention period and "
        "is removed: only counts remain."
    )


class ErasureNotConfirmed(BadRequest):
    code = "erasure_not_confirmed"
    message = _('Erasing an account cannot be undone: send {"confirm": "erase"} to confirm it.')


class MayNotErase(Forbidden):
    code = "may_not_erase"
    message = _("Only the community organisation that registered this family may erase it.")
