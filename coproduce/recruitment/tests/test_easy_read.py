from django.test import Client
from django.urls import reverse

from coproduce.recruitment.models import Brief, EasyReadLine
from coproduce.recruitment.tests.factories import EasyReadLineFactory


def texts(brief: Brief) -> list[str]:
    return list(brief.easy_read_lines.values_list("text", flat=True))


def test_coordinator_adds_lines_with_and_without_pictures(
    coordinator_client: Client, brief: Brief
) -> None:
    url = reverse("recruitment:easy-read", args=[brief.pk])
    coordinator_client.post(url, {"text": "We want to hear from you.", "picture": ""})
    response = coordinator_client.post(
        url, {"text": "We pay for your bus.", "picture": "bus", "alt_text": "A bus"}
    )
    assert response["Location"] == url
    assert texts(brief) == ["We want to hear from you.", "We pay for your bus."]
    html = coordinator_client.get(url).content.decode()
    assert 'src="/static/recruitment/easy-read/bus.svg" alt="A bus"' in html


def test_a_picture_needs_a_description_and_what_was_typed_is_kept(
    coordinator_client: Client, brief: Brief
) -> None:
    url = reverse("recruitment:easy-read", args=[brief.pk])
    response = coordinator_client.post(url, {"text": "Tea and cake.", "picture": "cup"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Describe the picture you chose" in html
    assert 'value="Tea and cake."' in html
    assert not EasyReadLine.objects.exists()


def test_lines_move_up_and_down_and_can_be_removed(
    coordinator_client: Client, brief: Brief
) -> None:
    first, second, third = (
        EasyReadLineFactory.create(brief=brief, text=text) for text in ("One", "Two", "Three")
    )
    move = "recruitment:easy-read-move"
    coordinator_client.post(reverse(move, args=[brief.pk, third.pk]), {"direction": "up"})
    assert texts(brief) == ["One", "Three", "Two"]
    coordinator_client.post(reverse(move, args=[brief.pk, first.pk]), {"direction": "down"})
    assert texts(brief) == ["Three", "One", "Two"]
    coordinator_client.post(reverse(move, args=[brief.pk, first.pk]), {"direction": "up"})
    coordinator_client.post(reverse(move, args=[brief.pk, first.pk]), {"direction": "up"})
    assert texts(brief) == ["One", "Three", "Two"]
    coordinator_client.post(reverse("recruitment:easy-read-remove", args=[brief.pk, second.pk]))
    assert texts(brief) == ["One", "Three"]


def test_coordinator_changes_a_line(coordinator_client: Client, brief: Brief) -> None:
    line = EasyReadLineFactory.create(brief=brief, picture="clock", alt_text="A clock")
    url = reverse("recruitment:easy-read-line", args=[brief.pk, line.pk])
    assert 'value="A clock"' in coordinator_client.get(url).content.decode()
    coordinator_client.post(url, {"text": "It takes two hours.", "picture": ""})
    line.refresh_from_db()
    assert (line.text, line.picture, line.alt_text) == ("It takes two hours.", "", "")


def test_a_line_of_another_brief_is_not_found(
    coordinator_client: Client, brief: Brief, b_brief: Brief
) -> None:
    theirs = EasyReadLineFactory.create(brief=b_brief)
    url = reverse("recruitment:easy-read-line", args=[brief.pk, theirs.pk])
    assert coordinator_client.get(url).status_code == 404
    remove = reverse("recruitment:easy-read-remove", args=[brief.pk, theirs.pk])
    assert coordinator_client.post(remove).status_code == 404
    assert EasyReadLine.objects.filter(pk=theirs.pk).exists()


def test_carers_cannot_change_the_easy_read_version(carer_client: Client, brief: Brief) -> None:
    response = carer_client.post(reverse("recruitment:easy-read", args=[brief.pk]), {"text": "x"})
    assert response.status_code == 403
    assert not EasyReadLine.objects.exists()
