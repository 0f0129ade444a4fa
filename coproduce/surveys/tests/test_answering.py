"""Answering: through the public link without an account, or signed in as a member of the
group; one question per page or all on one page; saving to come back; checking and
sending; answers sent after the survey closed; the published results."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, Privacy
from coproduce.surveys import actions
from coproduce.surveys.models import ANSWER_MAX_LENGTH, LateAnswer, Response, Survey
from coproduce.surveys.tests.conftest import Built
from coproduce.surveys.tests.factories import SurveyFactory


def make_public(built: Built) -> Survey:
    built.survey.audience = "public"
    built.survey.save()
    return built.survey


def start(client: Client, survey: Survey, data: dict[str, str] | None = None) -> Response:
    response = client.post(reverse("surveys:start", args=[survey.public_id]), data or {})
    assert response.status_code == 302, response.content.decode()
    return Response.objects.latest("pk")


def question_url(survey: Survey, answer: Response, question_pk: int) -> str:
    return reverse("surveys:question", args=[survey.public_id, answer.token, question_pk])


def test_anyone_answers_a_public_survey_one_question_at_a_time(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    first = client.get(reverse("surveys:start", args=[survey.public_id]))
    assert first.status_code == 200
    assert "your answers are anonymous" in first.content.decode()
    answer = start(client, survey)
    assert answer.person is None
    assert answer.privacy == Privacy.ANONYMOUS
    no = built.stayed.options.get(text="No")
    response = client.post(
        question_url(survey, answer, built.stayed.pk), {f"q{built.stayed.pk}": str(no.pk)}
    )
    # "No" skips the question only shown after "Yes".
    assert response["Location"] == question_url(survey, answer, built.help.pk)
    family = built.help.options.get(text="Family")
    response = client.post(
        question_url(survey, answer, built.help.pk), {f"q{built.help.pk}": str(family.pk)}
    )
    assert response["Location"] == question_url(survey, answer, built.rating.pk)
    response = client.post(question_url(survey, answer, built.rating.pk), {})
    check = reverse("surveys:check", args=[survey.public_id, answer.token])
    assert response["Location"] == check
    page = client.get(check).content.decode()
    assert "Family" in page
    assert "What was hardest?" not in page
    response = client.post(check)
    assert response["Location"] == reverse("surveys:done", args=[survey.public_id])
    # The whole response is one contribution.
    assert Contribution.objects.filter(person=None, privacy=Privacy.ANONYMOUS).count() == 1


def test_the_yes_answer_leads_to_the_conditional_question(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    answer = start(client, survey)
    yes = built.stayed.options.get(text="Yes")
    response = client.post(
        question_url(survey, answer, built.stayed.pk), {f"q{built.stayed.pk}": str(yes.pk)}
    )
    assert response["Location"] == question_url(survey, answer, built.why.pk)
    back = client.get(question_url(survey, answer, built.why.pk)).content.decode()
    assert question_url(survey, answer, built.stayed.pk) in back


def test_a_member_chooses_privacy_first_from_their_profile(
    carer_client: Client, built: Built, carer: Member
) -> None:
    profile = carer.person.carer_profile
    profile.default_anonymity = "confidential"
    profile.save()
    page = carer_client.get(
        reverse("surveys:start", args=[built.survey.public_id])
    ).content.decode()
    assert 'value="confidential" checked' in page
    answer = start(carer_client, built.survey, {"privacy": "anonymous_to_group"})
    assert answer.person == carer.person
    assert answer.privacy == "anonymous_to_group"


def test_a_members_survey_needs_signing_in_and_belonging_to_the_group(
    built: Built, carer_b: Member, staff_b_client: Client
) -> None:
    url = reverse("surveys:start", args=[built.survey.public_id])
    assert Client().get(url).status_code == 302
    assert staff_b_client.get(url).status_code == 404


def test_a_draft_survey_does_not_exist_for_anyone(coordinator_client: Client, built: Built) -> None:
    built.survey.status = "draft"
    built.survey.audience = "public"
    built.survey.save()
    url = reverse("surveys:start", args=[built.survey.public_id])
    assert Client().get(url).status_code == 404
    assert coordinator_client.get(url).status_code == 404


def test_someone_elses_saved_answers_are_not_found(
    carer_client: Client, built: Built, coordinator: Member, coordinator_client: Client
) -> None:
    answer = start(carer_client, built.survey, {"privacy": "identifiable"})
    url = reverse("surveys:check", args=[built.survey.public_id, answer.token])
    assert carer_client.get(url).status_code == 200
    assert coordinator_client.get(url).status_code == 404


def test_saving_to_come_back_later_gives_a_link_that_resumes(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    answer = start(client, survey)
    yes = built.stayed.options.get(text="Yes")
    response = client.post(
        question_url(survey, answer, built.stayed.pk),
        {f"q{built.stayed.pk}": str(yes.pk), "action": "save"},
    )
    saved = reverse("surveys:saved", args=[survey.public_id, answer.token])
    assert response["Location"] == saved
    resume = reverse("surveys:resume", args=[survey.public_id, answer.token])
    assert resume in client.get(saved).content.decode()
    later = Client().get(resume)
    assert later["Location"] == question_url(survey, answer, built.why.pk)


def test_the_saved_link_after_sending_says_the_answers_were_sent(built: Built) -> None:
    survey = make_public(built)
    answer = start(Client(), survey)
    Response.objects.filter(pk=answer.pk).update(submitted_at=timezone.now())
    resume = reverse("surveys:resume", args=[survey.public_id, answer.token])
    later = Client().get(resume)
    assert later.status_code == 200
    assert "We already have your answers" in later.content.decode()


def test_saving_for_later_does_not_need_required_answers(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    answer = start(client, survey)
    response = client.post(question_url(survey, answer, built.stayed.pk), {"action": "save"})
    assert response.status_code == 302


def test_an_empty_required_answer_says_what_to_do(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    answer = start(client, survey)
    response = client.post(question_url(survey, answer, built.stayed.pk), {})
    assert response.status_code == 400
    assert "Select an answer to question 1" in response.content.decode()


def test_a_too_long_answer_is_refused_and_kept_as_typed(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    answer = start(client, survey)
    actions.save_answers(
        answer,
        actions.questions_of(survey),
        {built.stayed.pk: [built.stayed.options.get(text="Yes").pk]},
    )
    typed = "Long story. " * (ANSWER_MAX_LENGTH // 10)
    response = client.post(question_url(survey, answer, built.why.pk), {f"q{built.why.pk}": typed})
    assert response.status_code == 400
    body = response.content.decode()
    assert f"must be {ANSWER_MAX_LENGTH} characters or fewer" in body
    assert typed.strip() in body


def test_all_questions_on_one_page_explain_their_conditions(built: Built) -> None:
    survey = make_public(built)
    survey.layout = "all_on_one_page"
    survey.save()
    client = Client()
    answer = start(client, survey)
    url = reverse("surveys:all", args=[survey.public_id, answer.token])
    page = client.get(url).content.decode()
    assert "Only answer this if you answered “Yes” to question 1." in page
    no = built.stayed.options.get(text="No")
    nobody = built.help.options.get(text="Nobody")
    response = client.post(
        url,
        {
            f"q{built.stayed.pk}": str(no.pk),
            f"q{built.help.pk}": str(nobody.pk),
            f"q{built.why.pk}": "ignored",
        },
    )
    assert response["Location"] == reverse("surveys:check", args=[survey.public_id, answer.token])
    client.post(response["Location"])
    assert Contribution.objects.count() == 1
    assert not Contribution.objects.filter(text__contains="ignored").exists()


def test_all_on_one_page_needs_a_conditional_answer_only_when_shown(built: Built) -> None:
    survey = make_public(built)
    survey.layout = "all_on_one_page"
    survey.save()
    client = Client()
    answer = start(client, survey)
    yes = built.stayed.options.get(text="Yes")
    response = client.post(
        reverse("surveys:all", args=[survey.public_id, answer.token]),
        {f"q{built.stayed.pk}": str(yes.pk)},
    )
    assert response.status_code == 400
    assert "Enter your answer to question 2" in response.content.decode()


def test_an_answer_to_a_closed_survey_is_kept_as_late_feedback(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    answer = start(client, survey)
    yes = built.stayed.options.get(text="Yes")
    client.post(question_url(survey, answer, built.stayed.pk), {f"q{built.stayed.pk}": str(yes.pk)})
    actions.close_survey(survey)
    response = client.post(
        question_url(survey, answer, built.why.pk), {f"q{built.why.pk}": "Too late words"}
    )
    assert response.status_code == 200
    assert "We have kept what you wrote" in response.content.decode()
    late = LateAnswer.objects.get()
    assert "Too late words" in late.text
    assert "overnight?: Yes" in late.text
    assert not Contribution.objects.exists()


def test_something_said_on_a_closed_surveys_page_is_kept(built: Built) -> None:
    survey = make_public(built)
    actions.close_survey(survey)
    client = Client()
    page = client.get(reverse("surveys:start", args=[survey.public_id])).content.decode()
    assert "This survey has closed." in page
    response = client.post(
        reverse("surveys:late", args=[survey.public_id]), {"feedback": "Still here"}
    )
    assert "We have kept what you wrote" in response.content.decode()
    assert LateAnswer.objects.get().text == "Still here"


def test_a_member_who_has_answered_is_told_so(
    carer_client: Client, built: Built, carer: Member
) -> None:
    answer = actions.start_response(built.survey, carer.person, Privacy.IDENTIFIABLE)
    no = built.stayed.options.get(text="No")
    nobody = built.help.options.get(text="Nobody")
    actions.save_answers(
        answer,
        actions.questions_of(built.survey),
        {built.stayed.pk: [no.pk], built.help.pk: [nobody.pk]},
    )
    actions.submit(answer)
    page = carer_client.get(
        reverse("surveys:start", args=[built.survey.public_id])
    ).content.decode()
    assert "We already have your answers" in page


def test_the_survey_is_shown_in_welsh_on_welsh_pages(built: Built) -> None:
    survey = make_public(built)
    client = Client()
    answer = start(client, survey)
    client.cookies["coproduce_language"] = "cy"
    body = client.get(question_url(survey, answer, built.stayed.pk)).content.decode()
    assert "Wnaethoch chi aros?" in body
    assert ">Ie<" in body or "Ie\n" in body or "Ie</label>" in body
    # A question without Welsh falls back to English.
    body = client.get(question_url(survey, answer, built.help.pk)).content.decode()
    assert "Who helped most?" in body


def test_a_member_sees_their_surveys_and_the_one_they_started(
    carer_client: Client, built: Built, carer: Member
) -> None:
    SurveyFactory.create(project=built.survey.project, title="Not opened yet", status="draft")
    answer = actions.start_response(built.survey, carer.person, Privacy.IDENTIFIABLE)
    page = carer_client.get(reverse("surveys:yours")).content.decode()
    assert "Getting home from hospital" in page
    assert "Not opened yet" not in page
    assert reverse("surveys:resume", args=[built.survey.public_id, answer.token]) in page


def test_published_results_show_chosen_questions_without_names_or_confidential_words(
    built: Built, carer: Member, professional: Member
) -> None:
    survey = make_public(built)
    for person, privacy, words in [
        (carer.person, Privacy.IDENTIFIABLE, "Open words"),
        (professional.person, Privacy.CONFIDENTIAL, "Secret words"),
    ]:
        answer = actions.start_response(survey, person, privacy)
        yes = built.stayed.options.get(text="Yes")
        family = built.help.options.get(text="Family")
        actions.save_answers(
            answer,
            actions.questions_of(survey),
            {built.stayed.pk: [yes.pk], built.why.pk: words, built.help.pk: [family.pk]},
        )
        actions.submit(answer)
    url = reverse("surveys:published", args=[survey.public_id])
    assert Client().get(url).status_code == 404
    actions.publish_results(survey, [built.help.pk, built.why.pk], True)
    body = Client().get(url).content.decode()
    assert "<svg" in body
    assert "<table" in body
    assert "Open words" in body
    assert "Secret words" not in body
    assert carer.person.full_name not in body
    assert "overnight" not in body
