"""``python -m ingest``'s progress line and its Ctrl-C.

On a terminal the import's progress is one line rewritten in place: the share done, the step,
and the time left once the pace says something (ingest.progress.time_left). Elsewhere (a log, a
pipe, a test) it is a plain line each time the step changes, readable afterwards.

Ctrl-C stops the import: Python raises KeyboardInterrupt wherever it runs, and DuckDB, stopped
inside a query, raises an error of its own; either goes up through the import's transaction, which
rolls back. The handler below notes that the key was pressed, so that whatever then comes out of
the import becomes our ImportCancelled, one sentence instead of a traceback.
"""

from __future__ import annotations

import shutil
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ingest.errors import cancelled
from ingest.progress import Progress, time_left
from words import choose
from words.format import percent
from words.time_left import time_left_words


def progress_line(lang: str, stream: TextIO) -> Progress:
    """The import's progress on ``stream`` in ``lang`` (see the module docstring)."""
    started = time.monotonic()
    shown = ""

    def show(fraction: float, fr: str, en: str) -> None:
        nonlocal shown
        words = choose(fr, en, lang)
        line = f"  [{percent(fraction, lang, 0):>6}] {words}"
        if not stream.isatty():
            if words != shown:
                print(line, file=stream, flush=True)
            shown = words
            return
        left = time_left(fraction, time.monotonic() - started)
        if left is not None:
            line += f" · {time_left_words(left, lang)}"
        width = shutil.get_terminal_size().columns - 1
        stream.write("\r" + line[:width].ljust(width))
        if fraction >= 1.0:
            stream.write("\n")
        stream.flush()
    return show


@contextmanager
def ctrl_c_cancels(file_name: str) -> Iterator[None]:
    """Ctrl-C during the block raises ImportCancelled for ``file_name`` (the module docstring)."""
    pressed = False

    def on_ctrl_c(signum: int, frame: object) -> None:
        nonlocal pressed
        pressed = True
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_ctrl_c)
    try:
        yield
    except BaseException:
        if pressed:
            raise cancelled(file_name) from None
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
