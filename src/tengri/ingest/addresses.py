"""Which network addresses tengri may fetch from: public ones only, unless the user allows more.

A news URL, a feed item's link or a redirect can point at the machine tengri runs on, its
private network or a cloud metadata service (169.254.169.254). Every host is resolved and every
address it resolves to is checked before a connection is made, on the first request and after
every redirect; `fetch.GuardedTransport` checks again at connect time, so a DNS answer that
changes between the check and the connection (DNS rebinding) is refused too.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tengri.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
ALLOWED_SCHEMES = ("http", "https")

# IPv6 prefixes that carry an IPv4 address inside them; the embedded address is checked too.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")


class BlockedAddress(InputError):
    """A URL whose host is (or resolves to) an address the policy does not allow."""


def resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host` (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{host}: cannot resolve the host name ({exc})") from exc
    return sorted({str(info[4][0]) for info in infos})


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or address in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local,
    shared, reserved, documentation or multicast), including IPv4 carried inside IPv6."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None and not is_public(inner):
            return False
    return address.is_global and not address.is_multicast


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Where requests may go. The default allows public addresses only."""

    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()  # e.g. ("10.20.0.0/16",): an intranet news archive

    def __post_init__(self) -> None:
        for network in self.allowed_networks:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise InputError(f"allowed network {network!r} is not an address or CIDR "
                                 "range; use e.g. 10.20.0.0/16") from None

    def allows(self, address: IPAddress) -> bool:
        if self.allow_private or is_public(address):
            return True
        return any(address in ipaddress.ip_network(net, strict=False)
                   for net in self.allowed_networks)

    def check_addresses(self, host: str, addresses: Iterable[str]) -> list[str]:
        """The addresses, if every one is allowed; else BlockedAddress naming the first refused."""
        checked: list[str] = []
        for text in addresses:
            address = ipaddress.ip_address(text.split("%", 1)[0])
            if not self.allows(address):
                raise BlockedAddress(
                    f"{host} resolves to {address}, a non-public address (private, loopback, "
                    "link-local or reserved); tengri fetches only public addresses unless "
                    "allowed (--allow-private, or an allowed network)")
            checked.append(text)
        if not checked:
            raise InputError(f"{host}: the host name resolves to no address")
        return checked

    def check_host(self, host: str, port: int, resolver: Resolver = resolve) -> list[str]:
        """Resolve `host` and check every address it gives; return them for connecting."""
        bare = host.strip("[]")
        try:
            literal = ipaddress.ip_address(bare.split("%", 1)[0])
        except ValueError:
            literal = None
        addresses = [str(literal)] if literal is not None else resolver(bare, port)
        return self.check_addresses(host, addresses)
