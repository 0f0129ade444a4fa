"""The one door to tenant data.

Every view gets tenant objects through a function here. Each returns the object (or a
queryset already scoped to the user's organisation and role) or raises:

- PermissionDenied (403) when the user's role may not do this kind of thing at all;
- Http404 when the object does not exist *for this user* - whether it belongs to another
  organisation or does not exist is never revealed.
"""

import uuid
from typing import Literal, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from coproduce.accountability.models import Action, BoardSettings
from coproduce.accounts.models import User
from coproduce.activities.models import Activity, Invitation
from coproduce.audit.models import AuditEvent
from coproduce.breaks.models import Practice, Referral, ReferralStatus, Scheme
from coproduce.contributions.models import Attachment, Contribution, Privacy
from coproduce.contributions.rules import Viewer
from coproduce.decisions.models import Proposal
from coproduce.payments.models import Claim, Line, PaymentPolicy
from coproduce.people.models import CaredFor, ErasureRequest, Person
from coproduce.projects.models import BudgetLine, Milestone, Project, ProjectMember
from coproduce.recruitment.models import Brief, EasyReadLine, ExpressionOfInterest
from coproduce.recruitment.rules import may_screen
from coproduce.surveys.models import Audience as SurveyAudience
from coproduce.surveys.models import LateAnswer, Survey, SurveyStatus
from coproduce.surveys.models import Question as SurveyQuestion
from coproduce.surveys.models import Response as SurveyResponse
from coproduce.tenancy.models import Membership, Organisation, Partnership, Role

Need = Literal["view", "edit"]


class SignInRequired(PermissionDenied):
    """Nobody is signed in: TenancyMiddleware sends them to sign in and back."""


# Which roles may see and change other people's records in their organisation.
PEOPLE_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})
ADMIN_ROLES = frozenset({Role.ADMIN})


def membership_for(request: HttpRequest) -> Membership:
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    membership = cast(Membership | None, getattr(request, "membership", None))
    if membership is None:
        raise PermissionDenied("You are not a member of any organisation")
    return membership


def user_for(request: HttpRequest) -> User:
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    return request.user


def require_role(request: HttpRequest, roles: frozenset[Role]) -> Membership:
    membership = membership_for(request)
    if membership.role not in roles:
        raise PermissionDenied("Your role cannot do this")
    return membership


def people_for(request: HttpRequest) -> QuerySet[Person]:
    """People of the user's organisation that staff may see (never erased ones)."""
    membership = require_role(request, PEOPLE_ROLES)
    return Person.objects.filter(organisation_id=membership.organisation_id, erased_at=None)


def person_for(request: HttpRequest, pk: int, need: Need = "view") -> Person:
    """Another person's record, for staff. `need` is the same for view and edit today."""
    people = people_for(request)
    try:
        return people.select_related("carer_profile").get(pk=pk)
    except Person.DoesNotExist:
        raise Http404("No such person") from None


def own_person(request: HttpRequest) -> Person:
    """The signed-in user's own record in the organisation they are acting for."""
    membership = membership_for(request)
    try:
        return Person.objects.select_related("carer_profile").get(
            organisation_id=membership.organisation_id, user_id=membership.user_id, erased_at=None
        )
    except Person.DoesNotExist:
        raise Http404("You have no record here") from None


def subject_for(request: HttpRequest, pk: int | None, need: Need = "view") -> Person:
    """The person a profile page is about: someone else's (staff) or the user's own."""
    if pk is None:
        return own_person(request)
    return person_for(request, pk, need)


def cared_for_of(person: Person, pk: int) -> CaredFor:
    """Someone `person` cares for; `person` must itself have come through this module."""
    try:
        return CaredFor.objects.get(profile__person=person, pk=pk)
    except CaredFor.DoesNotExist:
        raise Http404("No such person cared for") from None


def erasure_requests_for(request: HttpRequest) -> QuerySet[ErasureRequest]:
    membership = require_role(request, ADMIN_ROLES)
    return ErasureRequest.objects.filter(person__organisation_id=membership.organisation_id)


