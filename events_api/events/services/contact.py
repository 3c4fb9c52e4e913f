"""Who a registration is for and how to reach them: what the registration services, the
duplicate checks and RSVPs all take."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Contact:
    """Who the party is and how to reach them. ``user`` for an account; otherwise a name
    and at least one of email/phone, or the registering organisation."""

    name: str
    email: str = ""
    phone: str = ""
    user: object | None = None
    # A guest's way to be reached: email, sms, phone_call; empty means "by what they gave".
    channel: str = ""
