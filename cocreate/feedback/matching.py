"""The stage and touchpoint values of survey answers matched to a journey's stages and cards.

A value matches a name exactly, else when both are the same once folded: NFKC (full-width and
half-width forms alike), case folded, and white space removed ("Ｐｒｅ order" = "preorder",
"到店 取餐" = "到店取餐"). A value that matches no name, or more than one, is unmatched; the
person then chooses its stage or card, or chooses to link the answers to none, in an override
map. Pure functions over plain (id, name) pairs: no document, no Qt.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: An override that links the value's answers to no stage or card (the answers are imported).
NO_TARGET = None


def folded(text: str) -> str:
    """A name as it is compared when it is not the same exactly."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class Unmatched:
    """A value no name matched, with how many answers give it."""

    value: str
    count: int
    candidates: tuple[int, ...] = ()  # the ids it matches when it matches more than one

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass(frozen=True)
class Matching:
    """What each value becomes: an id, or None (the person chose no stage or card)."""

    targets: dict[str, int | None]
    unmatched: tuple[Unmatched, ...]  # most answers first, then in the order first seen

    def __contains__(self, value: str) -> bool:
        return value in self.targets

    def target(self, value: str) -> int | None:
        """The id a value becomes; KeyError for an unmatched value."""
        return self.targets[value]

    @property
    def complete(self) -> bool:
        return not self.unmatched


def match_values(
    values: Mapping[str, int] | Iterable[str],
    choices: Sequence[tuple[int, str]],
    overrides: Mapping[str, int | None] | None = None,
) -> Matching:
    """Match each distinct value (with its count of answers, or each once) to the choices.

    An override wins over a match; its id must be one of the choices (ValueError otherwise)."""
    counts = values if isinstance(values, Mapping) else Counter(values)
    overrides = overrides or {}
    ids = {choice_id for choice_id, _ in choices}
    for value, target in overrides.items():
        if target is not None and target not in ids:
            raise ValueError(f"{value!r} is matched to {target}, which is not one of the choices")
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    for choice_id, name in choices:
        exact.setdefault(name.strip(), []).append(choice_id)
        loose.setdefault(folded(name), []).append(choice_id)
    targets: dict[str, int | None] = {}
    unmatched: list[Unmatched] = []
    for value, count in counts.items():
        if value in overrides:
            targets[value] = overrides[value]
            continue
        found = exact.get(value.strip()) or loose.get(folded(value)) or []
        if len(found) == 1:
            targets[value] = found[0]
        else:
            unmatched.append(Unmatched(value, count, tuple(found)))
    unmatched.sort(key=lambda item: -item.count)  # stable: ties stay in the order first seen
    return Matching(targets, tuple(unmatched))