def erasure_request_for(request: HttpRequest, pk: int) -> ErasureRequest:
    try:
        return erasure_requests_for(request).select_related("person").get(pk=pk)
    except ErasureRequest.DoesNotExist:
        raise Http404("No such request") from None


def audit_events_for(request: HttpRequest) -> QuerySet[AuditEvent]:
    membership = require_role(request, ADMIN_ROLES)
    return AuditEvent.objects.filter(organisation_id=membership.organisation_id)


def memberships_for(request: HttpRequest) -> QuerySet[Membership]:
    user = user_for(request)
    return Membership.objects.filter(user=user).select_related("organisation")


# --- Projects ---------------------------------------------------------------------------
# Staff (admins and coordinators) see every project their organisation owns or co-owns
# through a partnership; anyone else sees only the projects whose group they are in.


def projects_for(request: HttpRequest, need: Need = "view") -> QuerySet[Project]:
    membership = membership_for(request)
    organisation = membership.organisation_id
    if membership.role in PEOPLE_ROLES:
        owned = Q(organisation_id=organisation) | Q(partnership__organisations=organisation)
        return Project.objects.filter(owned).distinct()
    if need == "edit":
        raise PermissionDenied("Only staff can change a project")
    return Project.objects.filter(
        members__person__user_id=membership.user_id,
        members__person__organisation_id=organisation,
        members__left_on=None,
    ).distinct()


def project_for(request: HttpRequest, pk: int, need: Need = "view") -> Project:
    try:
        return (
            projects_for(request, need)
            .select_related("coordinator", "organisation", "partnership")
            .get(pk=pk)
        )
    except Project.DoesNotExist:
        raise Http404("No such project") from None


# Equality answers are seen only in aggregate, and only by these roles.
EQUALITY_AGGREGATE_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


def project_makeup_for(request: HttpRequest, pk: int) -> Project:
    """A project whose group make-up (aggregate equality answers) the user may see."""
    require_role(request, EQUALITY_AGGREGATE_ROLES)
    return project_for(request, pk, need="edit")


def staff_people_of(organisation_id: int) -> QuerySet[Person]:
    """Who may coordinate a project of an organisation the caller already reached through
    this module: people whose sign-in has an admin or coordinator role there."""
    return Person.objects.filter(
        organisation_id=organisation_id,
        erased_at=None,
        user__memberships__organisation_id=organisation_id,
        user__memberships__role__in=PEOPLE_ROLES,
    ).distinct()


def partnerships_of(organisation_id: int) -> QuerySet[Partnership]:
    """Partnerships an organisation (already reached through this module) belongs to."""
    return Partnership.objects.filter(organisations=organisation_id).distinct()


def people_to_add_to(request: HttpRequest, project: Project) -> QuerySet[Person]:
    """People of the user's organisation who are not in the project's group now."""
    current = ProjectMember.objects.filter(project=project, left_on=None).values("person_id")
    return people_for(request).exclude(pk__in=current)


def milestone_of(project: Project, pk: int) -> Milestone:
    """A milestone of `project`, which must itself have come through this module."""
    try:
        return Milestone.objects.get(project=project, pk=pk)
    except Milestone.DoesNotExist:
        raise Http404("No such milestone") from None


def budget_line_of(project: Project, pk: int) -> BudgetLine:
    """A budget line of `project`, which must itself have come through this module."""
    try:
        return BudgetLine.objects.get(project=project, pk=pk)
    except BudgetLine.DoesNotExist:
        raise Http404("No such budget line") from None


def project_member_of(project: Project, pk: int) -> ProjectMember:
    """A group member of `project`, which must itself have come through this module."""
    try:
        return ProjectMember.objects.select_related("person").get(project=project, pk=pk)
    except ProjectMember.DoesNotExist:
        raise Http404("No such group member") from None


# --- Recruitment (briefs, expressions of interest) ----------------------------------------
# Briefs are managed by the staff who can change their project. Reaching out to carers and
# screening their answers touch people's records, so only the staff of the organisation
# that owns the project (whose people they are) may do those. Published briefs are public.


