"""English and Simplified Chinese ship complete: every tr() text has a Chinese translation."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from cocreate.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
TS = resource_path("translations", "cocreate_zh_CN.ts")
QM = resource_path("translations", "cocreate_zh_CN.qm")
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def _update_module():
    spec = importlib.util.spec_from_file_location(
        "update_translations", resource_path("translations", "update.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message
    return found


def translation_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """What lupdate finds in the sources today, merged with the shipped translations."""
    target = tmp_path_factory.mktemp("ts") / "cocreate_zh_CN.ts"
    target.write_bytes(TS.read_bytes())
    _update_module().lupdate(target)
    return target


def test_every_text_in_the_sources_is_in_the_shipped_ts(fresh_ts):
    missing = set(messages(fresh_ts)) - set(messages(TS))
    assert not missing, f"run resources/translations/update.py; new texts: {sorted(missing)}"


def test_every_text_has_a_finished_chinese_translation(fresh_ts):
    untranslated = [
        key
        for key, message in messages(fresh_ts).items()
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in translation_texts(message))
    ]
    assert not untranslated, f"texts with no Chinese translation: {untranslated}"


def test_translations_keep_their_placeholders():
    for (context, source), message in messages(TS).items():
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in translation_texts(message):
            assert sorted(PLACEHOLDER.findall(text)) == wanted, (context, source, text)


def test_translations_are_chinese():
    for (context, source), message in messages(TS).items():
        for text in translation_texts(message):
            words = re.findall("[A-Za-z]{3,}", source.replace("&", ""))
            words = [w for w in words if not w.isupper() and w != "cocreate"]  # JSON, PDF…
            if words:
                assert re.search("[\u4e00-\u9fff]", text), (context, source, text)


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path):
    compiled = tmp_path / "fresh.qm"
    _update_module().lrelease(TS, compiled)
    assert compiled.read_bytes() == QM.read_bytes(), "run resources/translations/update.py"


def test_the_qm_translates_at_run_time(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        assert QCoreApplication.translate("Labels", "Pain point") == "痛点"
    finally:
        QCoreApplication.removeTranslator(translator)
