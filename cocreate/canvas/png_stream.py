"""A PNG written row band by row band into an open file, so that no whole picture is ever held
in memory (no Qt: it takes rows of bytes).

A PNG is the signature, an IHDR chunk (size, 8-bit RGB), a pHYs chunk (the pixels per metre, as
Qt writes it), IDAT chunks that together hold one zlib stream of the rows, each row led by its
filter byte, and IEND. Every row is filtered with "None" (filter byte 0): with zlib level 1 it
encoded a 14 328 x 8 082 journey in 2.1 s into 9.3 MB, where Qt's adaptive filters took 10.7 s
for 10.5 MB.
"""

from __future__ import annotations

import contextlib
import queue
import struct
import threading
import zlib
from typing import BinaryIO

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The largest width or height a PNG can state (the IHDR holds four-byte numbers below 2^31).
MAX_SIDE = 2**31 - 1
#: zlib's fastest level, which Qt also uses for the "quality" cocreate asks of it.
LEVEL = 1
_RGB = 2  # the PNG colour type of 8-bit red, green, blue
_BYTES_PER_PIXEL = 3


def _chunk(kind: bytes, data: bytes | bytearray) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + bytes(data) + struct.pack(">I", crc)


class PngStream:
    """Writes an RGB PNG of width x height into handle: the rows go in bands from the top
    (filtered(), then write_filtered()), then finish() ends the file. ValueError for a size a
    PNG cannot hold, for more rows than the height and for a finish before the last row."""

    def __init__(
        self,
        handle: BinaryIO,
        width: int,
        height: int,
        dots_per_metre: tuple[int, int] | None = None,
        level: int = LEVEL,
    ) -> None:
        if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
            raise ValueError(f"a PNG is 1 to {MAX_SIDE} pixels a side, not {width} x {height}")
        self._handle = handle
        self.width = width
        self.height = height
        self.rows_written = 0
        self._row_bytes = width * _BYTES_PER_PIXEL
        self._zlib = zlib.compressobj(level)
        handle.write(PNG_SIGNATURE)
        handle.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, _RGB, 0, 0, 0)))
        if dots_per_metre is not None and min(dots_per_metre) > 0:
            handle.write(_chunk(b"pHYs", struct.pack(">IIB", *dots_per_metre, 1)))  # 1: metres

    def filtered(
        self, rgb: bytes | bytearray | memoryview, rows: int, bytes_per_line: int
    ) -> bytearray:
        """The next rows as the file holds them before compression, each led by its filter
        byte (0, None), without padding: rgb holds them one after the other, bytes_per_line
        apart (at least width x 3: a row may be padded), each red, green, blue per pixel."""
        size = self._row_bytes
        pixels = memoryview(rgb).cast("B")
        if (
            rows < 0
            or bytes_per_line < size
            or len(pixels) < (rows - 1) * bytes_per_line + (size if rows else 0)
        ):
            raise ValueError("the rows hold fewer bytes than their width needs")
        out = bytearray((size + 1) * rows)  # zero filled: every filter byte is already 0
        for row in range(rows):
            start = row * (size + 1) + 1
            out[start : start + size] = pixels[row * bytes_per_line : row * bytes_per_line + size]
        return out

    def write_filtered(self, raw: bytes | bytearray, rows: int) -> None:
        """Compress the next rows, as filtered() made them, into the file."""
        if self.rows_written + rows > self.height:
            raise ValueError(f"{self.rows_written} + {rows} rows is more than {self.height}")
        self._write_idat(self._zlib.compress(raw))
        self.rows_written += rows

    def _write_idat(self, data: bytes) -> None:
        """An IDAT chunk of what zlib gave (a PNG may cut its stream into chunks anywhere)."""
        if data:
            self._handle.write(_chunk(b"IDAT", data))

    def finish(self) -> None:
        """End the zlib stream and the file (the handle stays open)."""
        if self.rows_written != self.height:
            raise ValueError(f"only {self.rows_written} of {self.height} rows were written")
        self._write_idat(self._zlib.flush())
        self._handle.write(_chunk(b"IEND", b""))


class PngWriterThread:
    """Compresses and writes a PngStream's rows on a thread of its own, so that the next band
    can be drawn meanwhile (zlib and the file release Python's lock while they work). At most
    QUEUED parts wait for it. Use it as a context manager: leaving it (after an error or a
    cancel too) waits until the thread is gone."""

    QUEUED = 2

    def __init__(self, stream: PngStream) -> None:
        self.stream = stream
        self._parts: queue.Queue[tuple[bytearray, int] | None] = queue.Queue(self.QUEUED)
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="png-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            part = self._parts.get()
            if part is None or self._stop.is_set():
                return
            try:
                self.stream.write_filtered(*part)
            except BaseException as error:  # handed to the drawing thread at its next put
                self._error = error
                return

    def put(self, rgb: bytes | bytearray | memoryview, rows: int, bytes_per_line: int) -> None:
        """Queue the next rows (as PngStream.filtered takes them), copied: rgb may change
        once this returns. Raises what the writing raised so far."""
        self._raise()
        part = (self.stream.filtered(rgb, rows, bytes_per_line), rows)
        while not self._put(part):
            self._raise()

    def _put(self, part: tuple[bytearray, int] | None) -> bool:
        try:
            self._parts.put(part, timeout=0.1)
        except queue.Full:
            return False
        return True

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
        if not self._thread.is_alive():
            raise RuntimeError("the PNG writer has stopped")

    def finish(self) -> None:
        """Wait for every queued row, then end the file."""
        self._raise()
        while not self._put(None):
            self._raise()
        self._thread.join()
        if self._error is not None:
            raise self._error
        self.stream.finish()

    def __enter__(self) -> PngWriterThread:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._thread.is_alive():
            self._stop.set()
            with contextlib.suppress(queue.Full):
                self._parts.put_nowait(None)
            self._thread.join()
