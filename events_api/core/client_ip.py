"""Who the client is: the one answer every throttle and allauth's rate limits use.

``X-Forwarded-For`` is read only when the connection comes from a proxy listed in
``settings.TRUSTED_PROXIES`` (addresses or networks, from the environment; the same list
gunicorn's ``forwarded_allow_ips`` is set from). The header is walked from the right,
skipping trusted proxies: the first address no trusted proxy vouches for is the client.
Anything to the left of it was written by the client and is ignored. With no trusted
proxies (the default) the header is never read, so a made-up one changes nothing.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Rate limits count an IPv6 client by its /64, as allauth does: one household or server
# is handed a whole /64 and could otherwise take a fresh address for every request.
IPV6_RATE_LIMIT_PREFIX = 64


@lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip()))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network."
            ) from exc
    return tuple(networks)


def parse_address(value: str) -> Address | None:
    """An address as a proxy writes it: bare, ``v4:port`` or ``[v6]:port``."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or, when REMOTE_ADDR is a trusted proxy, the
    rightmost address in X-Forwarded-For that is not itself a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    current = parse_address(remote)
    if current is None or not _is_trusted(current, networks):
        return str(current) if current is not None else remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = parse_address(hop)
        if address is None:
            break
        current = address
        if not _is_trusted(address, networks):
            break
    return str(current)


def rate_limit_address(request) -> str:
    """The client as rate limits count it: its address, an IPv6 one cut to its /64."""
    address = client_address(request)
    parsed = parse_address(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        network = ipaddress.IPv6Network(f"{parsed}/{IPV6_RATE_LIMIT_PREFIX}", strict=False)
        return str(network.network_address)
    return address
