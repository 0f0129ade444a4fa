"""Words on the public board: who may be asked, redaction, approval, changes and
withdrawal, paraphrase for those who cannot be asked, and that nothing unapproved is ever
shown publicly (the board, its action pages, easy read, feed and the open data)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accountability import actions, rules
from coproduce.accountability.models import Action, Quote, QuoteKind, QuoteStatus
from coproduce.accountability.tests.conftest import (
    ANONYMOUS_WORDS,
    CONFIDENTIAL_WORDS,
    IDENTIFIABLE_WORDS,
    Said,
    public_id,
)
from coproduce.conftest import Member
from coproduce.contributions.models import Privacy
from coproduce.notifications.models import Message
from coproduce.projects.models import Project

# --- Rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("privacy", "person_id", "erased", "channel", "expected"),
    [
        (Privacy.IDENTIFIABLE, 1, False, "email", QuoteKind.QUOTE),
        (Privacy.ANONYMOUS_TO_GROUP, 1, False, "letter", QuoteKind.QUOTE),
        (Privacy.IDENTIFIABLE, 1, False, "sms", QuoteKind.QUOTE),
        (Privacy.IDENTIFIABLE, 1, False, "phone", QuoteKind.PARAPHRASE),
        (Privacy.IDENTIFIABLE, 1, False, None, QuoteKind.PARAPHRASE),
        (Privacy.IDENTIFIABLE, 1, True, "email", QuoteKind.PARAPHRASE),
        (Privacy.ANONYMOUS, None, False, None, QuoteKind.PARAPHRASE),
        (Privacy.IDENTIFIABLE, None, False, None, QuoteKind.PARAPHRASE),
        (Privacy.CONFIDENTIAL, 1, False, "email", None),
    ],
)
def test_who_may_be_asked_and_how_words_may_appear(
    privacy: str, person_id: int | None, erased: bool, channel: str | None, expected: str | None
) -> None:
    assert rules.quote_kind_for(privacy, person_id, erased, channel) == expected


def test_redaction_takes_out_whole_names_whatever_their_case() -> None:
    text = "Tom's tablets came late. I told TOM and Tomas. Ann Lee phoned."
    assert rules.redact(text, ["Tom", "ann lee", " "]) == (
        "[name]'s tablets came late. I told [name] and Tomas. [name] phoned."
    )


def test_a_paraphrase_may_not_copy_the_words() -> None:
    said = "The ward never once asked me whether I could cope at home after discharge"
    assert rules.is_verbatim(said, said)
    assert rules.is_verbatim(said, "They said: the ward never once asked me whether I could")
    assert not rules.is_verbatim(said, "A carer was not asked whether they could cope")
    assert not rules.is_verbatim(said, "")


def test_only_approved_words_show_publicly() -> None:
    assert rules.shows_publicly(QuoteStatus.APPROVED)
    assert not rules.shows_publicly(QuoteStatus.AWAITING)
    assert not rules.shows_publicly(QuoteStatus.WITHDRAWN)
    assert rules.may_answer(QuoteStatus.APPROVED)
    assert not rules.may_answer(QuoteStatus.WITHDRAWN)


# --- Asking, approving, changing, withdrawing ----------------------------------------------


def public_pages(project: Project, action: Action) -> list[str]:
    board = public_id(project)
    return [
        reverse("accountability:public-board", kwargs={"board_uuid": board}),
        reverse("accountability:public-easy-read", kwargs={"board_uuid": board}),
        reverse("accountability:public-feed", kwargs={"board_uuid": board}),
        reverse("accountability:public-action", kwargs={"board_uuid": board, "pk": action.pk}),
        reverse("insight:open-data", args=[project.organisation.slug]),
    ]


def shown_anywhere(client: Client, project: Project, action: Action, words: str) -> bool:
    return any(words in client.get(url).content.decode() for url in public_pages(project, action))


def link_in(message: Message) -> str:
    match = re.search(r"https?://\S+(/you-said-we-did/quotes/link/\S+/)", message.body)
    assert match is not None, message.body
    return match.group(1)


@pytest.fixture
def public(project: Project, coordinator: Member) -> None:
    actions.choose_public(project, True, coordinator.user)


@pytest.mark.usefixtures("public")
def test_the_giver_is_asked_and_nothing_shows_until_they_approve(
    client: Client, project: Project, action: Action, said: Said, coordinator: Member
) -> None:
    words = "Tom's tablets were never explained to me"
    said.identifiable.text = words
    said.identifiable.save()
    quote = actions.propose_quote(action, said.identifiable, words, coordinator.user, names=["Tom"])
    assert quote.kind == QuoteKind.QUOTE
    assert quote.status == QuoteStatus.AWAITING
    assert quote.text == "[name]'s tablets were never explained to me"
    message = Message.objects.get(kind="accountability.quote")
    assert message.person == said.identifiable.person
    assert "[name]'s tablets" in message.body
    assert "Tom's" not in message.body
    assert not shown_anywhere(client, project, action, "tablets were never explained")

    link = link_in(message)
    page = client.get(link)
    assert page.status_code == 200
    assert "[name]&#39;s tablets" in page.content.decode()
    response = client.post(link, {"answer": "approve"})
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.APPROVED
    board = client.get(public_pages(project, action)[0]).content.decode()
    assert "[name]&#39;s tablets were never explained to me" in board
    assert "Tom&#39;s" not in board
    assert "Ida Identifiable" not in board


@pytest.mark.usefixtures("public")
def test_the_giver_may_change_the_words_and_their_version_shows(
    client: Client, project: Project, action: Action, said: Said, coordinator: Member
) -> None:
    quote = actions.propose_quote(action, said.identifiable, "Ident-words", coordinator.user)
    link = link_in(Message.objects.get(kind="accountability.quote"))
    bad = client.post(link, {"answer": "edit", "text": ""})
    assert bad.status_code == 400
    assert "Enter your changed words" in bad.content.decode()
    client.post(link, {"answer": "edit", "text": "Nobody asked how I was"})
    quote.refresh_from_db()
    assert (quote.status, quote.text) == (QuoteStatus.APPROVED, "Nobody asked how I was")
    assert shown_anywhere(client, project, action, "Nobody asked how I was")


@pytest.mark.usefixtures("public")
def test_withdrawn_words_never_show_and_are_not_asked_for_again(
    client: Client, project: Project, action: Action, said: Said, coordinator: Member
) -> None:
    actions.propose_quote(action, said.identifiable, "Withdrawn words", coordinator.user)
    link = link_in(Message.objects.get(kind="accountability.quote"))
    client.post(link, {"answer": "withdraw"})
    assert Quote.objects.get().status == QuoteStatus.WITHDRAWN
    assert not shown_anywhere(client, project, action, "Withdrawn words")
    assert "You asked us not to show" in client.get(link).content.decode()
    with pytest.raises(actions.NotQuotable):
        actions.propose_quote(action, said.identifiable, "Again", coordinator.user)


@pytest.mark.usefixtures("public")
def test_changed_words_are_asked_about_again_and_the_old_link_stops_working(
    client: Client, action: Action, said: Said, coordinator: Member
) -> None:
    actions.propose_quote(action, said.identifiable, "First words", coordinator.user)
    old = link_in(Message.objects.get(kind="accountability.quote"))
    quote = actions.propose_quote(action, said.identifiable, "Second words", coordinator.user)
    assert quote.version == 2
    assert Message.objects.filter(kind="accountability.quote").count() == 2
    assert client.get(old).status_code == 404


def test_a_link_not_made_by_us_does_not_work(client: Client) -> None:
    url = reverse("accountability:quote-link", args=["made-up"])
    assert client.get(url).status_code == 404


@pytest.mark.usefixtures("public")
def test_anonymous_words_are_paraphrased_by_staff_not_quoted(
    client: Client, project: Project, action: Action, said: Said, coordinator: Member
) -> None:
    with pytest.raises(actions.Verbatim):
        actions.propose_quote(action, said.anonymous, ANONYMOUS_WORDS, coordinator.user)
    quote = actions.propose_quote(
        action, said.anonymous, "Someone's letter arrived after the meeting", coordinator.user
    )
    assert (quote.kind, quote.status, quote.person) == (
        QuoteKind.PARAPHRASE,
        QuoteStatus.APPROVED,
        None,
    )
    assert not Message.objects.filter(kind="accountability.quote").exists()
    board = client.get(public_pages(project, action)[0]).content.decode()
    assert "Someone&#39;s letter arrived after the meeting" in board
    assert "In our words" in board
    assert "Anon-words" not in board


@pytest.mark.usefixtures("public")
def test_someone_erased_cannot_be_asked(action: Action, said: Said, coordinator: Member) -> None:
    person = said.identifiable.person
    assert person is not None
    person.erased_at = timezone.now()
    person.save()
    said.identifiable.refresh_from_db()
    assert actions.quote_kind(said.identifiable) == QuoteKind.PARAPHRASE


def test_confidential_words_are_never_quoted(
    coordinator_client: Client, action: Action, said: Said, coordinator: Member
) -> None:
    with pytest.raises(actions.NotQuotable):
        actions.propose_quote(action, said.confidential, "Anything", coordinator.user)
    url = reverse("accountability:quote", args=[action.pk, said.confidential.pk])
    assert coordinator_client.get(url).status_code == 404


# --- Pages ---------------------------------------------------------------------------------


def test_staff_choose_words_and_redact_names_from_the_action_page(
    coordinator_client: Client, action: Action, said: Said
) -> None:
    page = coordinator_client.get(reverse("accountability:action", args=[action.pk]))
    assert "Words on the public board" in page.content.decode()
    url = reverse("accountability:quote", args=[action.pk, said.identifiable.pk])
    form = coordinator_client.get(url).content.decode()
    assert IDENTIFIABLE_WORDS in form  # the original, for staff only
    response = coordinator_client.post(url, {"text": "The ward never asked Ida", "names": "Ida\n"})
    assert response.status_code == 302
    assert Quote.objects.get().text == "The ward never asked [name]"


def test_a_verbatim_paraphrase_comes_back_with_an_error(
    coordinator_client: Client, action: Action, said: Said
) -> None:
    url = reverse("accountability:quote", args=[action.pk, said.anonymous.pk])
    response = coordinator_client.post(url, {"text": ANONYMOUS_WORDS, "names": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "in your own words" in body
    assert "govuk-error-summary" in body
    assert not Quote.objects.exists()


def test_only_staff_of_the_project_choose_words(
    carer_client: Client, staff_b_client: Client, action: Action, said: Said
) -> None:
    url = reverse("accountability:quote", args=[action.pk, said.identifiable.pk])
    assert carer_client.get(url).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert carer_client.post(url, {"text": "x"}).status_code == 403
    assert not Quote.objects.exists()


def test_the_signed_in_giver_answers_from_their_own_page_and_nobody_else_can(
    ida_client: Client, carer_client: Client, action: Action, said: Said, coordinator: Member
) -> None:
    quote = actions.propose_quote(action, said.identifiable, "Ida's words", coordinator.user)
    url = reverse("accountability:own-quote", args=[quote.pk])
    assert carer_client.get(url).status_code == 404
    assert carer_client.post(url, {"answer": "approve"}).status_code == 404
    assert ida_client.get(url).status_code == 200
    assert ida_client.post(url, {"answer": "approve"}).status_code == 302
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.APPROVED


def test_staff_see_the_original_but_the_public_never_does(
    client: Client,
    project: Project,
    action: Action,
    said: Said,
    coordinator: Member,
) -> None:
    actions.choose_public(project, True, coordinator.user)
    actions.propose_quote(action, said.identifiable, "Shown words", coordinator.user)
    Quote.objects.update(status=QuoteStatus.APPROVED)
    assert shown_anywhere(client, project, action, "Shown words")
    assert not shown_anywhere(client, project, action, IDENTIFIABLE_WORDS.split(":")[0])
    assert not shown_anywhere(client, project, action, CONFIDENTIAL_WORDS.split(":")[0])


def test_erasure_withdraws_the_words_and_the_link_stops_working(
    client: Client, action: Action, said: Said, coordinator: Member
) -> None:
    from coproduce.people import personal_data

    quote = actions.propose_quote(action, said.identifiable, "Words to forget", coordinator.user)
    link = link_in(Message.objects.get(kind="accountability.quote"))
    person = said.identifiable.person
    assert person is not None
    personal_data.erase(person)
    quote.refresh_from_db()
    assert (quote.status, quote.person) == (QuoteStatus.WITHDRAWN, None)
    assert "Words to forget" not in quote.text
    assert client.get(link).status_code == 404