class SafeguardingTrainingRequired(PermissionDenied):
    """Only safeguarding-trained staff may screen people under 18."""


def briefs_for(request: HttpRequest) -> QuerySet[Brief]:
    return Brief.objects.filter(project__in=projects_for(request, need="edit"))


def brief_for(request: HttpRequest, pk: int) -> Brief:
    try:
        return briefs_for(request).select_related("project").get(pk=pk)
    except Brief.DoesNotExist:
        raise Http404("No such brief") from None


def own_brief_for(request: HttpRequest, pk: int) -> Brief:
    """A brief whose project the user's organisation owns, to reach out and screen."""
    brief = brief_for(request, pk)
    if brief.project.organisation_id != membership_for(request).organisation_id:
        raise PermissionDenied("Only the organisation that owns the project can do this")
    return brief


def published_brief_for(request: HttpRequest, public_id: uuid.UUID) -> Brief:
    """A published brief, for anyone (signed in or not): drafts do not exist in public."""
    try:
        return Brief.objects.select_related("project__organisation").get(
            public_id=public_id, published_at__isnull=False
        )
    except Brief.DoesNotExist:
        raise Http404("No such brief") from None


def easy_read_line_for(brief: Brief, pk: int) -> EasyReadLine:
    """A line of `brief`'s easy-read version; `brief` must itself have come through here."""
    try:
        return EasyReadLine.objects.get(brief=brief, pk=pk)
    except EasyReadLine.DoesNotExist:
        raise Http404("No such line") from None


def expressions_for(request: HttpRequest) -> QuerySet[ExpressionOfInterest]:
    membership = require_role(request, PEOPLE_ROLES)
    return ExpressionOfInterest.objects.filter(
        brief__project__organisation_id=membership.organisation_id
    )


def expression_for(request: HttpRequest, pk: int) -> ExpressionOfInterest:
    try:
        return (
            expressions_for(request)
            .select_related("brief__project", "person__carer_profile")
            .get(pk=pk)
        )
    except ExpressionOfInterest.DoesNotExist:
        raise Http404("No such expression of interest") from None


def expression_to_screen(request: HttpRequest, pk: int) -> ExpressionOfInterest:
    """An expression of interest the user may screen or decide about."""
    expression = expression_for(request, pk)
    trained = membership_for(request).safeguarding_trained
    if not may_screen(expression.under_18, trained):
        raise SafeguardingTrainingRequired("Only safeguarding-trained staff screen under-18s")
    return expression


# --- Activities ---------------------------------------------------------------------------
# An activity is seen by whoever may see its project (staff, and the project's group);
# only staff plan, move, cancel or change one.


def activities_for(
    request: HttpRequest, project: Project, need: Need = "view"
) -> QuerySet[Activity]:
    """Activities of a project that itself came through `project_for`."""
    membership = membership_for(request)
    if need == "edit" and membership.role not in PEOPLE_ROLES:
        raise PermissionDenied("Only staff can change an activity")
    return Activity.objects.filter(project=project)


def activity_for(request: HttpRequest, pk: int, need: Need = "view") -> Activity:
    projects = projects_for(request, need)
    try:
        return Activity.objects.select_related("project__organisation", "project__coordinator").get(
            pk=pk, project__in=projects
        )
    except Activity.DoesNotExist:
        raise Http404("No such activity") from None


def group_member_for(activity: Activity, person_pk: int) -> Person:
    """A current member of the group of `activity`, which must have come through this module."""
    try:
        return Person.objects.select_related("carer_profile").get(
            pk=person_pk,
            erased_at=None,
            project_memberships__project_id=activity.project_id,
            project_memberships__left_on=None,
        )
    except Person.DoesNotExist:
        raise Http404("No such member of the group") from None


# --- Activity invitations -----------------------------------------------------------------
# Staff see and record everyone's invitations to their organisation's activities (through
# `activity_for(..., "edit")`); anyone else sees only their own invitation.


