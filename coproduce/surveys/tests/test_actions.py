import pytest
from django.utils import timezone

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.insight import figures
from coproduce.projects.models import Project
from coproduce.surveys import actions
from coproduce.surveys.models import Answer, LateAnswer, Option, QuestionKind, Response
from coproduce.surveys.tests.conftest import Built
from coproduce.surveys.tests.factories import add_question


def yes(built: Built) -> Option:
    return built.stayed.options.get(text="Yes")


def no(built: Built) -> Option:
    return built.stayed.options.get(text="No")


def family(built: Built) -> Option:
    return built.help.options.get(text="Family")


def answered(built: Built, carer: Member, privacy: str = Privacy.IDENTIFIABLE) -> Response:
    response = actions.start_response(built.survey, carer.person, privacy)
    questions = actions.questions_of(built.survey)
    actions.save_answers(
        response,
        questions,
        {
            built.stayed.pk: [yes(built).pk],
            built.why.pk: "  Getting a wheelchair to the car  ",
            built.help.pk: [family(built).pk],
            built.rating.pk: "4",
        },
    )
    return response


def test_submitting_makes_one_contribution_for_the_whole_response(
    built: Built, carer: Member
) -> None:
    made = actions.submit(answered(built, carer))
    assert len(made) == 1
    (contribution,) = made
    # Each question and its answer, in the survey's order, under the survey's title.
    assert contribution.text == (
        "Getting home from hospital\n\n"
        "Did you stay in hospital overnight?: Yes\n\n"
        "What was hardest?: Getting a wheelchair to the car\n\n"
        "Who helped most?: Family\n\n"
        "How was it overall?: 4 out of 5"
    )
    assert contribution.channel == ContributionChannel.SURVEY
    assert contribution.person_id == carer.person.pk
    assert contribution.project_id == built.survey.project_id
    # Every answer belongs to the response's one contribution.
    assert set(Answer.objects.values_list("contribution_id", flat=True)) == {contribution.pk}
    assert [a.question_id for a in contribution.survey_answers.order_by("question__position")] == [
        built.stayed.pk,
        built.why.pk,
        built.help.pk,
        built.rating.pk,
    ]


def test_two_responses_make_two_contributions(built: Built, carer: Member) -> None:
    actions.submit(answered(built, carer))
    stranger = actions.start_response(built.survey, None, Privacy.ANONYMOUS)
    actions.save_answers(
        stranger,
        actions.questions_of(built.survey),
        {built.stayed.pk: [no(built).pk], built.help.pk: [family(built).pk]},
    )
    (anonymous,) = actions.submit(stranger)
    assert anonymous.text.count("\n\n") == 2
    assert Contribution.objects.count() == 2
    assert Contribution.objects.filter(channel=ContributionChannel.SURVEY).count() == 2


def test_an_anonymous_response_keeps_no_person(built: Built, carer: Member) -> None:
    response = answered(built, carer, Privacy.ANONYMOUS)
    (made,) = actions.submit(response)
    response.refresh_from_db()
    assert response.person is None
    assert made.person_id is None
    assert made.privacy == Privacy.ANONYMOUS


def test_answers_to_questions_no_longer_shown_are_dropped(built: Built, carer: Member) -> None:
    response = answered(built, carer)
    actions.save_answers(
        response, actions.questions_of(built.survey), {built.stayed.pk: [no(built).pk]}
    )
    made = actions.submit(response)
    assert not any("hardest" in c.text for c in made)
    assert not Answer.objects.filter(question=built.why).exists()


def test_a_required_question_left_unanswered_stops_the_submission(
    built: Built, carer: Member
) -> None:
    response = actions.start_response(built.survey, carer.person, Privacy.IDENTIFIABLE)
    actions.save_answers(
        response, actions.questions_of(built.survey), {built.stayed.pk: [yes(built).pk]}
    )
    with pytest.raises(actions.Incomplete) as raised:
        actions.submit(response)
    assert raised.value.missing == [built.why, built.help]
    assert Contribution.objects.count() == 0


