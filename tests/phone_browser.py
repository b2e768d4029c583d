"""A phone's browser for the tests: Debian's headless chromium in a 390×844 phone viewport,
driven by selenium, and the few steps the tests take on the page (wait, find, tap)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
WAIT = 10.0  # seconds for anything but what must reach the phone within a second

#: The marks of a test module that drives the browser.
BROWSER_TESTS = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
        reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
        "/usr/bin/chromedriver): apt-get install chromium chromium-driver",
    ),
]


def start_phone(language: str = "en-US") -> WebDriver:
    """A fresh headless browser that looks like a phone set to the language."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--window-size={PHONE['width']},{PHONE['height']}",
        f"--lang={language}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(
            service=webdriver.ChromeService(str(CHROMEDRIVER)), options=options
        )
    except WebDriverException as exc:  # pragma: no cover - a broken browser install
        pytest.skip(f"chromium does not start here: {exc.msg}")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    return driver


def wait(driver: WebDriver, condition: Callable[[WebDriver], Any], seconds: float = WAIT) -> Any:
    return WebDriverWait(driver, seconds, poll_frequency=0.05).until(condition)


def by_id(driver: WebDriver, element_id: str) -> WebElement:
    return driver.find_element(By.ID, element_id)


def shown(element_id: str) -> Callable[[WebDriver], bool]:
    return lambda driver: by_id(driver, element_id).is_displayed()


def text_of(element_id: str, expected: str) -> Callable[[WebDriver], bool]:
    return lambda driver: expected in by_id(driver, element_id).text


def tap(driver: WebDriver, element: WebElement) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def tap_selected(driver: WebDriver, selector: str) -> None:
    """Tap the element the selector finds at the moment of the tap: the page redraws its
    lists when the room's version moves, which would leave the test holding a stale one."""

    def tapped(d: WebDriver) -> bool:
        try:
            tap(d, d.find_element(By.CSS_SELECTOR, selector))
        except StaleElementReferenceException:
            return False
        return True

    wait(driver, tapped)
