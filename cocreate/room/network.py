"""The machine's local IPv4 addresses, to choose the one phones reach the room on."""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK = "127.0.0.1"
#: TEST-NET-1 (RFC 5737): connecting a UDP socket to it picks the default route's address
#: without sending a packet.
PROBE = ("192.0.2.1", 9)


def default_address() -> str:
    """The address on the default route (what phones on the same Wi-Fi reach), else
    127.0.0.1 when the machine has no network."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE)
            address = probe.getsockname()[0]
    except OSError:
        return LOOPBACK
    return address if _usable(address) else LOOPBACK


def local_ipv4_addresses() -> list[str]:
    """Every local IPv4 address found, the default route's first and 127.0.0.1 last."""
    found: list[str] = [default_address()]
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        found.append(str(info[4][0]))
    addresses = [a for a in dict.fromkeys(found) if _usable(a) and a != LOOPBACK]
    return [*addresses, LOOPBACK]


def is_listenable(address: str) -> bool:
    """Whether the room may try to listen on `address`: one IPv4 address (loopback included),
    never the "any" address 0.0.0.0. Whether it is this machine's, binding tells."""
    try:
        parsed = ipaddress.IPv4Address(address)
    except ValueError:
        return False
    return not parsed.is_unspecified and not parsed.is_multicast


def _usable(address: str) -> bool:
    try:
        parsed = ipaddress.IPv4Address(address)
    except ValueError:
        return False
    # 127.0.1.1 and the like (a host name's loopback alias) are no use to a phone.
    bad = parsed.is_unspecified or parsed.is_multicast or parsed.is_link_local
    return not bad and (not parsed.is_loopback or address == LOOPBACK)
