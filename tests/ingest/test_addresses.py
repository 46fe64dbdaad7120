"""The address guard: which addresses count as public, and what the policy lets through."""

from __future__ import annotations

import ipaddress

import pytest

from tengri.errors import InputError
from tengri.ingest.addresses import AddressPolicy, BlockedAddress, is_public


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "192.0.2.1",
        "198.18.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
        "2002:a00:1::1",
    ],
)
def test_non_public_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "93.184.215.14", "2001:4860:4860::8888", "64:ff9b::808:808"]
)
def test_global_unicast_addresses_are_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "169.254.169.254", "[::1]", "::1"])
def test_the_default_policy_refuses_private_literals_without_resolving(host: str) -> None:
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("a literal address needs no resolver")

    with pytest.raises(BlockedAddress, match="non-public address"):
        AddressPolicy().check_host(host, 80, no_dns)


def test_every_resolved_address_is_checked_not_just_the_first() -> None:
    with pytest.raises(BlockedAddress, match=r"10\.0\.0\.7"):
        AddressPolicy().check_host("mixed.test", 80, lambda h, p: ["93.184.215.14", "10.0.0.7"])


def test_public_answers_are_returned_for_connecting() -> None:
    answers = ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]
    assert AddressPolicy().check_host("news.test", 443, lambda h, p: answers) == answers


def test_allow_private_lets_every_address_through() -> None:
    assert AddressPolicy(allow_private=True).check_host("127.0.0.1", 80) == ["127.0.0.1"]


def test_an_allowed_network_opens_only_that_range() -> None:
    policy = AddressPolicy(allowed_networks=("10.20.0.0/16",))
    assert policy.check_host("10.20.3.4", 80) == ["10.20.3.4"]
    with pytest.raises(BlockedAddress):
        policy.check_host("10.21.0.1", 80)


def test_an_allowed_network_that_is_not_a_range_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not an address or CIDR range"):
        AddressPolicy(allowed_networks=("intranet",))
