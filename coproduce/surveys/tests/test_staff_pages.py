"""Staff pages: the list, building a survey, opening and closing it, typing in paper
answers, results, downloads and publishing. Each is allowed / 403 / 404."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.contributions import actions as contribution_actions
from coproduce.contributions.models import Contribution, Privacy
from coproduce.projects.models import Project
from coproduce.surveys import actions
from coproduce.surveys.models import Question, Response, Survey, SurveyStatus
from coproduce.surveys.tests.conftest import Built
from coproduce.surveys.tests.factories import SurveyFactory


def answer(built: Built, person: object, privacy: str, why: str) -> None:
    response = actions.start_response(built.survey, person, privacy)  # type: ignore[arg-type]
    yes = built.stayed.options.get(text="Yes")
    family = built.help.options.get(text="Family")
    actions.save_answers(
        response,
        actions.questions_of(built.survey),
        {built.stayed.pk: [yes.pk], built.why.pk: why, built.help.pk: [family.pk]},
    )
    actions.submit(response)


def test_coordinator_sees_the_projects_surveys_in_a_fixed_number_of_queries(
    coordinator_client: Client,
    project: Project,
    survey: Survey,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse("surveys:list", args=[project.pk])
    response = coordinator_client.get(url)
    assert response.status_code == 200
    assert "Getting home from hospital" in response.content.decode()
    with django_assert_num_queries(6):
        coordinator_client.get(url)
    SurveyFactory.create_batch(3, project=project)
    with django_assert_num_queries(6):
        coordinator_client.get(url)


def test_a_carer_may_not_see_the_staff_survey_pages(
    carer_client: Client, project: Project, survey: Survey
) -> None:
    assert carer_client.get(reverse("surveys:list", args=[project.pk])).status_code == 403
    assert carer_client.get(reverse("surveys:survey", args=[survey.pk])).status_code == 403
    assert carer_client.get(reverse("surveys:results", args=[survey.pk])).status_code == 403


def test_another_organisations_staff_get_not_found(
    staff_b_client: Client, project: Project, survey: Survey
) -> None:
    for name in ("survey", "results", "results-csv", "enter", "publish"):
        assert staff_b_client.get(reverse(f"surveys:{name}", args=[survey.pk])).status_code == 404
    assert staff_b_client.get(reverse("surveys:list", args=[project.pk])).status_code == 404


def test_coordinator_creates_a_survey_and_adds_a_conditional_question(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(
        reverse("surveys:new", args=[project.pk]),
        {
            "title": "Respite at home",
            "title_cy": "Seibiant gartref",
            "audience": "public",
            "layout": "all_on_one_page",
        },
    )
    survey = Survey.objects.get(title="Respite at home")
    assert response.status_code == 302
    assert survey.status == SurveyStatus.DRAFT
    new = reverse("surveys:question-new", args=[survey.pk])
    coordinator_client.post(
        new, {"text": "Have you had a break?", "kind": "yes_no", "required": "yes"}
    )
    yes = Question.objects.get(survey=survey).options.get(text="Yes")
    response = coordinator_client.post(
        new,
        {"text": "How long?", "kind": "free_text", "required": "yes", "condition": str(yes.pk)},
    )
    assert response.status_code == 302
    assert Question.objects.get(text="How long?").condition == yes
    page = coordinator_client.get(reverse("surveys:survey", args=[survey.pk])).content.decode()
    assert "Only shown when the answer to question 1 is “Yes”" in page


def test_a_choice_question_needs_two_options(coordinator_client: Client, survey: Survey) -> None:
    response = coordinator_client.post(
        reverse("surveys:question-new", args=[survey.pk]),
        {"text": "Which day?", "kind": "single_choice", "required": "yes", "options": "Monday"},
    )
    assert response.status_code == 400
    assert "Enter at least 2 options" in response.content.decode()
    assert "Which day?" in response.content.decode()


def test_the_survey_form_keeps_what_was_typed_on_an_error(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(
        reverse("surveys:new", args=[project.pk]),
        {"title": "Unfinished title", "audience": "brief", "layout": "one_per_page"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose the brief whose interested people can answer" in body
    assert "Unfinished title" in body


def test_coordinator_closes_and_opens_a_survey(coordinator_client: Client, survey: Survey) -> None:
    coordinator_client.post(reverse("surveys:close", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    coordinator_client.post(reverse("surveys:open", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN


def test_coordinator_types_in_a_paper_response_for_a_member(
    coordinator_client: Client, built: Built, carer: Member, coordinator: Member
) -> None:
    no = built.stayed.options.get(text="No")
    friends = built.help.options.get(text="Friends")
    response = coordinator_client.post(
        reverse("surveys:enter", args=[built.survey.pk]),
        {
            "person": str(carer.person.pk),
            "channel": "paper",
            "privacy": "profile",
            f"q{built.stayed.pk}": str(no.pk),
            f"q{built.help.pk}": str(friends.pk),
        },
    )
    assert response.status_code == 302
    entered = Response.objects.get()
    assert entered.channel == "paper"
    assert entered.entered_by == coordinator.user
    assert entered.submitted_at is not None
    # One contribution for the whole response, with both answers.
    (given,) = Contribution.objects.filter(person=carer.person)
    assert "Did you stay in hospital overnight?: No" in given.text
    assert "Who helped most?: Friends" in given.text


def test_entering_answers_for_someone_not_on_file_makes_them_anonymous(
    coordinator_client: Client, built: Built
) -> None:
    no = built.stayed.options.get(text="No")
    nobody = built.help.options.get(text="Nobody")
    coordinator_client.post(
        reverse("surveys:enter", args=[built.survey.pk]),
        {
            "person": "none",
            "channel": "phone",
            "privacy": "identifiable",
            f"q{built.stayed.pk}": str(no.pk),
            f"q{built.help.pk}": str(nobody.pk),
        },
    )
    assert set(Contribution.objects.values_list("privacy", flat=True)) == {Privacy.ANONYMOUS}


def test_entering_answers_with_a_required_answer_missing_keeps_what_was_typed(
    coordinator_client: Client, built: Built
) -> None:
    yes = built.stayed.options.get(text="Yes")
    response = coordinator_client.post(
        reverse("surveys:enter", args=[built.survey.pk]),
        {
            "person": "none",
            "channel": "phone",
            "privacy": "profile",
            f"q{built.stayed.pk}": str(yes.pk),
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter your answer to question 2" in body
    assert "Select an answer to question 3" in body
    assert not Response.objects.exists()


@pytest.fixture
def answered(built: Built, carer: Member, professional: Member) -> Built:
    answer(built, carer.person, Privacy.IDENTIFIABLE, "Open words from Margaret")
    answer(built, professional.person, Privacy.CONFIDENTIAL, "Secret words from Priya")
    answer(built, None, Privacy.ANONYMOUS, "Words from nobody in particular")
    return built


def test_results_show_totals_percentages_and_allowed_written_answers(
    coordinator_client: Client, answered: Built
) -> None:
    body = coordinator_client.get(
        reverse("surveys:results", args=[answered.survey.pk])
    ).content.decode()
    assert "3 responses so far" in body
    assert "<svg" in body
    assert "Bar chart of the answers to question 1" in body
    assert "100%" in body
    assert "Open words from Margaret" in body
    assert "Margaret Carer" in body
    assert "Words from nobody in particular" in body
    assert "Secret words from Priya" not in body
    assert "Priya Professional" not in body
    assert "1 answer is not shown because it is confidential" in body


def test_results_page_uses_a_fixed_number_of_queries(
    coordinator_client: Client,
    answered: Built,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse("surveys:results", args=[answered.survey.pk])
    with django_assert_num_queries(QUERIES):
        coordinator_client.get(url)
    answer(answered, None, Privacy.ANONYMOUS, "More words")
    answer(answered, None, Privacy.IDENTIFIABLE, "Even more words")
    with django_assert_num_queries(QUERIES):
        coordinator_client.get(url)


QUERIES = 13


def test_the_csv_has_no_confidential_words_and_only_identifiable_names(
    coordinator_client: Client, answered: Built
) -> None:
    response = coordinator_client.get(reverse("surveys:results-csv", args=[answered.survey.pk]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Open words from Margaret" in body
    assert "Margaret Carer" in body
    assert "Secret words from Priya" not in body
    assert "Priya Professional" not in body
    assert "not listed: 3" in body


def test_the_spreadsheet_has_totals_and_no_confidential_words(
    coordinator_client: Client, answered: Built
) -> None:
    response = coordinator_client.get(reverse("surveys:results-xlsx", args=[answered.survey.pk]))
    book = load_workbook(io.BytesIO(response.content))
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Family" in cells
    assert "Open words from Margaret" in cells
    assert not any("Secret words" in c or "Priya" in c for c in cells)


def test_a_typed_formula_is_not_run_by_a_spreadsheet(
    coordinator_client: Client, built: Built, carer: Member
) -> None:
    answer(built, carer.person, Privacy.IDENTIFIABLE, "=HYPERLINK(1)")
    body = coordinator_client.get(
        reverse("surveys:results-csv", args=[built.survey.pk])
    ).content.decode()
    assert "'=HYPERLINK(1)" in body


def test_coordinator_publishes_chosen_results(coordinator_client: Client, answered: Built) -> None:
    survey = answered.survey
    response = coordinator_client.post(
        reverse("surveys:publish", args=[survey.pk]),
        {"questions": [str(answered.help.pk), str(answered.why.pk)], "publish": "yes"},
    )
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.results_published
    assert set(survey.questions.filter(published=True)) == {answered.help, answered.why}


def test_publishing_needs_a_question(coordinator_client: Client, survey: Survey) -> None:
    response = coordinator_client.post(
        reverse("surveys:publish", args=[survey.pk]), {"publish": "yes"}
    )
    assert response.status_code == 400
    assert "Select at least one question to publish" in response.content.decode()


def test_a_typed_formula_is_text_in_the_spreadsheet_too(
    coordinator_client: Client, built: Built, carer: Member
) -> None:
    answer(built, carer.person, Privacy.IDENTIFIABLE, "@SUM(1+1)")
    response = coordinator_client.get(reverse("surveys:results-xlsx", args=[built.survey.pk]))
    book = load_workbook(io.BytesIO(response.content))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert "'@SUM(1+1)" in [cell.value for cell in cells]
    assert not [cell for cell in cells if cell.data_type == "f"]


def test_a_response_made_confidential_later_hides_every_answer_of_it(
    coordinator_client: Client, admin_client_a: Client, built: Built, carer: Member
) -> None:
    answer(built, carer.person, Privacy.IDENTIFIABLE, "Words Margaret takes back")
    (given,) = Contribution.objects.filter(person=carer.person)
    contribution_actions.change_privacy(given, Privacy.CONFIDENTIAL)
    for url in ("surveys:results", "surveys:results-csv"):
        body = admin_client_a.get(reverse(url, args=[built.survey.pk])).content.decode()
        assert "Words Margaret takes back" not in body
        assert "Margaret Carer" not in body
    # The whole response is one contribution: its coordinator reads every answer of it,
    # an admin does not reach it at all.
    page = reverse("contributions:contribution", args=[given.pk])
    body = coordinator_client.get(page).content.decode()
    assert "What was hardest?: Words Margaret takes back" in body
    assert "Who helped most?: Family" in body
    assert admin_client_a.get(page).status_code == 404


def test_an_anonymous_response_shows_its_answers_to_the_group_without_a_name(
    carer_client: Client, coordinator_client: Client, built: Built, carer: Member
) -> None:
    answer(built, carer.person, Privacy.ANONYMOUS, "Nobody knows I wrote this")
    (given,) = Contribution.objects.filter(channel="survey")
    assert given.person is None
    for client in (carer_client, coordinator_client):
        url = reverse("contributions:project", args=[built.survey.project_id])
        body = client.get(url).content.decode()
        assert "What was hardest?: Nobody knows I wrote this" in body
        assert "Margaret Carer" not in body.split("<main")[1]
