"""Fuzz every form of every role: hostile input never crashes a page, every refusal is a
GOV.UK error summary in GOV.UK words, and a form sent twice stores nothing twice.

The forms are found, not listed: the test walks every URL of the project (as the tenancy
walker does) as each role, GETs each page, reads every `<form method="post">` on it (field
names and kinds, the options of radios, checkboxes and selects) and posts values that
hypothesis draws: huge text, control characters, right-to-left and Welsh text, emoji,
markup and template strings, malformed dates and numbers, and the form's own options.
Each form is fuzzed inside a savepoint that is rolled back, so a form that deletes or
signs out leaves the next form its page.

    FUZZ_EXAMPLES=200 .venv/bin/python -m pytest coproduce/lib/tests/test_fuzz_forms.py -s

prints, for each form, how many inputs were tried and how many were refused; CI uses
FUZZ_EXAMPLES's default of 10. The figures are also recorded as properties of the suite in
the JUnit report (`--junitxml`).
"""

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from coproduce.breaks.models import Referral
from coproduce.conftest import Member, make_member, signed_in
from coproduce.lib.once import TOKEN_FIELD, form_token
from coproduce.lib.tests.test_every_form import DJANGO_WORDING
from coproduce.recruitment.models import Brief
from coproduce.surveys.models import Survey, SurveyStatus
from coproduce.tenancy.models import Role
from coproduce.tenancy.tests import test_every_url_is_scoped as walker

# The tenancy walker's fixtures: organisation B's objects of every kind.
b_project = walker.b_project
b_objects = walker.b_objects
b_referral = walker.b_referral
arguments_for = walker.arguments_for
named_patterns = walker.named_patterns

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
# Pages whose forms are not the service's to fuzz: signing out ends the walk's sessions.
SKIP_URLS = {"accounts:sign-out"}

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x07\x1b[31m\r\n\t",
    "\u202eevil\u202c",
    "مرحبا بالعالم",
    "שלום",
    "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch ŵŷâêîôû",
    "👩‍👧‍👦🏴󠁧󠁢󠁷󠁬󠁳󠁿💥",
    "{{7*7}}",
    "{% debug %}",
    "${7*7}",
    "%(label)s %s %d %n",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example")',
    "'; DROP TABLE people_person; --",
    "/".join(["..", "..", "etc", "shadow"]),  # a path out of the media folder
    "x" * 100_000,
    "ŵ" * 20_000,
]
NUMBERS = [
    "²",
    "٣",
    "1²",
    "1e309",
    "-1",
    "-0",
    "0",
    "1",
    "12.50",
    "1.999",
    "NaN",
    "Infinity",
    "99999999999",
    "9" * 400,
    " 7 ",
    "0x10",
    "£12.50",
]

hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=80))
numberish = st.one_of(st.sampled_from(NUMBERS), st.integers().map(str))
upload = st.sampled_from(
    [
        SimpleUploadedFile("<script>.pdf", b"%PDF-1.4 not really", "application/pdf"),
        SimpleUploadedFile("evil.exe", b"MZ\x90\x00", "application/octet-stream"),
        SimpleUploadedFile("empty.png", b"", "image/png"),
    ]
)


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, number, date, radio, checkbox, select, hidden, file, submit
    options: list[str] = field(default_factory=list)
    value: str = ""


@dataclass
class Form:
    role: str
    page: str
    action: str
    fields: dict[str, Field] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return self.role, self.action, tuple(sorted(self.fields))