def own_invitation_for(request: HttpRequest, activity_pk: int) -> Invitation:
    """The signed-in person's own invitation to an activity."""
    membership = membership_for(request)
    try:
        return Invitation.objects.select_related(
            "activity__project__organisation", "activity__project__coordinator", "person"
        ).get(
            activity_id=activity_pk,
            person__user_id=membership.user_id,
            person__organisation_id=membership.organisation_id,
            person__erased_at=None,
        )
    except Invitation.DoesNotExist:
        raise Http404("You are not invited to this") from None


def own_invitations(request: HttpRequest) -> QuerySet[Invitation]:
    """The signed-in person's own invitations in their current organisation (no others')."""
    membership = membership_for(request)
    return Invitation.objects.filter(
        person__user_id=membership.user_id,
        person__organisation_id=membership.organisation_id,
        person__erased_at=None,
    )


def invitation_of(activity: Activity, pk: int) -> Invitation:
    """An invitation to `activity`, which must have come through `activity_for`."""
    try:
        invitation = Invitation.objects.select_related("person__carer_profile").get(
            activity=activity, pk=pk, person__erased_at=None
        )
    except Invitation.DoesNotExist:
        raise Http404("No such invitation") from None
    invitation.activity = activity
    return invitation


# --- Carers' breaks ---------------------------------------------------------------------
# Referrals are seen by the referring practice (its members) and by the scheme's payment
# support organisation (its admins and coordinators), and by nobody else.


def practices_for(request: HttpRequest) -> QuerySet[Practice]:
    """Practices the user refers for."""
    user = user_for(request)
    return Practice.objects.filter(members__user=user).select_related("scheme")


def practice_referrals_for(request: HttpRequest) -> QuerySet[Referral]:
    user = user_for(request)
    return Referral.objects.filter(practice__members__user=user)


def practice_referral_for(request: HttpRequest, pk: int) -> Referral:
    try:
        return practice_referrals_for(request).select_related("scheme", "practice").get(pk=pk)
    except Referral.DoesNotExist:
        raise Http404("No such referral") from None


def referral_queue_for(request: HttpRequest) -> QuerySet[Referral]:
    """Sent referrals for schemes the user's organisation pays out for."""
    membership = require_role(request, PEOPLE_ROLES)
    return Referral.objects.filter(
        scheme__payment_organisation_id=membership.organisation_id
    ).exclude(status=ReferralStatus.DRAFT)


def queued_referral_for(request: HttpRequest, pk: int) -> Referral:
    try:
        return referral_queue_for(request).select_related("scheme", "practice").get(pk=pk)
    except Referral.DoesNotExist:
        raise Http404("No such referral") from None


def schemes_for(request: HttpRequest) -> QuerySet[Scheme]:
    """Schemes whose figures the user's organisation may see: partners and the payer."""
    membership = require_role(request, PEOPLE_ROLES)
    organisation = membership.organisation_id
    return Scheme.objects.filter(
        Q(partnership__organisations=organisation) | Q(payment_organisation_id=organisation)
    ).distinct()


def scheme_for(request: HttpRequest, pk: int) -> Scheme:
    try:
        return schemes_for(request).select_related("payment_organisation").get(pk=pk)
    except Scheme.DoesNotExist:
        raise Http404("No such scheme") from None


def scheme_practice_for(request: HttpRequest, pk: int) -> Practice:
    """A practice of a scheme the user's organisation runs or pays for, for its staff to
    invite (the practice's own members reach theirs through `practices_for`)."""
    try:
        return Practice.objects.select_related("scheme__payment_organisation").get(
            pk=pk, scheme__in=schemes_for(request)
        )
    except Practice.DoesNotExist:
        raise Http404("No such practice") from None


# --- Contributions ------------------------------------------------------------------------
# Staff of the organisations that own a project see its contributions; its group sees them
# too. Confidential ones are reached only by the owning organisation's coordinators and by
# the person who gave them. What each viewer sees of a contribution (name, words) is then
# decided by coproduce.contributions.rules for every page, export and feed.


