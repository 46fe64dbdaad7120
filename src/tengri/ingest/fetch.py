"""Fetching pages and feeds over HTTP, politely and safely.

Timeouts (per operation and in total), retries with exponential backoff on 5xx, 429 and
connection errors, one request per second per host by default, a cap on the body size before
and after decompression, a User-Agent naming tengri, and only public addresses (see
`addresses`). Redirects are followed here, one hop at a time, so each new host is checked.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import httpcore
import httpx

from tengri import __version__
from tengri.errors import InputError
from tengri.ingest.addresses import (
    ALLOWED_SCHEMES,
    AddressPolicy,
    BlockedAddress,
    Resolver,
    resolve,
)
from tengri.ingest.decoding import BoundedDecompressor, decode
from tengri.ingest.records import SourceError

log = logging.getLogger(__name__)

USER_AGENT = f"tengri/{__version__} (news event coder; one request per second per host)"
_REDIRECTS = {301, 302, 303, 307, 308}
_RETRY_STATUS = {429, 500, 502, 503, 504}
_CHUNK = 16_384


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How tengri talks to web servers; every default is the safe one."""

    timeout: float = 15.0  # seconds for connecting, and for each read
    total_timeout: float = 60.0  # seconds for a whole response, however slowly it trickles
    retries: int = 2  # extra attempts after a 5xx, 429, timeout or connection error
    backoff: float = 1.0  # seconds before the first retry; doubled for each further one
    per_host_interval: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = 10 * 2**20  # body size cap, compressed and decompressed
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    policy: AddressPolicy = field(default_factory=AddressPolicy)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body that passed every check."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None
    body: bytes
    last_modified: str | None = None

    def text(self) -> str:
        return decode(self.body, self.final_url, self.charset)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, but every connection goes to an address the policy allowed,
    resolved and checked at connect time (so a DNS answer cannot change after the check)."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver) -> None:
        self._inner = httpcore.SyncBackend()
        self._policy = policy
        self._resolver = resolver

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        addresses = self._policy.check_host(host, port, self._resolver)
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address,
                                               socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise BlockedAddress(f"unix socket {path}: tengri connects over TCP only")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on `GuardedBackend` and no proxies
    from the environment (a proxy would connect for us, past the address check)."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver) -> None:
        super().__init__(trust_env=False)
        # httpx offers no public hook for the network backend; tests/ingest/test_fetch.py
        # proves this pool is the one in use (a rebinding resolver is refused).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # SSL_CERT_FILE still honoured
            max_connections=10, max_keepalive_connections=5, keepalive_expiry=5.0,
            network_backend=GuardedBackend(policy, resolver),
        )


