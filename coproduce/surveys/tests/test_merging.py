"""The data migration that merges the per-answer contributions of one survey response into
one: the pure decision (`merge`) and the function the migration runs, against a database
in the old shape (one contribution per answer)."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from coproduce.accountability.models import Action
from coproduce.conftest import Member
from coproduce.contributions.models import (
    Attachment,
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
    Theme,
)
from coproduce.surveys import actions, merging
from coproduce.surveys.models import Answer, Response
from coproduce.surveys.tests.conftest import Built

DAY = datetime.date(2026, 11, 2)


def part(pk: int, position: int, **changes: object) -> merging.Part:
    values: dict[str, object] = {
        "pk": pk,
        "position": position,
        "text": f"Question {position}: answer {position}",
        "privacy": Privacy.IDENTIFIABLE,
        "person_id": 7,
        "status": ResponseStatus.NEW,
        "response": "",
        "responded_at": None,
        "responded_by_id": None,
        "given_on": DAY,
    }
    values.update(changes)
    return merging.Part(**values)  # type: ignore[arg-type]


def test_the_words_are_the_title_then_each_answer_in_question_order() -> None:
    merged = merging.merge("Coming home", [part(12, 2), part(11, 3), part(10, 1)])
    assert merged.keep == 10
    assert merged.remove == [12, 11]
    assert merged.text == (
        "Coming home\n\nQuestion 1: answer 1\n\nQuestion 2: answer 2\n\nQuestion 3: answer 3"
    )


def test_the_most_private_choice_made_for_any_answer_wins() -> None:
    merged = merging.merge("T", [part(1, 1), part(2, 2, privacy=Privacy.CONFIDENTIAL), part(3, 3)])
    assert merged.privacy == Privacy.CONFIDENTIAL
    assert merged.person_id == 7


def test_an_anonymous_answer_makes_the_whole_response_linked_to_nobody() -> None:
    merged = merging.merge("T", [part(1, 1), part(2, 2, privacy=Privacy.ANONYMOUS, person_id=None)])
    assert merged.privacy == Privacy.ANONYMOUS
    assert merged.person_id is None


def test_parts_that_disagree_on_who_gave_them_keep_nobody() -> None:
    merged = merging.merge("T", [part(1, 1), part(2, 2, person_id=None)])
    assert merged.privacy == Privacy.IDENTIFIABLE
    assert merged.person_id is None


def test_an_erased_response_keeps_only_the_removal_notice() -> None:
    gone = merging.REMOVED
    merged = merging.merge("T", [part(1, 1, text=gone), part(2, 2, text=gone)])
    assert merged.text == gone


def test_the_furthest_response_wins_and_every_response_text_is_kept() -> None:
    early = timezone.make_aware(datetime.datetime(2026, 11, 10, 10))
    late = timezone.make_aware(datetime.datetime(2026, 11, 12, 10))
    merged = merging.merge(
        "T",
        [
            part(
                1,
                1,
                status=ResponseStatus.CONSIDERED,
                response="We read it",
                responded_at=late,
                responded_by_id=5,
            ),
            part(
                2,
                2,
                status=ResponseStatus.ACTED_ON,
                response="New leaflet",
                responded_at=early,
                responded_by_id=6,
            ),
            part(3, 3, status=ResponseStatus.CONSIDERED, response="We read it"),
            part(4, 4),
        ],
    )
    assert merged.status == ResponseStatus.ACTED_ON
    assert merged.response == "We read it\n\nNew leaflet"
    assert (merged.responded_at, merged.responded_by_id) == (late, 5)


def test_not_taken_forward_only_when_nothing_was_taken_forward() -> None:
    reason = {"status": ResponseStatus.NOT_TAKEN_FORWARD, "response": "Out of our hands"}
    assert merging.merge("T", [part(1, 1, **reason), part(2, 2)]).status == (
        ResponseStatus.NOT_TAKEN_FORWARD
    )
    mixed = [part(1, 1, **reason), part(2, 2, status=ResponseStatus.PLANNED, response="Soon")]
    assert merging.merge("T", mixed).status == ResponseStatus.PLANNED


def test_nothing_answered_stays_waiting() -> None:
    merged = merging.merge("T", [part(1, 1), part(2, 2)])
    assert (merged.status, merged.response, merged.responded_at) == (ResponseStatus.NEW, "", None)


def test_themes_and_actions_of_every_part_are_kept_and_the_earliest_date() -> None:
    merged = merging.merge(
        "T",
        [
            part(1, 1, theme_ids=frozenset({1}), action_ids=frozenset({9})),
            part(2, 2, theme_ids=frozenset({1, 2}), given_on=DAY - datetime.timedelta(days=1)),
        ],
    )
    assert merged.theme_ids == {1, 2}
    assert merged.action_ids == {9}
    assert merged.given_on == DAY - datetime.timedelta(days=1)


def test_merge_refuses_nothing() -> None:
    with pytest.raises(ValueError, match="Nothing to merge"):
        merging.merge("T", [])


# --- The function the migration runs, on the old shape ------------------------------------


def old_shape(built: Built, person: Member | None, privacy: str) -> tuple[Response, list[int]]:
    """A submitted response whose answers each have their own contribution, as before."""
    response = actions.start_response(built.survey, person.person if person else None, privacy)
    questions = actions.questions_of(built.survey)
    yes = built.stayed.options.get(text="Yes")
    family = built.help.options.get(text="Family")
    given: dict[int, actions.Given] = {
        built.stayed.pk: [yes.pk],
        built.why.pk: "The stairs",
        built.help.pk: [family.pk],
    }
    actions.save_answers(response, questions, given)
    (whole,) = actions.submit(response)
    parts = []
    for answer in Answer.objects.filter(response=response).select_related("question"):
        contribution = Contribution.objects.create(
            organisation=whole.organisation,
            project=whole.project,
            channel=ContributionChannel.SURVEY,
            privacy=whole.privacy,
            person=whole.person,
            text=f"{answer.question.text}: answer {answer.question.position}",
            given_on=DAY,
        )
        answer.contribution = contribution
        answer.save(update_fields=["contribution"])
        parts.append(contribution.pk)
    whole.delete()
    return response, parts


def test_the_migration_merges_each_response_keeping_themes_responses_and_actions(
    built: Built, carer: Member, coordinator: Member
) -> None:
    response, parts = old_shape(built, carer, Privacy.IDENTIFIABLE)
    stranger, stranger_parts = old_shape(built, None, Privacy.ANONYMOUS)
    first, second, third = parts
    theme = Theme.objects.create(project=built.survey.project, name="Transport")
    Contribution.objects.get(pk=third).themes.add(theme)
    Contribution.objects.filter(pk=second).update(
        status=ResponseStatus.PLANNED, response="A ramp is coming", privacy=Privacy.CONFIDENTIAL
    )
    action = Action.objects.create(project=built.survey.project, title="Ramps at the door")
    action.contributions.add(second)
    Attachment.objects.create(
        contribution_id=third, file="x.txt", name="x.txt", content_type="text/plain", size=1
    )

    assert merging.merge_response_contributions(apps) == 4

    (merged,) = Contribution.objects.filter(survey_answers__response=response).distinct()
    assert merged.pk == first
    assert merged.text == (
        f"{built.survey.title}\n\n"
        "Did you stay in hospital overnight?: answer 1\n\n"
        "What was hardest?: answer 2\n\n"
        "Who helped most?: answer 3"
    )
    assert merged.privacy == Privacy.CONFIDENTIAL
    assert merged.person == carer.person
    assert (merged.status, merged.response) == (ResponseStatus.PLANNED, "A ramp is coming")
    assert list(merged.themes.all()) == [theme]
    assert list(action.contributions.all()) == [merged]
    assert merged.attachments.count() == 1
    assert set(Answer.objects.filter(response=response).values_list("contribution", flat=True)) == {
        first
    }
    (anonymous,) = Contribution.objects.filter(survey_answers__response=stranger).distinct()
    assert anonymous.person is None
    assert anonymous.privacy == Privacy.ANONYMOUS
    assert Contribution.objects.count() == 2
    assert not Contribution.objects.filter(pk__in=[second, third, *stranger_parts[1:]]).exists()
    # Running it again changes nothing.
    assert merging.merge_response_contributions(apps) == 0
    assert Contribution.objects.count() == 2
