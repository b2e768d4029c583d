"""A phone's browser for the tests: Debian's headless chromium in a 390×844 phone viewport,
driven by selenium, and the few steps the tests take on the page (wait, find, tap).

Each call to the browser goes through chromedriver and back (10 to 40 ms on a busy machine),
so the steps make few of them: a wait for what the page shows is one call, in which the page
looks again whenever it changes; a tap is two (into view, then the mouse's press and release).
Another phone is a new browser context in the run's one browser, not a second chromium."""

from __future__ import annotations

import json
import pkgutil
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import websocket  # websocket-client, which selenium uses too
from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
WAIT = 10.0  # seconds for anything but what must reach the phone within a second
POLL = 0.02  # seconds between looks at what is not on the page (the host's notes, a tap)

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


#: The browser the run's phones share, once a test has asked for it (see shared_browser).
_shared: list[WebDriver] = []


def shared_browser(request: pytest.FixtureRequest) -> WebDriver:
    """The one browser of the run (of each xdist worker): the first test that asks starts it,
    as chromium takes a second and more to start, and it quits when the run ends. Its first tab
    is a phone that a module clears between its tests; another_phone opens more."""
    if not _shared:
        _shared.append(start_phone())
        request.session.addfinalizer(_quit_shared)
    return _shared[0]


def _quit_shared() -> None:
    _shared.pop().quit()


@contextmanager
def another_phone(driver: WebDriver, language: str | None = None) -> Iterator[WebDriver]:
    """Another phone in the same browser (a second chromium takes seconds to start): a new
    browser context, with cookies and storage of its own as another phone has, and one tab in
    the phone's viewport, set to the language if one is given (navigator.language and
    navigator.languages say it, as the Accept-Language header and Intl's locale do). The
    driver acts in that tab until the block ends; then the tab and its context are gone (their
    event stream with them) and the driver is back in the tab it was in."""
    home = driver.current_window_handle
    with browser_devtools(driver) as devtools:
        context = devtools("Target.createBrowserContext")["browserContextId"]
        try:
            tab = devtools("Target.createTarget", url="about:blank", browserContextId=context)
            driver.switch_to.window(tab["targetId"])
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
            if language:
                agent = driver.execute_script("return navigator.userAgent")
                driver.execute_cdp_cmd(
                    "Emulation.setUserAgentOverride",
                    {"userAgent": agent, "acceptLanguage": language},
                )
                driver.execute_cdp_cmd("Emulation.setLocaleOverride", {"locale": language})
            yield driver
        finally:
            driver.switch_to.window(home)
            devtools("Target.disposeBrowserContext", browserContextId=context)


@contextmanager
def browser_devtools(driver: WebDriver) -> Iterator[Callable[..., dict[str, Any]]]:
    """The browser's own DevTools connection: devtools(method, **params) -> result. What the
    driver sends (execute_cdp_cmd) goes to its tab, which may not make a browser context."""
    address = driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
    with urllib.request.urlopen(f"http://{address}/json/version", timeout=WAIT) as answer:
        url = json.load(answer)["webSocketDebuggerUrl"]
    connection = websocket.create_connection(url, timeout=WAIT, suppress_origin=True)
    sent = 0

    def devtools(method: str, **params: Any) -> dict[str, Any]:
        nonlocal sent
        sent += 1
        connection.send(json.dumps({"id": sent, "method": method, "params": params}))
        while True:
            message = json.loads(connection.recv())
            if message.get("id") == sent:
                if "error" in message:
                    raise WebDriverException(f"{method}: {message['error']}")
                return message["result"]

    try:
        yield devtools
    finally:
        connection.close()


# -- what the page shows ---------------------------------------------------------------------

#: selenium's own test of whether a person sees an element (WebElement.is_displayed runs it).
IS_DISPLAYED = pkgutil.get_data("selenium.webdriver.remote", "isDisplayed.js").decode("utf-8")

#: What a check of the page may use besides its arguments `a`: element(id), shown(id) as
#: WebElement.is_displayed, and text(id) as WebElement.text (the rendered text in lines, each
#: trimmed, no empty ones; '' when not shown); both null when the page has no such element
#: (where selenium raises NoSuchElementException).
PAGE_HELPERS = f"""
var isDisplayed = ({IS_DISPLAYED});
function element(id) {{ return document.getElementById(id); }}
function shown(id) {{ var e = element(id); return e === null ? null : isDisplayed(e); }}
function seenText(e) {{
  if (!isDisplayed(e)) {{ return ''; }}
  return e.innerText.replace(/\\u00a0/g, ' ').split('\\n')
    .map(function (line) {{ return line.trim(); }}).filter(Boolean).join('\\n');
}}
function text(id) {{ var e = element(id); return e === null ? null : seenText(e); }}
"""


