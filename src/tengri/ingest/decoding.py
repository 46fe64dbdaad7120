"""Bytes to text, and gzip streams that stop at a size cap instead of filling memory."""

from __future__ import annotations

import logging
import zlib

from tengri.ingest.records import SourceError

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
# charset detection always finds *some* single-byte encoding; past this much "chaos" (its
# measure of implausible character sequences) the guess is noise, not text.
_MAX_CHAOS = 0.1


def decode(data: bytes, name: str, charset: str | None = None) -> str:
    """Bytes to text: the declared charset, UTF-8 (with or without BOM), else the encoding
    charset detection finds; binary data or bytes no encoding explains raise SourceError."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("binary data", f"{name}: binary data (NUL bytes), not text; give a "
                          "text, HTML, JSONL, feed or WARC file")
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declared charset %s does not fit; detecting", name, charset)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        raise SourceError("undecodable text", f"{name}: not UTF-8 and no text encoding "
                          "explains the bytes; convert the file to UTF-8")
    log.info("%s: decoded as %s", name, best.encoding)
    return data.decode(best.encoding, errors="replace")


class BoundedDecompressor:
    """Inflates gzip or deflate data chunk by chunk and refuses to produce more than `limit`
    bytes, so a small compressed body cannot expand into gigabytes (a decompression bomb)."""

    def __init__(self, encoding: str, limit: int, name: str) -> None:
        self.name = name
        self.limit = limit
        self.produced = 0
        self._first = True
        if encoding in ("gzip", "x-gzip"):
            self._inflater: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflater = None  # zlib-wrapped or raw deflate: decided on the first bytes
        else:
            raise SourceError("unsupported encoding", f"{name}: content encoding "
                              f"{encoding!r}; tengri reads identity, gzip and deflate")

    def _start_deflate(self, chunk: bytes) -> zlib._Decompress:
        # RFC 9110 says zlib-wrapped, but many servers send raw deflate.
        wrapped = (len(chunk) >= 2 and (chunk[0] & 0x0F) == 8
                   and (chunk[0] << 8 | chunk[1]) % 31 == 0)
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> bytes:
        if self._inflater is None:
            self._inflater = self._start_deflate(chunk)
        out: list[bytes] = []
        data = chunk
        try:
            while data:
                room = self.limit - self.produced + 1
                piece = self._inflater.decompress(data, room)
                self.produced += len(piece)
                out.append(piece)
                if self.produced > self.limit:
                    raise SourceError("decompression bomb", f"{self.name}: decompresses to more "
                                      f"than {self.limit / 2**20:.0f} MB; refused")
                data = self._inflater.unconsumed_tail
        except zlib.error as exc:
            raise SourceError("corrupt compression", f"{self.name}: compressed data is "
                              f"corrupt ({exc})") from exc
        return b"".join(out)

    def finish(self) -> bytes:
        if self._inflater is None:
            return b""
        tail = self._inflater.flush()
        self.produced += len(tail)
        if self.produced > self.limit:
            raise SourceError("decompression bomb", f"{self.name}: decompresses to more than "
                              f"{self.limit / 2**20:.0f} MB; refused")
        return tail
