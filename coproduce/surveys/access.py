"""The door to surveys and their answers.

Staff who can change a project build its surveys, enter paper and phone answers and see
results. A survey takes answers once opened: from anyone with its link (public), from the
project's group (members), or from people who said they were interested in a brief. Draft
surveys do not exist outside the staff pages.
"""

import datetime
import uuid

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from coproduce.people.access import own_rows
from coproduce.people.models import Person
from coproduce.projects.access import one_in_projects, projects_for, projects_of_organisation
from coproduce.projects.models import Project
from coproduce.recruitment.models import ExpressionOfInterest
from coproduce.surveys.models import Audience as SurveyAudience
from coproduce.surveys.models import LateAnswer, Survey, SurveyStatus
from coproduce.surveys.models import Question as SurveyQuestion
from coproduce.surveys.models import Response as SurveyResponse
from coproduce.tenancy.access import SignInRequired, membership_for, one, require_staff
from coproduce.tenancy.models import Organisation


def surveys_of(request: HttpRequest, project: Project) -> QuerySet[Survey]:
    """Surveys of a project that itself came through `project_for(..., "edit")`."""
    require_staff(request)
    return Survey.objects.filter(project=project)


def survey_for(request: HttpRequest, pk: int) -> Survey:
    """A survey for its staff to build, open, close and read the results of."""
    surveys = Survey.objects.select_related("project__organisation", "brief")
    return one_in_projects(request, surveys, pk, need="edit")


def survey_question_of(survey: Survey, pk: int) -> SurveyQuestion:
    """A question of `survey`, which must itself have come through this module."""
    questions = SurveyQuestion.objects.filter(survey=survey)
    return one(questions.select_related("condition__question"), pk=pk)


def late_answer_of(survey: Survey, pk: int) -> LateAnswer:
    """Late feedback to `survey`, which must itself have come through this module."""
    return one(LateAnswer.objects.filter(survey=survey), pk=pk)


def may_answer_survey(request: HttpRequest, survey: Survey) -> bool:
    """Whether the visitor is in a survey's audience (anyone, for a public survey)."""
    if survey.audience == SurveyAudience.PUBLIC:
        return True
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    if projects_for(request).filter(pk=survey.project_id).exists():
        return True
    if survey.audience != SurveyAudience.BRIEF:
        return False
    interested = ExpressionOfInterest.objects.filter(own_rows(membership_for(request)))
    return interested.filter(brief=survey.brief).exists()


def survey_to_answer(request: HttpRequest, public_id: uuid.UUID) -> Survey:
    """A survey that is not a draft, for someone in its audience."""
    surveys = Survey.objects.filter(status__in=[SurveyStatus.OPEN, SurveyStatus.CLOSED])
    survey = one(surveys.select_related("project__organisation"), public_id=public_id)
    if not may_answer_survey(request, survey):
        raise Http404("No such survey")
    return survey


def survey_response_for(request: HttpRequest, survey: Survey, token: uuid.UUID) -> SurveyResponse:
    """An unsubmitted response to `survey` (which came through `survey_to_answer`) by its
    secret link; a signed-in person's response is theirs alone."""
    responses = SurveyResponse.objects.filter(survey=survey, submitted_at=None)
    response = one(responses.select_related("person"), token=token)
    if response.person is None:
        return response
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    if response.person.user_id != request.user.pk:
        raise Http404("No such response")
    return response


def survey_response_sent(survey: Survey, token: uuid.UUID) -> bool:
    """Whether a "come back later" link is to answers already sent (it reveals no answers)."""
    return SurveyResponse.objects.filter(
        survey=survey, token=token, submitted_at__isnull=False
    ).exists()


def published_survey_for(request: HttpRequest, public_id: uuid.UUID) -> Survey:
    """A survey whose results are published, for its audience (anyone, if public)."""
    survey = survey_to_answer(request, public_id)
    if not survey.results_published:
        raise Http404("No published results")
    return survey


def _public_of(organisation: Organisation) -> QuerySet[Survey]:
    return Survey.objects.filter(
        project__in=projects_of_organisation(organisation), audience=SurveyAudience.PUBLIC
    )


def open_public_surveys_of(organisation: Organisation, now: datetime.datetime) -> QuerySet[Survey]:
    """An organisation's public surveys taking answers `now`, for its front door."""
    opened = Q(opens_at__isnull=True) | Q(opens_at__lte=now)
    not_closed = Q(closes_at__isnull=True) | Q(closes_at__gt=now)
    return _public_of(organisation).filter(opened, not_closed, status=SurveyStatus.OPEN)


def published_results_of(organisation: Organisation) -> QuerySet[Survey]:
    """An organisation's public surveys whose results are published, for its front door."""
    return _public_of(organisation).filter(
        status__in=[SurveyStatus.OPEN, SurveyStatus.CLOSED], results_published=True
    )


def surveys_to_answer(request: HttpRequest) -> QuerySet[Survey]:
    """Open surveys for the signed-in person: their groups' and their briefs'."""
    membership = membership_for(request)
    in_group = own_rows(membership, "project__members__person") & Q(project__members__left_on=None)
    interested = Q(audience=SurveyAudience.BRIEF) & own_rows(
        membership, "brief__expressions__person"
    )
    return Survey.objects.filter(status=SurveyStatus.OPEN).filter(in_group | interested).distinct()


def own_survey_responses(request: HttpRequest) -> QuerySet[SurveyResponse]:
    """The signed-in person's unsubmitted responses, to come back to."""
    return SurveyResponse.objects.filter(own_rows(membership_for(request)), submitted_at=None)


def people_who_may_answer(survey: Survey) -> QuerySet[Person]:
    """Who staff may type in answers for, by name: the group of `survey`'s project, and for
    a brief's survey the people interested in it. `survey` came through `survey_for`."""
    group = Q(project_memberships__project_id=survey.project_id, project_memberships__left_on=None)
    if survey.brief_id is not None:
        group |= Q(expressions_of_interest__brief_id=survey.brief_id)
    people = Person.objects.filter(group, organisation_id=survey.project.organisation_id)
    return people.filter(erased_at=None).distinct().order_by("full_name")


def response_of(survey: Survey, person: Person) -> SurveyResponse | None:
    """`person`'s response to `survey`, sent or not: both came through access modules
    (the survey through `survey_to_answer`, the person as the signed-in one)."""
    return SurveyResponse.objects.filter(survey=survey, person=person).first()