class PageCheck:
    """Something the page should show, checked in the page itself: `wait` hands the check to
    the browser, which looks again whenever the page changes (and every 100 ms, for what no
    change of the document tells) until it holds or the time is up: one call for the whole
    wait, where looking from here takes two (find, then read) every time. check(driver) looks
    once.

    `holds` is a JavaScript expression of the helpers above and the arguments `a`; `says` is
    what a test that waits in vain reads, with what the page showed (`seen`) at the end."""

    def __init__(self, says: str, holds: str, *args: Any, seen: str = "text(a[0])") -> None:
        self.says, self.holds, self.args, self.seen = says, holds, list(args), seen

    def __call__(self, driver: WebDriver) -> bool:
        script = f"{PAGE_HELPERS} var a = arguments[0]; return !!({self.holds});"
        return bool(driver.execute_script(script, self.args))

    def wait(self, driver: WebDriver, seconds: float) -> bool:
        script = f"""{PAGE_HELPERS}
            var a = arguments[0], until = Date.now() + arguments[1], done = arguments[2];
            var changes = new MutationObserver(look), every = window.setInterval(look, 100);
            function end(outcome) {{
              if (changes === null) {{ return; }}
              changes.disconnect();
              changes = null;
              window.clearInterval(every);
              done(outcome);
            }}
            function look() {{
              if (changes === null) {{ return; }}
              try {{
                if ({self.holds}) {{ end({{held: true}}); }}
                else if (Date.now() >= until) {{ end({{held: false, seen: {self.seen}}}); }}
              }} catch (e) {{ end({{error: String(e)}}); }}
            }}
            changes.observe(document, {{
              subtree: true, childList: true, attributes: true, characterData: true
            }});
            look();"""
        outcome = driver.execute_async_script(script, self.args, seconds * 1000)
        if "error" in outcome:
            raise WebDriverException(f"checking that {self.says}: {outcome['error']}")
        if not outcome["held"]:
            raise TimeoutException(
                f"waited {seconds} s for {self.says}; the page showed {outcome['seen']!r}"
            )
        return True


def wait(driver: WebDriver, condition: Callable[[WebDriver], Any], seconds: float = WAIT) -> Any:
    """Until the condition holds: a PageCheck in the page, anything else (the host's state, a
    tap) from here; raises TimeoutException when the seconds are up."""
    if isinstance(condition, PageCheck):
        return condition.wait(driver, seconds)
    return WebDriverWait(driver, seconds, poll_frequency=POLL).until(condition)


def by_id(driver: WebDriver, element_id: str) -> WebElement:
    return driver.find_element(By.ID, element_id)


def shown(element_id: str) -> PageCheck:
    return PageCheck(f"#{element_id} to show", "shown(a[0])", element_id, seen="shown(a[0])")


def hidden(element_id: str) -> PageCheck:
    """The element is there and not shown."""
    return PageCheck(
        f"#{element_id} to hide", "shown(a[0]) === false", element_id, seen="shown(a[0])"
    )


def enabled(element_id: str) -> PageCheck:
    """As WebElement.is_enabled: no disabled attribute on it or a fieldset around it."""
    return PageCheck(
        f"#{element_id} to be enabled",
        "element(a[0]) !== null && element(a[0]).matches(':enabled')",
        element_id,
        seen="element(a[0]) && element(a[0]).outerHTML",
    )


def text_of(element_id: str, expected: str) -> PageCheck:
    """The element's text has the expected text in it."""
    return PageCheck(
        f"#{element_id} to say {expected!r}",
        "text(a[0]) !== null && text(a[0]).includes(a[1])",
        element_id,
        expected,
    )


def text_without(element_id: str, unexpected: str) -> PageCheck:
    """The element is there and its text does not have the unexpected text in it."""
    return PageCheck(
        f"#{element_id} to stop saying {unexpected!r}",
        "text(a[0]) !== null && !text(a[0]).includes(a[1])",
        element_id,
        unexpected,
    )


def text_is(element_id: str, *texts: str) -> PageCheck:
    """The element's text is one of the texts."""
    return PageCheck(
        f"#{element_id} to read one of {texts!r}",
        "a.slice(1).includes(text(a[0]))",
        element_id,
        *texts,
    )


def text_is_not(element_id: str, *texts: str) -> PageCheck:
    """The element is there and its text is none of the texts."""
    return PageCheck(
        f"#{element_id} to read other than {texts!r}",
        "text(a[0]) !== null && !a.slice(1).includes(text(a[0]))",
        element_id,
        *texts,
    )


def texts(driver: WebDriver, selector: str) -> list[str]:
    """The text of every element the selector finds (as WebElement.text), in one call."""
    return driver.execute_script(
        f"{PAGE_HELPERS} return Array.from(document.querySelectorAll(arguments[0]), seenText);",
        selector,
    )


# -- taps ------------------------------------------------------------------------------------

#: Scroll the element (or the first the selector finds) to the middle of the screen; null when
#: there is none, else [the element, what a finger on its middle touches when that is not it].
INTO_VIEW = """
var e = typeof arguments[0] === 'string' ? document.querySelector(arguments[0]) : arguments[0];
if (e === null) { return null; }
e.scrollIntoView({block: 'center'});
var box = e.getBoundingClientRect();
var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
return [e, hit !== null && e.contains(hit) ? '' : (hit ? hit.outerHTML.slice(0, 200) : 'nothing')];
"""


def tap(driver: WebDriver, target: WebElement | str) -> None:
    """Tap the element (or the first the CSS selector finds) as chromedriver's click does: the
    mouse pressed and released on its middle, once it is in view and nothing covers it there.
    A third of the time of element.click(), for which chromedriver looks into the page a dozen
    times before it presses."""
    found = driver.execute_script(INTO_VIEW, target)
    if found is None:
        raise NoSuchElementException(f"nothing on the page to tap at {target!r}")
    element, covering = found
    if covering:
        raise ElementClickInterceptedException(f"a tap on {target!r} would touch {covering}")
    ActionChains(driver, duration=0).click(element).perform()


def tap_selected(driver: WebDriver, selector: str) -> None:
    """Tap the element the selector finds at the moment of the tap: the page redraws its
    lists when the room's version moves, which would leave the test holding a stale one."""

    def tapped(d: WebDriver) -> bool:
        try:
            tap(d, selector)
        except StaleElementReferenceException:
            return False
        return True

    wait(driver, tapped)