def viewer_for(request: HttpRequest) -> Viewer:
    """Who is asking, for the contribution privacy rules (anonymous visitors: nobody)."""
    membership = cast(Membership | None, getattr(request, "membership", None))
    if not request.user.is_authenticated or membership is None:
        return Viewer()
    person_id = (
        Person.objects.filter(
            organisation_id=membership.organisation_id, user_id=membership.user_id
        )
        .values_list("pk", flat=True)
        .first()
    )
    return Viewer(
        organisation_id=membership.organisation_id, role=membership.role, person_id=person_id
    )


def _reachable(viewer: Viewer) -> Q:
    """Contributions a viewer may reach at all: everything but others' confidential ones,
    which only the owning organisation's coordinators reach."""
    open_ = ~Q(privacy=Privacy.CONFIDENTIAL)
    own = Q(person_id=viewer.person_id) if viewer.person_id is not None else Q(pk__in=[])
    coordinator = (
        Q(organisation_id=viewer.organisation_id)
        if viewer.role == Role.COORDINATOR
        else Q(pk__in=[])
    )
    return open_ | own | coordinator


def contributions_of(request: HttpRequest, project: Project) -> QuerySet[Contribution]:
    """Contributions to a project that itself came through `project_for`."""
    viewer = viewer_for(request)
    return Contribution.objects.filter(_reachable(viewer), project=project)


def contribution_queue_for(request: HttpRequest) -> QuerySet[Contribution]:
    """Everything given to the user's organisation, for its staff to consider."""
    membership = require_role(request, PEOPLE_ROLES)
    viewer = viewer_for(request)
    return Contribution.objects.filter(
        _reachable(viewer), organisation_id=membership.organisation_id
    )


def contribution_for(request: HttpRequest, pk: int, need: Need = "view") -> Contribution:
    """A contribution: staff reach their organisations' ones (and their projects'), the
    group reaches its project's, the giver reaches their own. Only staff change one."""
    viewer = viewer_for(request)
    membership = membership_for(request)
    staff = membership.role in PEOPLE_ROLES
    if need == "edit" and not staff:
        raise PermissionDenied("Only staff respond to contributions")
    in_projects = Q(project__in=projects_for(request))
    owned = Q(organisation_id=membership.organisation_id) if staff else Q(pk__in=[])
    own = Q(person_id=viewer.person_id) if viewer.person_id is not None else Q(pk__in=[])
    try:
        return (
            Contribution.objects.filter(_reachable(viewer))
            .filter(in_projects | owned | own)
            .select_related("project__organisation", "person", "activity", "organisation")
            .get(pk=pk)
        )
    except Contribution.DoesNotExist:
        raise Http404("No such contribution") from None


def own_contributions(request: HttpRequest) -> QuerySet[Contribution]:
    """What the signed-in person has given, in their current organisation."""
    viewer = viewer_for(request)
    if viewer.person_id is None:
        return Contribution.objects.none()
    return Contribution.objects.filter(person_id=viewer.person_id)


def attachment_of(contribution: Contribution, pk: int) -> Attachment:
    """A file of `contribution`, which must itself have come through this module."""
    try:
        return Attachment.objects.get(contribution=contribution, pk=pk)
    except Attachment.DoesNotExist:
        raise Http404("No such file") from None


def organisation_for_feedback(slug: str) -> Organisation:
    """Any organisation's open-door feedback page is public; it reveals only its name."""
    try:
        return Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404("No such organisation") from None


# --- Decisions ------------------------------------------------------------------------------
# Proposals are seen by whoever may see their project (staff, and the project's current
# group); staff and members put them; a member gives their own position; only staff
# record one for a member, or the outcome (through need="edit").


def proposals_for(request: HttpRequest, project: Project) -> QuerySet[Proposal]:
    """Proposals of a project that itself came through `project_for`."""
    membership_for(request)
    return Proposal.objects.filter(project=project)


def proposal_for(request: HttpRequest, pk: int, need: Need = "view") -> Proposal:
    projects = projects_for(request, need)
    try:
        return Proposal.objects.select_related(
            "project__organisation", "project__coordinator", "proposed_by"
        ).get(pk=pk, project__in=projects)
    except Proposal.DoesNotExist:
        raise Http404("No such proposal") from None