class FormReader(HTMLParser):
    """Every `<form method="post">` of a page, with its fields."""

    def __init__(self, role: str, page: str) -> None:
        super().__init__()
        self.role, self.page = role, page
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                action = urljoin(self.page, a.get("action") or self.page)
                self.current = Form(self.role, self.page, action)
                self.forms.append(self.current)
            return
        form, name = self.current, a.get("name", "")
        if form is None:
            return
        if tag == "option" and self.select is not None:
            self.select.options.append(a.get("value", ""))
        if not name or name == "csrfmiddlewaretoken":
            return
        if tag == "textarea":
            form.fields[name] = Field(name, "textarea")
        elif tag == "select":
            self.select = form.fields[name] = Field(name, "select")
        elif tag in {"input", "button"}:
            kind = a.get("type", "text" if tag == "input" else "submit")
            value = a.get("value", "")
            if kind in {"radio", "checkbox"}:
                known = form.fields.setdefault(name, Field(name, kind))
                known.options.append(value)
            elif kind == "submit":
                form.fields.setdefault(name, Field(name, "submit", [value], value))
            elif re.search(r"-(day|month|year)$", name):
                form.fields[name] = Field(name, "date")
            elif a.get("inputmode") == "numeric" or kind == "number":
                form.fields[name] = Field(name, "number", value=value)
            elif kind in {"hidden", "file"}:
                form.fields[name] = Field(name, kind, value=value)
            else:
                form.fields[name] = Field(name, "text", value=value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def value_for(f: Field) -> st.SearchStrategy[Any]:
    """What hypothesis may send for one field: its own options, often; hostile, always."""
    if f.kind in {"radio", "select"}:
        return st.one_of(st.sampled_from(f.options or [""]), hostile_text, st.none())
    if f.kind == "checkbox":
        return st.one_of(
            st.lists(st.sampled_from(f.options), unique=True, max_size=len(f.options)),
            st.lists(hostile_text, max_size=2),
        )
    if f.kind in {"number", "date"}:
        return st.one_of(numberish, hostile_text)
    if f.kind == "submit":
        return st.sampled_from(f.options)
    if f.kind == "hidden":
        return st.one_of(st.just(f.value), hostile_text, numberish)
    if f.kind == "file":
        return st.one_of(st.none(), upload)
    return st.one_of(hostile_text, st.just(f.value))


def plausible(form: Form) -> dict[str, Any]:
    """A likely-valid answer: first options, today, one, a short sentence."""
    import datetime

    today = datetime.date.today()
    data: dict[str, Any] = {}
    for f in form.fields.values():
        if f.kind in {"radio", "select"}:
            options = [o for o in f.options if o]
            data[f.name] = options[0] if options else ""
        elif f.kind == "checkbox":
            data[f.name] = [o for o in f.options if o][:1]
        elif f.kind == "date":
            part = f.name.rsplit("-", 1)[1]
            data[f.name] = str(getattr(today, part))
        elif f.kind == "number":
            data[f.name] = f.value or "1"
        elif f.kind in {"hidden", "submit"}:
            data[f.name] = f.value
        elif f.kind == "text" and "email" in f.name:
            data[f.name] = "fuzz@example.org"
        elif f.kind in {"text", "textarea"}:
            data[f.name] = f.value or "Fuzzing replay"
    return data


ERROR_LINKS = re.compile(r'<ul class="govuk-list govuk-error-summary__list">(.*?)</ul>', re.S)
ERROR_ITEM = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)


def check_answer(form: Form, data: dict[str, Any], status: int, body: str) -> bool:
    """The page answered well. True when the input was refused."""
    where = f"{form.role} POST {form.action}"
    assert status < 500, f"{where} answered {status}"
    assert "<script>alert(1)</script>" not in body, f"{where} echoed markup unescaped"
    for words in DJANGO_WORDING:
        assert words not in body, f"{where} said Django's {words!r}"
    summaries = body.count('data-module="govuk-error-summary"')
    assert summaries <= 1, f"{where} showed {summaries} error summaries"
    summary = ERROR_LINKS.search(body)
    if summary:
        items = ERROR_ITEM.findall(summary.group(1))
        assert len(items) == len(set(items)), f"{where} listed an error twice: {items}"
        for _href, text in items:
            assert text.strip(), f"{where} gave an empty error"
    if status == 400 and "<form" in body and 'method="post"' in body:
        assert summary, f"{where} refused the input without an error summary"
    return status == 400


# Saving the same answer twice may say so twice in the audit trail; it stores nothing new.
NOT_RECORDS = {"audit.AuditEvent", "axes.AccessAttempt", "axes.AccessLog"}


def row_counts() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.label not in NOT_RECORDS
    }


@pytest.fixture
def roles(
    staff_b: Member, carer_b: Member, b_objects: dict[str, object], b_referral: Referral
) -> dict[str, Client]:
    """Organisation B's people on B's own objects (the walker's set), so every form shows.
    The walker's referral was sent and its file exists, as they would in use."""
    Referral.objects.filter(pk=b_referral.pk).update(submitted_at=timezone.now())
    # B's brief and public survey are published, so their public forms show too.
    Brief.objects.filter(pk=str(b_objects["brief_pk"])).update(published_at=timezone.now())
    Survey.objects.filter(pk=str(b_objects["survey_pk"])).update(status=SurveyStatus.OPEN)
    default_storage.save("b.pdf", ContentFile(b"%PDF-1.4"))
    admin_b = make_member(staff_b.organisation, Role.ADMIN, "Ada Admin-B")
    return {
        "anonymous": Client(),
        "carer": signed_in(Client(), carer_b.user),
        "coordinator": signed_in(Client(), staff_b.user),
        "admin": signed_in(Client(), admin_b.user),
    }


