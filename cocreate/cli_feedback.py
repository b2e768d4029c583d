"""`cocreate import-feedback SESSION IN.csv|IN.xlsx`: survey answers into a journey of a session
from the command line, all or none, as File > Import Feedback… does in the window.

The file's columns are mapped to the answer's fields by --map (else guessed from the headers,
and the mapping used is printed); the stage and touchpoint values are matched to the journey's
stages and cards, and --match-stage / --match-touchpoint settle those that match none. Every
row is checked before anything is written: the first problem is printed with its row and
column and nothing is imported, unless --skip-bad-rows. The session is opened as the window
opens it, so a session open in the app is refused. No Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from cocreate.analysis import nps
from cocreate.cli import CommandError
from cocreate.feedback import (
    FeedbackFileError,
    Field,
    ImportPlan,
    MappingError,
    SourceTable,
    Targets,
    column_values,
    guess_mapping,
    mapping_from_names,
    match_values,
    plan_import,
    read_answers,
)
from cocreate.feedback.answers import import_ops
from cocreate.feedback.matching import Matching, folded
from cocreate.path_checks import shown
from cocreate.records import Row
from cocreate.store import FileProblem, SessionFile, SessionFileError

#: How many unmatched values a message lists before "and N more".
_LISTED = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION.cocreate", help="the session to add them to")
    parser.add_argument(
        "input", metavar="IN.csv|IN.xlsx", help="the survey answers: CSV (UTF-8 or GB18030) or XLSX"
    )
    parser.add_argument(
        "--journey", metavar="NAME", help="the journey they are about (needed when there are more)"
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER[,FIELD=HEADER...]",
        help="the column of each field (score, comment, date, channel, stage, touchpoint, tier,"
        " customer_type, respondent); default: guessed from the headers",
    )
    parser.add_argument(
        "--match-stage",
        action="append",
        default=[],
        metavar="VALUE=STAGE",
        help="the stage a value of the file means (VALUE= for none)",
    )
    parser.add_argument(
        "--match-touchpoint",
        action="append",
        default=[],
        metavar="VALUE=CARD",
        help="the touchpoint card a value of the file means (VALUE= for none)",
    )
    parser.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows and count the others"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check and say what would be imported; write nothing"
    )


def run(args: argparse.Namespace) -> None:
    source = Path(args.input)
    try:
        answers = read_answers(source)
    except FeedbackFileError as error:
        raise CommandError(f"{error.message}; nothing was imported") from None
    store = SessionFile.open(Path(args.session))  # locked: refused while the app has it open
    try:
        if store.read_only and not args.dry_run:
            raise SessionFileError(store.path, FileProblem.READ_ONLY)
        _import(store, answers, args)
    finally:
        store.close()


def _import(store: SessionFile, answers: SourceTable, args: argparse.Namespace) -> None:
    journey = _journey(store, args.journey)
    mapping = _mapping(answers, args.map)
    targets = _targets(store, journey, answers, mapping, args)
    plan = plan_import(answers, mapping, targets, skip_bad=args.skip_bad_rows)
    label = shown(answers.path)
    if not plan.ok and plan.first_problem is not None:
        hint = (
            f" ({plan.rows - plan.bad_rows} rows are good: --skip-bad-rows imports them)"
            if plan.rows > plan.bad_rows and not args.skip_bad_rows
            else ""
        )
        raise CommandError(
            f"{label}: {plan.first_problem.message}; {_rows(plan.bad_rows)}{hint};"
            " nothing was imported"
        )
    summary = _summary(plan, journey)
    if args.dry_run:
        print(f"would have {summary} (--dry-run: nothing was imported)")
        return
    store.apply(import_ops(store, journey["id"], plan.answers, answers.path.name))
    print(summary)


def _summary(plan: ImportPlan, journey: Row) -> str:
    found = nps(answer["score"] for answer in plan.answers)
    skipped = f" (skipped {_rows(plan.skipped)})" if plan.skip_bad else ""
    return (
        f'imported {_answers(len(plan.answers))} into "{journey["name"]}"{skipped};'
        f" NPS {_signed(found.rounded or 0)} (n={found.n})"
    )


def _answers(count: int) -> str:
    return f"{count} answer" if count == 1 else f"{count} answers"


def _signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


def _rows(count: int) -> str:
    return f"{count} bad row" if count == 1 else f"{count} bad rows"


def _journey(store: SessionFile, name: str | None) -> Row:
    journeys = store.rows("journey", order_by="position")
    names = ", ".join(f'"{journey["name"]}"' for journey in journeys)
    if name is None:
        if len(journeys) == 1:
            return journeys[0]
        if not journeys:
            raise CommandError(f"{shown(store.path)}: the session has no journey to add them to")
        raise CommandError(
            f"{shown(store.path)}: the session has {len(journeys)} journeys ({names});"
            " choose one with --journey NAME"
        )
    found = [j for j in journeys if j["name"] == name] or [
        j for j in journeys if folded(j["name"]) == folded(name)
    ]
    if len(found) != 1:
        why = "no journey" if not found else f"{len(found)} journeys"
        raise CommandError(f'--journey "{name}": {why} of the session has this name ({names})')
    return found[0]


def _mapping(answers: SourceTable, given: Sequence[str]) -> dict[Field, int]:
    if given:
        names: dict[str, str] = {}
        for part in (item for text in given for item in text.split(",")):
            field_name, equals, header = part.partition("=")
            if not equals or not field_name.strip():
                raise CommandError(f"--map {part!r}: write FIELD=HEADER, like score=推荐分")
            names[field_name] = header
        try:
            return mapping_from_names(answers.headers, names)
        except MappingError as error:
            raise CommandError(f"--map: {error}") from None
    mapping = guess_mapping(answers.headers)
    if Field.SCORE not in mapping:
        headers = ", ".join(f'"{header}"' for header in answers.headers if header)
        raise CommandError(
            f"{shown(answers.path)}: no column looks like the score (its columns are {headers});"
            " name it with --map score=HEADER; nothing was imported"
        )
    used = ", ".join(
        f"{field_.value}={answers.headers[column]}" for field_, column in mapping.items()
    )
    print(f"mapping: {used}")
    return mapping


def _targets(
    store: SessionFile,
    journey: Row,
    answers: SourceTable,
    mapping: dict[Field, int],
    args: argparse.Namespace,
) -> Targets:
    """The stages and cards the file's values mean; CommandError listing those that match
    none, with how many answers give each."""
    stages = store.rows("stage", order_by="position", journey_id=journey["id"])
    cards = store.rows("touchpoint", journey_id=journey["id"])
    matchings: dict[Field, Matching | None] = {}
    for field_, rows, key, option in (
        (Field.STAGE, stages, "name", "--match-stage"),
        (Field.TOUCHPOINT, cards, "title", "--match-touchpoint"),
    ):
        if field_ not in mapping:
            matchings[field_] = None
            continue
        choices = [(row["id"], row[key]) for row in rows]
        overrides = _overrides(getattr(args, option[2:].replace("-", "_")), choices, option)
        found = match_values(column_values(answers, mapping[field_]), choices, overrides)
        if not found.complete:
            raise CommandError(_unmatched(answers, journey, field_, found, option))
        matchings[field_] = found
    return Targets(
        matchings[Field.STAGE],
        matchings[Field.TOUCHPOINT],
        {card["id"]: card["stage_id"] for card in cards},
    )


def _overrides(
    given: Sequence[str], choices: list[tuple[int, str]], option: str
) -> dict[str, int | None]:
    """--match-stage / --match-touchpoint VALUE=NAME as value -> id (None for VALUE=)."""
    overrides: dict[str, int | None] = {}
    for text in given:
        value, equals, name = text.partition("=")
        if not equals or not value.strip():
            raise CommandError(f"{option} {text!r}: write VALUE=NAME, or VALUE= for none")
        if not name.strip():
            overrides[value.strip()] = None
            continue
        found = [i for i, n in choices if n.strip() == name.strip()] or [
            i for i, n in choices if folded(n) == folded(name)
        ]
        if len(found) != 1:
            what = "nothing" if not found else f"{len(found)} of them"
            raise CommandError(f'{option} {text!r}: "{name}" names {what} in the journey')
        overrides[value.strip()] = found[0]
    return overrides


def _unmatched(
    answers: SourceTable, journey: Row, field_: Field, found: Matching, option: str
) -> str:
    what = "stage" if field_ is Field.STAGE else "touchpoint card"
    listed = ", ".join(
        f'"{item.value}" ({item.count} {"answer" if item.count == 1 else "answers"}'
        + (f", {len(item.candidates)} {what}s have this name" if item.ambiguous else "")
        + ")"
        for item in found.unmatched[:_LISTED]
    )
    more = len(found.unmatched) - _LISTED
    listed += f" and {more} more" if more > 0 else ""
    count = len(found.unmatched)
    values = f"{count} {field_.value} value" + ("" if count == 1 else "s")
    return (
        f"{shown(answers.path)}: {values} {'matches' if count == 1 else 'match'} no {what} of"
        f' "{journey["name"]}": {listed};'
        f" say what each means with {option} VALUE={'STAGE' if field_ is Field.STAGE else 'CARD'}"
        " (VALUE= for none); nothing was imported"
    )
