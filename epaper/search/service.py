"""Pagefind's Python API, driven without its per-message delay, in backing processes shared by the parts.

``pagefind.service.PagefindService`` (1.5.2) sleeps 0.1 s before reading each response, which makes a
record cost 0.1 s: 1,000 records took 106 s instead of 3.6 s. ``PromptService`` reads responses as they
come; the requests and the index are the library's own.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, cast

from pagefind.index import PagefindIndex
from pagefind.service import PagefindService

from .records import LANGUAGE, SearchRecord

CLOSE_SECONDS = 30
ENTRY_PATIENCE = 5.0  # seconds an unreadable entry file is read again (see check_written)
# Records indexed at once over all processes: Pagefind holds about 0.4 MB a record (Han text character by
# character) until a part is written, so two halves of a month of a daily (about 500 records each in the
# benchmark's corpus, 720 for a paper of seven issues a week) are indexed side by side, within 600 MB.
RECORDS_AT_ONCE = 1_500
BATCH = 200  # records in flight at once: enough to keep Pagefind busy, few enough to bound the pipe's buffers
# A process keeps much of its memory after writing a part (in session 6, about 180 MB of the 450 MB a 1,000-record part
# took): after a part of more records than this, it is replaced by a fresh one, so that two processes never
# hold more than RECORDS_AT_ONCE's worth at once.
FRESH_PROCESS_AFTER = 300


class PagefindFailed(RuntimeError):
    """Pagefind could not start, refused a record or could not write the index."""


class PromptService(PagefindService):
    async def _wait_for_responses(self) -> None:
        stdout = self._backend.stdout
        assert stdout is not None
        while True:
            try:
                message = json.loads(base64.b64decode((await stdout.readuntil(b","))[:-1]))
            except (asyncio.IncompleteReadError, ValueError) as error:  # the process ended or spoke garbage
                for waiting in self._responses.values():
                    if not waiting.done():
                        waiting.set_exception(PagefindFailed(f"pagefind stopped: {error!r}"))
                        # The build ends with the first such failure; the other requests' callers may never
                        # come to read theirs, which asyncio would then print as an unretrieved exception.
                        waiting.add_done_callback(_read_exception)
                return
            future = self._responses.pop(message.get("message_id"), None)
            if future is None or future.done():
                continue
            payload = message["payload"]
            if payload["type"] == "Error":
                future.set_exception(PagefindFailed(payload.get("message", "pagefind error")))
            else:
                future.set_result(cast(Any, payload))


def _read_exception(future: asyncio.Future[Any]) -> None:
    future.exception()


class Indexer:
    """``count`` Pagefind processes started once for a build, each indexing one part at a time.

    Starting Pagefind costs a tenth of a second or more; a build that indexes many small parts pays it
    once per process, not once per part (a process that indexed a large part is replaced, see
    ``FRESH_PROCESS_AFTER``). A part's index is deleted from its process once written. A part waits until
    its records fit in ``RECORDS_AT_ONCE`` with those being indexed (a larger one waits for all).
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.services: list[PromptService] = []
        self.idle: asyncio.Queue[PromptService] = asyncio.Queue()
        self.in_flight = 0
        self.room = asyncio.Condition()

    async def __aenter__(self) -> Indexer:
        try:
            for _ in range(self.count):
                service = PromptService()
                await service.launch()
                self.services.append(service)
                self.idle.put_nowait(service)
        except OSError as error:
            await self.close()
            raise PagefindFailed(f"pagefind could not run: {error}") from None
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def close(self) -> None:
        for service in self.services:
            await _close(service)

    @contextlib.asynccontextmanager
    async def room_for(self, records: int) -> AsyncIterator[None]:
        """Wait until ``records`` more fit in RECORDS_AT_ONCE; make the part's records only inside."""
        weight = min(records, RECORDS_AT_ONCE)
        async with self.room:
            await self.room.wait_for(lambda: self.in_flight + weight <= RECORDS_AT_ONCE)
            self.in_flight += weight
        try:
            yield
        finally:
            async with self.room:
                self.in_flight -= weight
                self.room.notify_all()

    async def write_index(self, records: Sequence[SearchRecord], output: Path) -> int:
        """Index ``records`` into the Pagefind bundle folder ``output``; returns the number of records."""
        service = await self.idle.get()
        try:
            index = await service.create_index({"force_language": LANGUAGE})
            count = 0
            pending: list[SearchRecord] = []
            for record in records:
                pending.append(record)
                if len(pending) == BATCH:
                    count += await _add(index, pending)
                    pending = []
            count += await _add(index, pending)
            await index.write_files(str(output))
            await index.delete_index()
        except (asyncio.IncompleteReadError, BrokenPipeError, ConnectionResetError) as error:
            raise PagefindFailed(f"pagefind stopped: {error!r}") from None
        if count > FRESH_PROCESS_AFTER:
            service = await self._replace(service)
        self.idle.put_nowait(service)  # not after a failure: the build ends with it
        await check_written(output, count)
        return count

    async def _replace(self, service: PromptService) -> PromptService:
        """End ``service``'s process and start another in its place."""
        self.services.remove(service)
        await _close(service)
        fresh = PromptService()
        try:
            await fresh.launch()
        except OSError as error:
            raise PagefindFailed(f"pagefind could not run: {error}") from None
        self.services.append(fresh)
        return fresh


async def _add(index: PagefindIndex, records: list[SearchRecord]) -> int:
    answers = await asyncio.gather(
        *(
            index.add_custom_record(
                url=record.url,
                content=record.content,
                language=LANGUAGE,
                meta=record.meta,
                filters=record.filters,
                sort=record.sort,
            )
            for record in records
        ),
        return_exceptions=True,  # every answer is awaited, so a stopped Pagefind's are not left unread
    )
    for answer in answers:
        if isinstance(answer, BaseException):
            raise answer
    return len(records)


async def _close(service: PromptService) -> None:
    """End the backing process by closing its input, so it finishes writing before it exits."""
    service._poll_task.cancel()
    backend = service._backend
    if backend.stdin is not None:
        backend.stdin.close()
    try:
        await asyncio.wait_for(backend.wait(), timeout=CLOSE_SECONDS)
    except TimeoutError:
        backend.terminate()
        await backend.wait()


async def check_written(output: Path, records: int, patience: float = ENTRY_PATIENCE) -> None:
    """A written bundle names all its records in its entry file (a killed Pagefind may leave it empty).

    On a loaded machine the entry file was seen still empty just after Pagefind answered that the index
    was written, so an unreadable entry is read again for up to ``patience`` seconds before it counts.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
            written = sum(language["page_count"] for language in entry["languages"].values())
            break
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            if time.monotonic() >= deadline:
                raise PagefindFailed(f"pagefind wrote no usable index into {output}: {error}") from None
            await asyncio.sleep(0.05)
    if written != records:
        raise PagefindFailed(f"pagefind indexed {written} of {records} records into {output}")
