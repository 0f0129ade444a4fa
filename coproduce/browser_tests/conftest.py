"""Browser fixtures and helpers: Debian's Chromium through Playwright, against live_server.

- One Chromium for the whole session; a fresh browser context (cookies, storage) per test.
- `page` has JavaScript on; `no_js_page` has it off, as on a locked-down library computer.
- `check_axe(page)` saves a screenshot to test-artifacts/screens/<test>-<n>.png, then runs
  axe-core (WCAG 2.0/2.1/2.2 A and AA) and fails on any violation, on any Content Security
  Policy violation and on any uncaught JavaScript error.
- `sign_in(page, live_server, member)` is the real journey: email and password, then for
  staff the six-digit code from their authenticator (set up on first sign-in).

Two things differ from the obvious way, on purpose:

* axe is injected as a context init script (falling back to `page.evaluate(source)`), not
  with `page.add_script_tag()`. The site's CSP allows no inline script, so Chromium refuses
  the inline <script> that add_script_tag writes. Init scripts and evaluation over the
  DevTools protocol are not subject to the page's CSP, so pages are audited with their real
  CSP in force (and a CSP report still means a page bug). The init script also saves
  re-sending axe's half a megabyte for every page.
* With JavaScript disabled Chromium never fires timers, so `axe.run` never settles. For a
  no-JS page the check copies the DOM exactly as rendered without JavaScript, drops its
  scripts, serves the copy at the same URL to a JavaScript-enabled audit page (stylesheets
  and images still come from the live server) and runs axe there. The screenshot is taken
  of the real no-JS page.

Chromium is /usr/bin/chromium (scripts/install-system-packages.sh); never `playwright install`.
"""

import json
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest
import responses
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    Playwright,
    Route,
    expect,
    sync_playwright,
)
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer
from requests import PreparedRequest

from coproduce.accounts.models import User
from coproduce.conftest import Member
from coproduce.tenancy.models import STAFF_ROLES