class HostPacer:
    """At most one request per `interval` seconds to each host."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}

    def wait(self, host: str) -> float:
        """Sleep until `host` may be asked again; return how long that took."""
        now = self._clock()
        due = self._next.get(host, now)
        delay = max(0.0, due - now)
        if delay:
            self._sleep(delay)
        self._next[host] = max(now, due) + self.interval
        return delay


def _retry_after(response: httpx.Response, default: float) -> float:
    value = response.headers.get("retry-after", "")
    if value.isdigit():
        return min(float(value), 60.0)
    parsed = email.utils.parsedate_to_datetime(value) if value else None
    if parsed is not None:
        return min(max(0.0, parsed.timestamp() - time.time()), 60.0)
    return default


class Fetcher:
    """Fetch URLs under one set of options; use as a context manager, or call close()."""

    def __init__(self, options: FetchOptions | None = None, resolver: Resolver = resolve,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options or FetchOptions()
        self._resolver = resolver
        self._sleep = sleep
        self._pacer = HostPacer(self.options.per_host_interval, sleep=sleep)
        timeout = httpx.Timeout(self.options.timeout)
        self._client = httpx.Client(
            transport=GuardedTransport(self.options.policy, resolver), timeout=timeout,
            follow_redirects=False, trust_env=False,
            headers={"User-Agent": self.options.user_agent,
                     "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                               "application/atom+xml, application/xml;q=0.9, */*;q=0.5"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Fetched:
        """The body at `url` after redirects, or SourceError saying why not."""
        current = url
        for _hop in range(self.options.max_redirects + 1):
            target = self._check_url(current)
            response = self._request(target)
            if isinstance(response, str):
                current = response
                continue
            return Fetched(url, str(target), *response)
        raise SourceError("too many redirects", f"{url}: more than "
                          f"{self.options.max_redirects} redirects")

    def _check_url(self, url: str) -> httpx.URL:
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise SourceError("invalid URL", f"{url}: not a valid URL ({exc})") from exc
        if target.scheme not in ALLOWED_SCHEMES:
            raise SourceError("refused scheme", f"{url}: scheme {target.scheme!r}; tengri "
                              "fetches only http and https URLs")
        if not target.host:
            raise SourceError("invalid URL", f"{url}: no host")
        port = target.port or (443 if target.scheme == "https" else 80)
        host = target.raw_host.decode("ascii", "replace")  # IDNA-encoded, as connected to
        try:
            self.options.policy.check_host(host, port, self._resolver)
        except BlockedAddress as exc:
            raise SourceError("private address", f"{url}: {exc}") from exc
        except SourceError:
            raise
        except InputError as exc:
            raise SourceError("unresolvable host", f"{url}: {exc}") from exc
        return target

    def _request(self, target: httpx.URL) -> str | tuple[int, str, str | None, bytes, str | None]:
        """One hop: a redirect's next URL, or (status, media type, charset, body, modified)."""
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            self._pacer.wait(target.host)
            delay = self.options.backoff * 2**attempt
            try:
                with self._client.stream("GET", target) as response:
                    if response.status_code in _REDIRECTS:
                        location = response.headers.get("location")
                        if not location:
                            raise SourceError("bad redirect", f"{target}: redirect "
                                              f"{response.status_code} without a Location")
                        return str(target.join(location))
                    if response.status_code in _RETRY_STATUS and attempt + 1 < attempts:
                        log.info("%s: HTTP %s, retrying", target, response.status_code)
                        self._sleep(_retry_after(response, delay))
                        continue
                    if response.status_code >= 400:
                        raise SourceError(f"HTTP {response.status_code}", f"{target}: the "
                                          f"server answered {response.status_code} "
                                          f"{response.reason_phrase}")
                    body = self._read(response, str(target))
                    media, _, _params = response.headers.get("content-type", "").partition(";")
                    return (response.status_code, media.strip().lower(),
                            response.charset_encoding, body,
                            response.headers.get("last-modified"))
            except BlockedAddress as exc:
                raise SourceError("private address", f"{target}: {exc}") from exc
            except httpx.TimeoutException as exc:
                if attempt + 1 == attempts:
                    raise SourceError("timeout", f"{target}: no answer within "
                                      f"{self.options.timeout:g} s ({type(exc).__name__}) "
                                      f"after {attempts} attempt(s)") from exc
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                if attempt + 1 == attempts:
                    raise SourceError("connection failed", f"{target}: {exc or type(exc).__name__}"
                                      f" after {attempts} attempt(s)") from exc
            except httpx.HTTPError as exc:
                raise SourceError("HTTP error", f"{target}: {exc}") from exc
            log.info("%s: attempt %d failed, retrying in %.1f s", target, attempt + 1, delay)
            self._sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _read(self, response: httpx.Response, name: str) -> bytes:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise SourceError("too large", f"{name}: {int(declared) / 2**20:.1f} MB declared, "
                              f"more than the {limit / 2**20:.0f} MB cap")
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        inflater = None if encoding in ("", "identity") else BoundedDecompressor(encoding, limit,
                                                                                  name)
        deadline = time.monotonic() + self.options.total_timeout
        raw = 0
        parts: list[bytes] = []
        for chunk in response.iter_raw(_CHUNK):
            raw += len(chunk)
            if raw > limit:
                raise SourceError("too large", f"{name}: more than the "
                                  f"{limit / 2**20:.0f} MB cap; stopped reading")
            if time.monotonic() > deadline:
                raise SourceError("timeout", f"{name}: the body took longer than "
                                  f"{self.options.total_timeout:g} s; stopped reading")
            parts.append(inflater.feed(chunk) if inflater else chunk)
        if inflater:
            parts.append(inflater.finish())
        return b"".join(parts)
