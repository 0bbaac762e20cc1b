"""Which IP addresses headwater may fetch from: public ones, unless the caller allows private ones.

Python calls an IPv6 address global by its own prefix, but several IPv6 forms carry an IPv4 address
that a network may route to: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
(64:ff9b::a.b.c.d; RFC 6052), 6to4 (2002:AABB:CCDD::; RFC 3056), Teredo (2001::/32; RFC 4380) and
ISATAP interface identifiers (…:0:5efe:a.b.c.d; RFC 5214). Each embedded IPv4 address is decoded
and checked too: 64:ff9b::7f00:1 is 127.0.0.1 on a network with NAT64.
"""
from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: local-use translation, never public
_COMPAT = ipaddress.ip_network("::/96")


def embedded_ipv4(addr: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries, in every form a network may translate."""
    out: list[ipaddress.IPv4Address] = []
    if addr.ipv4_mapped is not None:
        out.append(addr.ipv4_mapped)
    if addr.sixtofour is not None:
        out.append(addr.sixtofour)
    if addr.teredo is not None:
        out += list(addr.teredo)
    low32 = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    if addr in _NAT64 or (addr in _COMPAT and int(addr) > 1):
        out.append(low32)
    if (int(addr) >> 32) & 0xFDFFFFFF == 0x5EFE:  # ISATAP: interface id 0000:5efe or 0200:5efe
        out.append(low32)
    return out


def refusal(addr: IPAddress, allow_private: bool) -> str | None:
    """Why headwater must not connect to addr ("a private or loopback address (…)"), or None when it may."""
    if addr.is_unspecified or addr.is_multicast:
        return f"no host address ({addr})"
    if allow_private:
        return None
    if not addr.is_global:
        return f"a private or loopback address ({addr})"
    if isinstance(addr, ipaddress.IPv6Address):
        if addr in _NAT64_LOCAL:
            return f"a private or loopback address (local-use NAT64 {addr})"
        for v4 in embedded_ipv4(addr):
            if not v4.is_global:
                return f"a private or loopback address ({addr} carries the IPv4 address {v4})"
    return None


def parse(text: str) -> IPAddress:
    """An address as getaddrinfo gives it (an IPv6 address may carry a %scope)."""
    return ipaddress.ip_address(text.split("%", 1)[0])