def own_proposals_waiting(request: HttpRequest) -> QuerySet[Proposal]:
    """Open proposals to the groups the signed-in person is in, that they have not yet
    given a position on (for their home page)."""
    membership = membership_for(request)
    return Proposal.objects.filter(
        status="open",
        deadline__gt=timezone.now(),
        project__members__person__user_id=membership.user_id,
        project__members__person__organisation_id=membership.organisation_id,
        project__members__left_on=None,
    ).exclude(positions__person__user_id=membership.user_id)


def revised_proposal_of(project: Project, pk: int) -> Proposal:
    """A decided proposal of `project` (which came through `project_for`) to re-propose."""
    try:
        return Proposal.objects.get(project=project, pk=pk, status="closed")
    except Proposal.DoesNotExist:
        raise Http404("No such proposal") from None


def decision_member_of(proposal: Proposal, person_pk: int) -> Person:
    """A current member of the group of `proposal`, which came through `proposal_for`."""
    try:
        return Person.objects.get(
            pk=person_pk,
            erased_at=None,
            project_memberships__project_id=proposal.project_id,
            project_memberships__left_on=None,
        )
    except Person.DoesNotExist:
        raise Http404("No such member of the group") from None


# --- Surveys ------------------------------------------------------------------------------
# Staff who can change a project build its surveys, enter paper and phone answers and see
# results. A survey takes answers once opened: from anyone with its link (public), from the
# project's group (members), or from people who said they were interested in a brief.
# Draft surveys do not exist outside the staff pages.


def surveys_of(request: HttpRequest, project: Project) -> QuerySet[Survey]:
    """Surveys of a project that itself came through `project_for(..., "edit")`."""
    require_role(request, PEOPLE_ROLES)
    return Survey.objects.filter(project=project)


def survey_for(request: HttpRequest, pk: int) -> Survey:
    """A survey for its staff to build, open, close and read the results of."""
    projects = projects_for(request, need="edit")
    try:
        return Survey.objects.select_related("project__organisation", "brief").get(
            pk=pk, project__in=projects
        )
    except Survey.DoesNotExist:
        raise Http404("No such survey") from None


def survey_question_of(survey: Survey, pk: int) -> SurveyQuestion:
    """A question of `survey`, which must itself have come through this module."""
    try:
        return SurveyQuestion.objects.select_related("condition__question").get(
            survey=survey, pk=pk
        )
    except SurveyQuestion.DoesNotExist:
        raise Http404("No such question") from None


def late_answer_of(survey: Survey, pk: int) -> LateAnswer:
    """Late feedback to `survey`, which must itself have come through this module."""
    try:
        return LateAnswer.objects.get(survey=survey, pk=pk)
    except LateAnswer.DoesNotExist:
        raise Http404("No such late feedback") from None


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
    membership = membership_for(request)
    return ExpressionOfInterest.objects.filter(
        brief=survey.brief,
        person__user_id=membership.user_id,
        person__organisation_id=membership.organisation_id,
        person__erased_at=None,
    ).exists()


def survey_to_answer(request: HttpRequest, public_id: uuid.UUID) -> Survey:
    """A survey that is not a draft, for someone in its audience."""
    try:
        survey = Survey.objects.select_related("project__organisation").get(
            public_id=public_id, status__in=[SurveyStatus.OPEN, SurveyStatus.CLOSED]
        )
    except Survey.DoesNotExist:
        raise Http404("No such survey") from None
    if not may_answer_survey(request, survey):
        raise Http404("No such survey")
    return survey


def survey_response_for(request: HttpRequest, survey: Survey, token: uuid.UUID) -> SurveyResponse:
    """An unsubmitted response to `survey` (which came through `survey_to_answer`) by its
    secret link; a signed-in person's response is theirs alone."""
    try:
        response = SurveyResponse.objects.select_related("person").get(
            survey=survey, token=token, submitted_at=None
        )
    except SurveyResponse.DoesNotExist:
        raise Http404("No such response") from None
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