REPO = Path(__file__).resolve().parents[2]
AXE_PATH = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = REPO / "test-artifacts" / "screens"
CHROMIUM = os.environ.get("COPRODUCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"
TIMEOUT_MS = 10_000

AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, html: n.html, summary: n.failureSummary})),
  }));
}"""


# --- Session: one Playwright, one Chromium --------------------------------------------


@dataclass
class _Session:
    browser: Browser | None = None
    audit_context: BrowserContext | None = None
    audit_page: Page | None = None
    axe_source: str = ""
    no_js_contexts: set[int] = field(default_factory=set)
    # Problems the page itself reported (CSP refusals, uncaught errors), per page.
    page_problems: dict[int, list[str]] = field(default_factory=dict)
    # Screenshot naming: <test>-<n>.png
    test_name: str = "test"
    shots: int = 0


_session = _Session()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"No Chromium at {CHROMIUM}: run scripts/install-system-packages.sh "
            "(Debian's chromium; never `playwright install`)"
        )
    if not AXE_PATH.exists():
        pytest.fail(f"No axe-core at {AXE_PATH}: run `cd frontend && npm ci`")
    _session.axe_source = AXE_PATH.read_text(encoding="utf-8")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    _session.browser = browser
    yield browser
    if _session.audit_context is not None:
        _session.audit_context.close()
    _session.audit_context = _session.audit_page = None
    _session.browser = None
    browser.close()


def _watch(page: Page) -> Page:
    """Remember what the page itself complains about, so check_axe can fail on it."""
    problems = _session.page_problems.setdefault(id(page), [])

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.append(f"CSP: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.set_default_timeout(TIMEOUT_MS)
    return page


def _js_context(browser: Browser) -> BrowserContext:
    ctx = browser.new_context(locale="en-GB", accept_downloads=True)
    ctx.add_init_script(script=_session.axe_source)  # axe on every page, before its scripts
    return ctx


@pytest.fixture
def browser_context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = _js_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Iterator[Page]:
    pg = _watch(browser_context.new_page())
    yield pg
    _session.page_problems.pop(id(pg), None)


@pytest.fixture
def other_page(browser: Browser) -> Iterator[Page]:
    """A second person at a second computer (own context, JavaScript on)."""
    ctx = _js_context(browser)
    pg = _watch(ctx.new_page())
    yield pg
    _session.page_problems.pop(id(pg), None)
    ctx.close()


@pytest.fixture
def third_page(browser: Browser) -> Iterator[Page]:
    """A third person at a third computer or phone (own context, JavaScript on)."""
    ctx = _js_context(browser)
    pg = _watch(ctx.new_page())
    yield pg
    _session.page_problems.pop(id(pg), None)
    ctx.close()


@pytest.fixture
def no_js_context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="en-GB", java_script_enabled=False, accept_downloads=True)
    _session.no_js_contexts.add(id(ctx))
    yield ctx
    _session.no_js_contexts.discard(id(ctx))
    ctx.close()


@pytest.fixture
def no_js_page(no_js_context: BrowserContext) -> Iterator[Page]:
    pg = _watch(no_js_context.new_page())
    yield pg
    _session.page_problems.pop(id(pg), None)


@pytest.fixture(autouse=True)
def _screenshot_names(request: pytest.FixtureRequest) -> None:
    """Screenshots are named after the test; old ones of the same test are cleared."""
    name = re.sub(r"[^A-Za-z0-9_.]+", "-", request.node.name).strip("-")
    _session.test_name, _session.shots = name, 0
    SCREENS.mkdir(parents=True, exist_ok=True)
    for old in SCREENS.glob(f"{name}-*.png"):
        if re.fullmatch(rf"{re.escape(name)}-\d+\.png", old.name):
            old.unlink()


# --- axe ------------------------------------------------------------------------------


def is_no_js(page: Page) -> bool:
    return id(page.context) in _session.no_js_contexts


def screenshot(page: Page) -> Path:
    _session.shots += 1
    path = SCREENS / f"{_session.test_name}-{_session.shots}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _run_axe(page: Page) -> list[dict[str, Any]]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_session.axe_source + "\n;true")
    violations: list[dict[str, Any]] = page.evaluate(AXE_RUN, WCAG_TAGS)
    return violations


def _audit_page_for(page: Page) -> Page:
    """A JavaScript-enabled page (one per session) where copies of no-JS pages are audited."""
    if _session.audit_page is None:
        assert _session.browser is not None
        _session.audit_context = _js_context(_session.browser)
        _session.audit_page = _session.audit_context.new_page()
        _session.audit_page.set_default_timeout(TIMEOUT_MS)
    if page.viewport_size:
        _session.audit_page.set_viewport_size(page.viewport_size)
    return _session.audit_page


_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.S | re.I)
_NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.I)


def _run_axe_without_js(page: Page) -> list[dict[str, Any]]:
    """Audit exactly what a no-JS browser rendered (see the module docstring for why)."""
    html = page.content()
    # What the page shows with scripting off: no scripts, and <noscript> content visible.
    html = _NOSCRIPT_TAG.sub("", _SCRIPT.sub("", html))
    url = page.url.split("#", 1)[0]
    audit = _audit_page_for(page)

    def serve(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    def is_copy(candidate: str) -> bool:
        return candidate.split("#", 1)[0] == url

    audit.route(is_copy, serve)
    try:
        audit.goto(url)
        return _run_axe(audit)
    finally:
        audit.unroute(is_copy, serve)


def axe_violations(page: Page, *, shot: bool = True) -> list[dict[str, Any]]:
    """axe-core's WCAG A/AA violations on the page as it is now (screenshot first)."""
    if shot:
        screenshot(page)
    if is_no_js(page):
        return _run_axe_without_js(page)
    return _run_axe(page)


def page_problems(page: Page) -> list[str]:
    """CSP refusals and uncaught JavaScript errors since the last call."""
    problems = _session.page_problems.get(id(page), [])
    found = list(problems)
    problems.clear()
    return found


def format_violations(violations: list[dict[str, Any]], where: str) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']}) on {where}")
        for node in v["nodes"]:
            target = " ".join(
                json.dumps(t) if not isinstance(t, str) else t for t in node["target"]
            )
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:300]}")
    return "\n".join(lines)


def where(page: Page) -> str:
    return f"{page.url} ({'no JS' if is_no_js(page) else 'JS'}, title {page.title()!r})"


def check_axe(page: Page) -> None:
    """Fail if axe-core finds any WCAG 2.2 AA violation, or the page broke its CSP or threw."""
    violations = axe_violations(page)
    problems = page_problems(page)
    assert not violations, "axe found problems:\n" + format_violations(violations, where(page))
    assert not problems, f"{where(page)} reported:\n" + "\n".join(problems)


def check_axe_at_widths(page: Page, widths: tuple[int, ...] = (320, 1280)) -> None:
    """check_axe at each width (a small phone, a desktop), then back to the width it had."""
    before = page.viewport_size
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        check_axe(page)
    if before:
        page.set_viewport_size(before)


