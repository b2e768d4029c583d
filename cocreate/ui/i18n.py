"""The app's language: chosen in the View menu, remembered, and applied at once.

Installing a new QTranslator makes Qt send a LanguageChange event to every widget; each of our
widgets answers it by setting its texts again (see `retranslate` methods).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from cocreate.resources import resource_path

SETTINGS_KEY = "language"

# Language codes the app ships, with their names as their speakers write them (endonyms).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}

# Texts of Qt's own file dialog that Qt's Chinese catalogue lacks: Qt 6 gave the labels mnemonics
# and moved the file types to another class, and the catalogue kept the old ones. lupdate puts
# them in our catalogue, which Qt asks when its own has no translation.
QT_TEXTS_MISSING_FROM_QT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
)


def chosen_language() -> str:
    """The language picked in the View menu, or "" to follow the system."""
    value = QSettings().value(SETTINGS_KEY, "")
    return value if value in LANGUAGES else ""


def remember_language(code: str) -> None:
    QSettings().setValue(SETTINGS_KEY, code)


def effective_language(code: str) -> str:
    """The shipped language to use for a choice ("" means the system's)."""
    if code in LANGUAGES:
        return code
    system = QLocale.system()
    return "zh_CN" if system.language() == QLocale.Language.Chinese else "en"


def qt_translator(language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons, file dialogs, context menus of text fields).

    qt_<lang>.qm only names the catalogues of every Qt module, and fails to load when one of
    them is missing; PySide6 ships no Qt Multimedia catalogue, so qtbase_<lang>.qm, which holds
    all the texts of the widgets we use, is the fallback.
    """
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in (f"qt_{language}", f"qtbase_{language}"):
        translator = QTranslator()
        if translator.load(catalogue, folder):
            return translator
    return None


class Translators:
    """The app's own translator and Qt's (standard buttons and dialogs), swapped together."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, code: str) -> str:
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = effective_language(code)
        if self.language != "en":
            ours = QTranslator()
            if ours.load(str(resource_path("translations", f"cocreate_{self.language}.qm"))):
                self._installed.append(ours)
            qt = qt_translator(self.language)
            if qt is not None:
                self._installed.append(qt)
        for translator in self._installed:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale("zh_CN" if self.language == "zh_CN" else "en_US"))
        return self.language
