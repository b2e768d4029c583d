"""The phones the room knows: each one's secret (the cookie), its public short id, the
participant it is bound to, whether it waits for approval, its open event streams, and the
answers to its recent client ids (so that a retried POST never adds a note twice)."""

from __future__ import annotations

import asyncio
import secrets
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from cocreate.room.host import Device

#: A phone counts as holding its participant this long after its last request, even with no
#: event stream open (a phone that just joined, or whose stream is reconnecting).
TAKEN_GRACE = 60.0
#: The answers to this many client ids are kept per phone.
CLIENT_IDS_KEPT = 256


@dataclass(eq=False)
class DeviceRecord:
    secret: str
    device_id: str
    name: str
    participant: dict[str, Any] | None  # None while waiting
    last_seen: float
    in_flight: int = 0  # its requests the desktop has not answered yet
    streams: list[Any] = field(default_factory=list)  # the open event streams (room.Stream)
    answers: OrderedDict[str, asyncio.Future[dict[str, Any]]] = field(default_factory=OrderedDict)

    @property
    def waiting(self) -> bool:
        return self.participant is None

    @property
    def status(self) -> str:
        return "waiting" if self.waiting else "active"

    @property
    def participant_id(self) -> int | None:
        return None if self.participant is None else self.participant["id"]

    def public(self) -> Device:
        return Device(
            device_id=self.device_id,
            participant_id=self.participant_id,
            name=self.name,
            connected=bool(self.streams),
            waiting=self.waiting,
        )

    def remember(self, client_id: str, answer: asyncio.Future[dict[str, Any]]) -> None:
        self.answers[client_id] = answer
        while len(self.answers) > CLIENT_IDS_KEPT:
            self.answers.popitem(last=False)


class Devices:
    """Every phone of one run of the room (a new start forgets them all)."""

    def __init__(self) -> None:
        self._by_secret: dict[str, DeviceRecord] = {}
        self._by_id: dict[str, DeviceRecord] = {}
        self._removed: set[str] = set()

    def __len__(self) -> int:
        return len(self._by_secret)

    def add(self, name: str, participant: dict[str, Any] | None, now: float) -> DeviceRecord:
        device_id = secrets.token_hex(4)
        while device_id in self._by_id:
            device_id = secrets.token_hex(4)
        record = DeviceRecord(secrets.token_urlsafe(32), device_id, name, participant, now)
        self._by_secret[record.secret] = record
        self._by_id[device_id] = record
        return record

    def by_secret(self, secret: str | None) -> DeviceRecord | None:
        return self._by_secret.get(secret) if secret else None

    def by_id(self, device_id: str) -> DeviceRecord | None:
        return self._by_id.get(device_id)

    def was_removed(self, secret: str | None) -> bool:
        return bool(secret) and secret in self._removed

    def drop(self, record: DeviceRecord, removed: bool = True) -> None:
        """Forget a phone: its cookie no longer opens anything (`removed` says so to it)."""
        self._by_secret.pop(record.secret, None)
        self._by_id.pop(record.device_id, None)
        if removed:
            self._removed.add(record.secret)
        record.answers.clear()

    def taken(self, now: float) -> set[int]:
        """The participants held by a phone that is connected or was seen lately."""
        return {
            record.participant_id
            for record in self._by_secret.values()
            if record.participant_id is not None
            and (record.streams or now - record.last_seen < TAKEN_GRACE)
        }

    def holder(self, participant_id: int, now: float) -> DeviceRecord | None:
        for record in self._by_secret.values():
            if record.participant_id == participant_id and (
                record.streams or now - record.last_seen < TAKEN_GRACE
            ):
                return record
        return None

    def waiting_named(self, name: str) -> DeviceRecord | None:
        folded = name.casefold()
        for record in self._by_secret.values():
            if record.waiting and record.name.casefold() == folded:
                return record
        return None

    def public(self) -> list[Device]:
        return [record.public() for record in self._by_secret.values()]