def test_starting_again_returns_the_response_already_begun(built: Built, carer: Member) -> None:
    first = actions.start_response(built.survey, carer.person, Privacy.IDENTIFIABLE)
    again = actions.start_response(built.survey, carer.person, Privacy.CONFIDENTIAL)
    assert again.pk == first.pk
    assert again.privacy == Privacy.CONFIDENTIAL


def test_answers_to_a_closed_survey_are_kept_as_late_feedback(
    built: Built, carer: Member, coordinator: Member
) -> None:
    response = answered(built, carer)
    actions.close_survey(built.survey)
    questions = actions.questions_of(built.survey)
    late = actions.keep_late(built.survey, questions, {built.rating.pk: "2"}, response)
    assert late is not None
    assert "How was it overall?: 2 out of 5" in late.text
    assert "Getting a wheelchair to the car" in late.text
    assert late.person == carer.person
    assert not Response.objects.exists()
    contribution = actions.late_to_contribution(late, coordinator.user)
    assert contribution.channel == ContributionChannel.OPEN_DOOR
    assert "Getting a wheelchair" in contribution.text
    assert actions.late_to_contribution(late, coordinator.user).pk == contribution.pk
    assert Contribution.objects.count() == 1
    assert LateAnswer.objects.get().contribution == contribution


def test_a_yes_no_question_gets_yes_and_no_options_in_both_languages(built: Built) -> None:
    assert [(o.text, o.text_cy) for o in built.stayed.options.all()] == [
        ("Yes", "Ie"),
        ("No", "Na"),
    ]


def test_a_question_cannot_move_above_the_question_it_depends_on(built: Built) -> None:
    with pytest.raises(actions.Refused):
        actions.move_question(built.why, -1)
    actions.move_question(built.rating, -1)
    positions = {q.text: q.position for q in actions.questions_of(built.survey)}
    assert positions["How was it overall?"] == 3
    assert positions["Who helped most?"] == 4


def test_an_answered_question_cannot_be_removed(built: Built, carer: Member) -> None:
    actions.submit(answered(built, carer))
    with pytest.raises(actions.Refused):
        actions.remove_question(built.help)


def test_a_question_others_depend_on_cannot_be_removed(built: Built) -> None:
    with pytest.raises(actions.Refused):
        actions.remove_question(built.stayed)
    actions.remove_question(built.why)
    assert [q.position for q in actions.questions_of(built.survey)] == [1, 2, 3]


def test_options_with_answers_cannot_be_removed(built: Built, carer: Member) -> None:
    actions.submit(answered(built, carer))
    data = {
        "kind": QuestionKind.SINGLE_CHOICE,
        "text": "Who helped most?",
        "required": True,
        "condition": None,
        "options": [("Friends", "")],
    }
    with pytest.raises(actions.Refused):
        actions.save_question(built.survey, data, built.help)


def test_a_survey_without_questions_cannot_open(project: object) -> None:
    from coproduce.surveys.tests.factories import SurveyFactory

    survey = SurveyFactory.create(project=project, status="draft")
    with pytest.raises(actions.Refused):
        actions.open_survey(survey)
    add_question(survey, "Anything else?")
    actions.open_survey(survey)
    assert survey.status == "open"


def test_the_dashboard_counts_each_survey_response_once(built: Built, carer: Member) -> None:
    actions.submit(answered(built, carer))
    stranger = actions.start_response(built.survey, None, Privacy.ANONYMOUS)
    actions.save_answers(
        stranger,
        actions.questions_of(built.survey),
        {built.stayed.pk: [no(built).pk], built.help.pk: [family(built).pk]},
    )
    actions.submit(stranger)
    today = timezone.localdate()
    project = built.survey.project
    scope = figures.Scope(project.organisation, Project.objects.filter(pk=project.pk), today, today)
    counted = {
        str(row[0]): row[1] for row in figures.channels(figures.contribution_totals(scope)).rows
    }
    assert counted["Survey response"] == 2