def surveys_to_answer(request: HttpRequest) -> QuerySet[Survey]:
    """Open surveys for the signed-in person: their groups' and their briefs'."""
    membership = membership_for(request)
    in_group = Q(
        project__members__person__user_id=membership.user_id,
        project__members__person__organisation_id=membership.organisation_id,
        project__members__left_on=None,
    )
    interested = Q(
        audience=SurveyAudience.BRIEF,
        brief__expressions__person__user_id=membership.user_id,
        brief__expressions__person__organisation_id=membership.organisation_id,
    )
    return Survey.objects.filter(status=SurveyStatus.OPEN).filter(in_group | interested).distinct()


def own_survey_responses(request: HttpRequest) -> QuerySet[SurveyResponse]:
    """The signed-in person's unsubmitted responses, to come back to."""
    membership = membership_for(request)
    return SurveyResponse.objects.filter(
        person__user_id=membership.user_id,
        person__organisation_id=membership.organisation_id,
        submitted_at=None,
    )


# --- You Said, We Did -----------------------------------------------------------------------
# A project's board and its actions are seen by whoever may see the project (staff, and its
# current group); only staff record and change actions or choose to show the board to the
# public. The public board exists only while the project has chosen it.


def actions_of(request: HttpRequest, project: Project, need: Need = "view") -> QuerySet[Action]:
    """Actions of a project that itself came through `project_for`."""
    membership = membership_for(request)
    if need == "edit" and membership.role not in PEOPLE_ROLES:
        raise PermissionDenied("Only staff can change an action")
    return Action.objects.filter(project=project)


def action_for(request: HttpRequest, pk: int, need: Need = "view") -> Action:
    projects = projects_for(request, need)
    try:
        return Action.objects.select_related("project__organisation", "project__coordinator").get(
            pk=pk, project__in=projects
        )
    except Action.DoesNotExist:
        raise Http404("No such action") from None


def public_board_for(request: HttpRequest, public_id: uuid.UUID) -> BoardSettings:
    """A board its project chose to show to anyone (signed in or not)."""
    try:
        return BoardSettings.objects.select_related("project__organisation").get(
            public_id=public_id, public=True
        )
    except BoardSettings.DoesNotExist:
        raise Http404("No such board") from None


# --- Payments ---------------------------------------------------------------------------
# A claim is handled by the staff of the organisation it belongs to (the claimant's); a
# carer sees and changes only their own. Only admins (finance) record payments and change
# rates; coordinators approve.


def claims_for(request: HttpRequest) -> QuerySet[Claim]:
    membership = membership_for(request)
    if membership.role in PEOPLE_ROLES:
        return Claim.objects.filter(organisation_id=membership.organisation_id)
    return Claim.objects.filter(
        person__user_id=membership.user_id,
        person__organisation_id=membership.organisation_id,
        person__erased_at=None,
    )


def claim_for(request: HttpRequest, pk: int) -> Claim:
    try:
        return (
            claims_for(request)
            .select_related("person__carer_profile", "project__coordinator", "organisation")
            .get(pk=pk)
        )
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None


def claim_to_review(request: HttpRequest, pk: int) -> Claim:
    require_role(request, PEOPLE_ROLES)
    return claim_for(request, pk)


def claim_to_pay(request: HttpRequest, pk: int) -> Claim:
    require_role(request, ADMIN_ROLES)
    return claim_for(request, pk)


def claim_line_of(claim: Claim, pk: int) -> Line:
    """A line of `claim`, which must itself have come through this module."""
    try:
        line = Line.objects.select_related("activity").get(claim=claim, pk=pk)
    except Line.DoesNotExist:
        raise Http404("No such line") from None
    line.claim = claim
    return line


def payment_policies_for(request: HttpRequest, need: Need = "view") -> QuerySet[PaymentPolicy]:
    membership = require_role(request, ADMIN_ROLES if need == "edit" else PEOPLE_ROLES)
    return PaymentPolicy.objects.filter(organisation_id=membership.organisation_id)