# --- Journeys' building blocks --------------------------------------------------------


def success_banner(page: Page) -> Locator:
    return page.locator(".govuk-notification-banner--success")


def choose(page: Page, question: str, answer: str) -> None:
    """Pick an answer to a radios question (a fieldset whose legend starts with `question`)."""
    group = page.get_by_role("group", name=re.compile("^" + re.escape(question)))
    group.get_by_label(answer, exact=True).check()


def summary_value(page: Page, key: str) -> Locator:
    """The value cell beside a summary-list key, e.g. 'What helps'."""
    row = page.locator(".govuk-summary-list__row").filter(
        has=page.locator(
            ".govuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$")
        )
    )
    return row.locator(".govuk-summary-list__value")


def main_form_button(page: Page) -> Locator:
    """The submit button of the form in the page's main content (not the sign-out button)."""
    return page.locator("#main-content form[method=post] button[type=submit]").first


def submit(page: Page, button: Locator | None = None) -> None:
    """Submit a form and wait for the page that comes back (works with JavaScript off)."""
    with page.expect_navigation():
        (button or main_form_button(page)).click()


def totp_code(user: User) -> str:
    """The code the person's authenticator app would show now, as in test_sign_in.code_for.

    The two-factor page uses the confirmed device if there is one, else the pending one it
    created for set-up. A code is accepted once; if this step's code was used, wait.
    """
    device = (
        TOTPDevice.objects.filter(user=user, confirmed=True).first()
        or TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    )
    assert device is not None, f"{user.email} has no authenticator device: open /two-factor/"
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if device.last_t is not None and totp.t() <= device.last_t:
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.1)
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def sign_in(page: Page, live_server: LiveServer, member: Member, *, check: bool = True) -> None:
    """Sign in as a person would, in whatever language the page is in (fields by id).

    Staff then give the code from their authenticator; on their first sign-in the page
    sets it up (the "scan" is reading the pending device from the database).
    """
    if "/sign-in/" not in page.url:
        page.goto(f"{live_server.url}/sign-in/")
    if check:
        check_axe(page)
    page.locator("#id_email").fill(member.user.email)
    page.locator("#id_password").fill(PASSWORD)
    submit(page)
    if member.role in STAFF_ROLES:
        expect(page).to_have_url(re.compile(r"/two-factor/"))
        if check:
            check_axe(page)
        page.locator("#id_code").fill(totp_code(member.user))
        submit(page)
    expect(page).not_to_have_url(re.compile(r"/(sign-in|two-factor)/"))


# --- GOV.UK Notify, faked at its HTTP boundary -------------------------------------------

NOTIFY = "https://api.notifications.service.gov.uk/v2/notifications"


@dataclass
class FakeNotify:
    """What GOV.UK Notify was asked to send: (channel, JSON body, thread id) per request."""

    calls: list[tuple[str, dict[str, Any], int]] = field(default_factory=list)

    def sent(self, channel: str) -> list[dict[str, Any]]:
        return [body for kind, body, _thread in self.calls if kind == channel]

    def references(self, channel: str) -> list[str]:
        return [str(body.get("reference")) for body in self.sent(channel)]


@pytest.fixture
def notify_api(settings: Settings) -> Iterator[FakeNotify]:
    settings.NOTIFY_API_KEY = (
        "test-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"
    )
    settings.NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk"
    settings.NOTIFY_EMAIL_TEMPLATE_ID = "aaaaaaaa-0000-0000-0000-000000000001"
    settings.NOTIFY_SMS_TEMPLATE_ID = "aaaaaaaa-0000-0000-0000-000000000002"
    settings.NOTIFY_LETTER_TEMPLATE_ID = "aaaaaaaa-0000-0000-0000-000000000003"
    fake = FakeNotify()

    def answer(channel: str) -> Any:
        def callback(request: PreparedRequest) -> tuple[int, dict[str, str], str]:
            # The Notify client sends its JSON body as one string or bytes object.
            body = json.loads(cast(str | bytes, request.body or b"{}"))
            fake.calls.append((channel, body, threading.get_ident()))
            return 201, {}, json.dumps({"id": f"bbbbbbbb-0000-0000-0000-{len(fake.calls):012d}"})

        return callback

    # Anything else sent through `requests` (a real Notify URL included) fails the test.
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for channel in ("email", "sms", "letter"):
            mock.add_callback(
                responses.POST,
                f"{NOTIFY}/{channel}",
                callback=answer(channel),
                content_type="application/json",
            )
        yield fake
