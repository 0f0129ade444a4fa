"""A form that creates something is acted on once, however often it is sent: a double
click, a refresh of the result or a replayed post goes where the first went."""

import re
import threading

import pytest
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.test import Client, RequestFactory
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution
from coproduce.lib.models import FormSubmission
from coproduce.lib.once import TOKEN_FIELD, form_token, once
from coproduce.projects.models import Project
from coproduce.tenancy.models import Organisation

made: list[str] = []


@once
def make(request: HttpRequest) -> HttpResponse:
    if not request.POST.get("name"):
        return HttpResponse("Enter a name", status=400)
    made.append(request.POST["name"])
    return redirect(f"/made/{len(made)}/")


@pytest.fixture(autouse=True)
def nothing_made() -> None:
    made.clear()


def test_a_repeat_goes_where_the_first_went_and_makes_nothing(rf: RequestFactory, db: None) -> None:
    token = form_token()
    first = make(rf.post("/", {"name": "Ann", TOKEN_FIELD: token}))
    again = make(rf.post("/", {"name": "Ann", TOKEN_FIELD: token}))
    assert made == ["Ann"]
    assert first["Location"] == again["Location"] == "/made/1/"


def test_a_new_token_is_a_new_form(rf: RequestFactory, db: None) -> None:
    make(rf.post("/", {"name": "Ann", TOKEN_FIELD: form_token()}))
    make(rf.post("/", {"name": "Ann", TOKEN_FIELD: form_token()}))
    assert made == ["Ann", "Ann"]


def test_a_form_with_errors_gives_its_token_back(rf: RequestFactory, db: None) -> None:
    token = form_token()
    assert make(rf.post("/", {"name": "", TOKEN_FIELD: token})).status_code == 400
    assert make(rf.post("/", {"name": "Ann", TOKEN_FIELD: token})).status_code == 302
    assert made == ["Ann"]


def test_a_failure_gives_the_token_back(rf: RequestFactory, db: None) -> None:
    @once
    def broken(request: HttpRequest) -> HttpResponse:
        raise RuntimeError("boom")

    token = form_token()
    with pytest.raises(RuntimeError):
        broken(rf.post("/", {TOKEN_FIELD: token}))
    assert not FormSubmission.objects.filter(token=token).exists()


@pytest.mark.parametrize("token", ["", "not-a-token", "²" * 32, "a" * 33])
def test_a_post_without_a_proper_token_is_handled_as_before(
    rf: RequestFactory, db: None, token: str
) -> None:
    make(rf.post("/", {"name": "Ann", TOKEN_FIELD: token}))
    make(rf.post("/", {"name": "Ann", TOKEN_FIELD: token}))
    assert made == ["Ann", "Ann"]


def token_on(page: HttpResponseBase) -> str:
    assert isinstance(page, HttpResponse)
    found = re.search(r'name="form_token" value="([0-9a-f]{32})"', page.content.decode())
    assert found, "the form carries no one-time token"
    return found.group(1)


def test_open_door_feedback_sent_twice_is_kept_once(org_a: Organisation) -> None:
    client = Client()
    url = reverse("contributions:open-door", args=[org_a.slug])
    data = {"text": "The helpline is never answered", TOKEN_FIELD: token_on(client.get(url))}
    first = client.post(url, data)
    again = client.post(url, data)
    assert Contribution.objects.count() == 1
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]


def test_a_view_given_twice_is_kept_once(
    carer_client: Client, carer: Member, project: Project
) -> None:
    url = reverse("contributions:give", args=[project.pk])
    token = token_on(carer_client.get(url))
    data = {"privacy": "identifiable", "text": "Parking is a nightmare", TOKEN_FIELD: token}
    first = carer_client.post(url, data)
    again = carer_client.post(url, data)
    assert Contribution.objects.count() == 1
    assert first["Location"] == again["Location"]
    # The repeat lands on the same page as the first: the contribution.
    assert carer_client.get(again["Location"]).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_the_same_moment_keep_one(org_a: Organisation) -> None:
    url = reverse("contributions:open-door", args=[org_a.slug])
    token = token_on(Client().get(url))
    answers: list[int] = []

    def send() -> None:
        try:
            response = Client().post(url, {"text": "Same moment", TOKEN_FIELD: token})
            answers.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [302, 302, 302]
    assert Contribution.objects.filter(text="Same moment").count() == 1
