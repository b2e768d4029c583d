"""The addresses the facilitator chooses from."""

from __future__ import annotations

import ipaddress

from cocreate.room.network import default_address, is_listenable, local_ipv4_addresses


def test_local_addresses_are_ipv4_with_the_default_first_and_loopback_last():
    addresses = local_ipv4_addresses()
    assert addresses[-1] == "127.0.0.1"
    assert addresses[0] == default_address() or default_address() == "127.0.0.1"
    assert len(addresses) == len(set(addresses))
    for address in addresses:
        parsed = ipaddress.IPv4Address(address)
        assert not parsed.is_unspecified
        assert address == "127.0.0.1" or not parsed.is_loopback


def test_default_address_falls_back_to_loopback(monkeypatch):
    import socket

    def no_network(self, address):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert default_address() == "127.0.0.1"
    assert local_ipv4_addresses()[-1] == "127.0.0.1"


def test_never_the_any_address():
    assert not is_listenable("0.0.0.0")
    assert not is_listenable("localhost")
    assert not is_listenable("::1")
    assert is_listenable("127.0.0.1") and is_listenable("192.168.1.20")