def discover(
    roles: dict[str, Client],
    b_objects: dict[str, object],
    b_referral: Referral,
    crashed: list[str],
) -> list[Form]:
    found: dict[tuple[str, str, tuple[str, ...]], Form] = {}
    for name, pattern in named_patterns(get_resolver().url_patterns):
        if name in SKIP_URLS:
            continue
        arguments = arguments_for(name, b_objects, b_referral)
        needed = list(pattern.pattern.converters)
        url = reverse(name, kwargs={k: arguments[k] for k in needed})
        for role, client in roles.items():
            try:
                response = client.get(url)
            except Exception as error:
                crashed.append(f"{role} GET {url}: {error!r}")
                continue
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            reader = FormReader(role, url)
            reader.feed(response.content.decode())
            for form in reader.forms:
                if form.fields and urljoin(url, "/accounts/sign-out/") != form.action:
                    found.setdefault(form.key, form)
    return list(found.values())


def fuzz(client: Client, form: Form) -> tuple[int, int]:
    tried = refused = 0

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # the first failing input, unshrunk
        suppress_health_check=list(HealthCheck),
    )
    @given(st.fixed_dictionaries({n: value_for(f) for n, f in form.fields.items()}))
    def one(values: dict[str, Any]) -> None:
        nonlocal tried, refused
        data = {k: v for k, v in values.items() if v is not None}
        data[TOKEN_FIELD] = form_token()
        response = client.post(form.action, data)
        tried += 1
        body = response.content.decode(errors="replace")
        refused += check_answer(form, data, response.status_code, body)

    one()
    return tried, refused


def replay(client: Client, form: Form) -> str:
    """Send a likely-valid answer twice with one token: the second stores nothing."""
    data = {**plausible(form), TOKEN_FIELD: form_token()}
    first = client.post(form.action, data)
    if first.status_code != 302:
        return "not accepted"
    before = row_counts()
    again = client.post(form.action, data)
    after = row_counts()
    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert not changed, f"{form.role} POST {form.action} sent twice stored again: {changed}"
    went = (again.status_code, again.get("Location"))
    assert went == (302, first["Location"]), (
        f"{form.role} POST {form.action} sent twice did not go where the first went: {went}"
    )
    return "replayed safely"


def in_savepoint(run: Callable[[], Any]) -> Any:
    with transaction.atomic():
        try:
            return run()
        finally:
            transaction.set_rollback(True)


def test_every_form_of_every_role_survives_hostile_input(
    roles: dict[str, Client],
    b_objects: dict[str, object],
    b_referral: Referral,
    record_testsuite_property: Callable[[str, object], None],
) -> None:
    crashed: list[str] = []
    # B's own open-door page, for B's people and the public.
    forms = discover(roles, {**b_objects, "organisation_slug": "org-b"}, b_referral, crashed)
    assert len(forms) > 40, f"the walker found only {len(forms)} forms"
    total = 0
    lines = []
    failures = []
    for form in forms:
        client = roles[form.role]
        tried = refused = 0
        replayed = ""
        try:
            tried, refused = in_savepoint(lambda: fuzz(client, form))  # noqa: B023
            replayed = in_savepoint(lambda: replay(client, form))  # noqa: B023
        except Exception as error:
            failures.append(f"{form.role} POST {form.action}: {error!r}"[:2000])
            replayed = "FAILED"
        total += tried
        line = (
            f"{form.role:<11} {form.action:<60} {tried:>4} inputs, {refused:>4} refused, {replayed}"
        )
        lines.append(line)
        record_testsuite_property(
            f"fuzz {form.role} {form.action}", f"{tried} inputs, {refused} refused"
        )
    print(f"\nFuzzed {len(forms)} forms with {total} inputs ({EXAMPLES} examples a form):")
    print("\n".join(lines))
    record_testsuite_property("fuzz forms", len(forms))
    record_testsuite_property("fuzz inputs", total)
    assert not crashed, "pages crashed on GET:\n" + "\n".join(crashed)
    assert not failures, "\n".join(failures)
