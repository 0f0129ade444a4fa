"""The layout's kept parts (header, navigation, phase banner, footer): made once for each
organisation, language, role and section, with each request's own token and path."""

import re

from django.test import Client
from django.urls import reverse

from coproduce import jinja2
from coproduce.conftest import Member, signed_in


def csrf_tokens(body: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body))


def next_paths(body: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="next" value="([^"]*)">', body)


def test_each_request_gets_its_own_token_and_path_in_a_kept_navigation(
    carer_client: Client, carer: Member
) -> None:
    first = carer_client.get("/").content.decode()
    again = carer_client.get("/?from=letter").content.decode()
    # The same person on another device: the same kept part, another session's token.
    elsewhere = signed_in(Client(), carer.user).get("/").content.decode()
    assert "@@slot-" not in first + again + elsewhere
    assert next_paths(first) == ["/"]
    assert next_paths(again) == ["/?from=letter"]
    assert csrf_tokens(first)
    assert csrf_tokens(first).isdisjoint(csrf_tokens(elsewhere))


def test_the_navigation_follows_the_role_and_the_section(
    carer_client: Client, coordinator_client: Client
) -> None:
    carer = carer_client.get("/").content.decode()
    staff = coordinator_client.get(reverse("people:list")).content.decode()
    assert reverse("contributions:yours") in carer
    assert reverse("people:list") not in carer
    assert reverse("people:list") in staff
    active = re.search(r'govuk-service-navigation__item--active">\s*<a[^>]*href="([^"]+)"', staff)
    assert active is not None
    assert active[1] == reverse("people:list")


def test_the_language_switch_keeps_working_with_the_kept_token(
    carer_client: Client, carer: Member
) -> None:
    body = carer_client.get("/").content.decode()
    token = next(iter(csrf_tokens(body)))
    carer_client.handler.enforce_csrf_checks = True
    response = carer_client.post(
        reverse("accounts:language"),
        {"language": "cy", "next": "/", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert "Cymraeg" in carer_client.get("/").content.decode()
    assert 'lang="cy"' in carer_client.get("/").content.decode()


def test_a_path_goes_into_its_slot_escaped_and_is_never_read_as_a_slot() -> None:
    jinja2._layout.clear()

    def part() -> str:
        return '<input name="next" value="@@slot-next@@">@@slot-csrf@@'

    html = jinja2.layout_part(
        "test", caller=part, slots={"next": '/"><b>@@slot-csrf@@', "csrf": "T"}
    )
    assert html == '<input name="next" value="/&#34;&gt;&lt;b&gt;@@slot-csrf@@">T'


def test_a_part_is_made_once_for_its_key_and_again_for_another() -> None:
    jinja2._layout.clear()
    made: list[str] = []

    def part(label: str) -> str:
        made.append(label)
        return label

    for _ in range(3):
        jinja2.layout_part("nav", "cy", "carer", caller=lambda: part("carer in Welsh"))
    jinja2.layout_part("nav", "en", "carer", caller=lambda: part("carer in English"))
    assert made == ["carer in Welsh", "carer in English"]
