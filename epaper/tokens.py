"""The dependency tokens the outputs of the last build read (see dependencies.py), each with its value then.

Each token is stored once and numbered; an output's record holds the numbers of its tokens packed in a
``bytes`` (``pack``), so the cache index of a large site (half a million recorded reads) is written and read
in a fraction of the time a tuple of strings per record takes. After each build the tokens no record holds
are forgotten (``keep_only``) once the table has grown by a fraction (``SWEEP_GROWTH``) since they last were,
and their numbers go to the next new tokens.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from itertools import compress
from operator import methodcaller, ne, not_
from typing import Any

ABSENT = ""  # the value of a token whose object no longer exists
FREE = ""  # the token of a number no record holds
# Tokens no record holds cost only their room; finding them costs a large site a tenth of a second a build
SWEEP_GROWTH = 1.125


class TokenTable:
    """Tokens by number and their recorded values; the numbers of the tokens an output read, packed."""

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.values: list[str] = []
        self.held_after_sweep = 0  # the tokens held after the last ``keep_only``

    def __getstate__(self) -> dict[str, Any]:
        return {"tokens": self.tokens, "values": self.values, "held_after_sweep": self.held_after_sweep}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.tokens, self.values, self.held_after_sweep = state["tokens"], state["values"], state["held_after_sweep"]

    @cached_property
    def _numbers(self) -> dict[str, int]:
        """Each held token's number; made when first needed (a build with nothing to do never needs it)."""
        return {token: number for number, token in enumerate(self.tokens) if token != FREE}

    @cached_property
    def _free(self) -> list[int]:
        return [number for number, token in enumerate(self.tokens) if token == FREE]

    @cached_property
    def _numbered(self) -> list[int]:
        """The numbers given to new tokens since ``take_new`` last gave them. Not stored: a token whose value a
        failed build never set keeps ``ABSENT``, which the next build compares with its value then."""
        return []

    def recorded(self) -> Iterator[tuple[str, str]]:
        """Every token held with the value it had when it was read."""
        return ((token, value) for token, value in zip(self.tokens, self.values, strict=True) if token != FREE)

    def differing(self, values: Mapping[str, str]) -> Iterator[tuple[str, str]]:
        """Every token held whose recorded value is not its value in ``values`` (or that ``values`` lacks),
        with the recorded value; compared in C, as a large site holds tens of thousands of tokens."""
        differs = map(ne, map(values.get, self.tokens), self.values)
        pairs = compress(zip(self.tokens, self.values, strict=True), differs)
        return ((token, value) for token, value in pairs if token != FREE)

    def starting_with(self, prefixes: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        """Every held token that starts with one of ``prefixes``, with its recorded value (tested in C)."""
        matches = map(methodcaller("startswith", prefixes), self.tokens)
        return compress(zip(self.tokens, self.values, strict=True), matches)

    def recorded_values(self, tokens: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Those of ``tokens`` that are held, with their recorded values."""
        numbers = self._numbers
        return ((token, self.values[numbers[token]]) for token in tokens if token in numbers)

    def unset(self) -> Iterator[tuple[str, str]]:
        """Every held token whose recorded value is ``ABSENT``: its object was gone, or its value never set (by a
        build that failed after numbering it)."""
        pairs = compress(zip(self.tokens, self.values, strict=True), map(not_, self.values))
        return ((token, value) for token, value in pairs if token != FREE)

    def pack(self, tokens: Iterable[str]) -> bytes:
        """The numbers of ``tokens`` (new ones numbered now, their value set later by :meth:`set`)."""
        return _packed(map(self._number, tokens))

    def numbers(self, tokens: Iterable[str]) -> frozenset[int]:
        """The numbers of those of ``tokens`` that are held."""
        return frozenset(self._numbers[token] for token in tokens if token in self._numbers)

    @staticmethod
    def union(packed: Iterable[bytes]) -> bytes:
        """The numbers held by any of the records ``packed``, packed."""
        return _packed(set().union(*map(TokenTable.unpack, packed)))

    @staticmethod
    def unpack(packed: bytes) -> memoryview:
        """The token numbers in a record (``pack``'s result), as a sequence of ints."""
        return memoryview(packed).cast("I")

    def take_new(self) -> list[str]:
        """The tokens numbered since this was last called: their values are still to be :meth:`set`."""
        new = [self.tokens[number] for number in self._numbered if self.tokens[number] != FREE]
        self._numbered.clear()
        return new

    def set(self, token: str, value: str) -> None:
        """Record ``token``'s value now."""
        self.values[self._number(token)] = value

    def grown(self) -> bool:
        """True when the table holds ``SWEEP_GROWTH`` times the tokens it held after the last sweep."""
        return len(self._numbers) > SWEEP_GROWTH * self.held_after_sweep

    def keep_only(self, held: Iterable[bytes]) -> None:
        """Forget the tokens that none of the records ``held`` (packed numbers) holds: their numbers go to
        the next new tokens."""
        kept: set[int] = set()
        for packed in held:
            kept.update(self.unpack(packed))
        for number, token in enumerate(self.tokens):
            if token != FREE and number not in kept:
                del self._numbers[token]
                self.tokens[number] = FREE
                self.values[number] = ABSENT
                self._free.append(number)
        self.held_after_sweep = len(self._numbers)

    def _number(self, token: str) -> int:
        number = self._numbers.get(token)
        if number is None:
            if self._free:
                number = self._free.pop()
                self.tokens[number] = token
            else:
                number = len(self.tokens)
                self.tokens.append(token)
                self.values.append(ABSENT)
            self._numbers[token] = number
            self._numbered.append(number)
        return number


def _packed(numbers: Iterable[int]) -> bytes:
    """Token numbers as a record holds them: sorted, four bytes each."""
    return array("I", sorted(numbers)).tobytes()
