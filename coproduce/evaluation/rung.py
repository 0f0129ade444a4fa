"""How far up the ladder of co-production a project has reached, from what happened.

The ladder has seven rungs. The lowest two are "doing to" carers, the middle three "doing
for" them, the top two "doing with" them:

1. **Coercion** (doing to): no carer is in the group and none has taken part.
2. **Educating** (doing to): carers are in the group or came to activities, but nothing
   they said has been recorded.
3. **Informing** (doing for): carers gave their views, but none has had a response yet.
4. **Consultation** (doing for): carers' views were asked for and considered (at least one
   has a response).
5. **Engagement** (doing for): as well as that, carers took part in at least half of the
   stages the project has reached.
6. **Co-design** (doing with): as well as that, views carers gave in Planning led to
   actions (You said, we did), and carers gave their position on at least half of the
   group's decisions.
7. **Co-production** (doing with): as well as that, carers were in the group from Funding
   or Membership (before the project moved on to Consulting), carers led or co-facilitated
   activities, carers proposed evaluation questions, carers were paid for their time (or
   chose not to be), carers gave their position on every decision, and the project never
   moved on from a stage in which carers took no part.

Each rung needs everything the rungs below it need: a project is on the highest rung whose
conditions, and all the lower rungs' conditions, are met. Nothing here is ticked by hand:

- "carers" means the carer members of the project's group (anyone who has ever been one);
  views given anonymously count as carers' views, since carers may choose not to be named;
- carers "took part in a stage" when the evidence the apps record says so (a carer member
  attended, led or co-facilitated an activity of that stage: the project page's table);
- a stage is "reached" when the stage history shows the project entered it, or carers
  took part in it; the project "moved on" from every stage it reached but is not in now;
- an activity counts once it has taken place (scheduled, not cancelled, and started);
- carers "led or co-facilitated" an activity when one of them is recorded as leading or
  co-facilitating it, or led an item on its agenda (one they suggested, and staff agreed
  they would lead);
- "paid for their time" means a carer's claim for their time (or preparation time) on the
  project was approved or paid, whichever way they chose to be paid, or not to be.

The page shows the reasons in plain words and, for the next rung up, what is missing.
`facts_of` reads everything in a fixed number of queries, whatever the size of the project.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import (
    Exists,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_stubs_ext import StrOrPromise

from coproduce.accountability.models import Action
from coproduce.activities.models import (
    Activity,
    ActivityLead,
    ActivityStatus,
    AgendaItem,
    AgendaStatus,
    LeadRole,
)
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.decisions.models import Position, Proposal
from coproduce.evaluation.models import EvaluationQuestion
from coproduce.lib.subqueries import count_of
from coproduce.payments.models import Claim, Line, LineKind, Status
from coproduce.projects import access as project_access
from coproduce.projects import extensions, rules
from coproduce.projects.models import GroupRole, Project, ProjectMember, Stage

# --- The ladder ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rung:
    key: str
    name: StrOrPromise
    group: StrOrPromise  # "doing to", "doing for" or "doing with"
    colour: str  # a GOV.UK tag colour


DOING_TO = gettext_lazy("Doing to")
DOING_FOR = gettext_lazy("Doing for")
DOING_WITH = gettext_lazy("Doing with")

LADDER: tuple[Rung, ...] = (
    Rung("coercion", gettext_lazy("Coercion"), DOING_TO, "govuk-tag--red"),
    Rung("educating", gettext_lazy("Educating"), DOING_TO, "govuk-tag--red"),
    Rung("informing", gettext_lazy("Informing"), DOING_FOR, "govuk-tag--orange"),
    Rung("consultation", gettext_lazy("Consultation"), DOING_FOR, "govuk-tag--yellow"),
    Rung("engagement", gettext_lazy("Engagement"), DOING_FOR, "govuk-tag--yellow"),
    Rung("co_design", gettext_lazy("Co-design"), DOING_WITH, "govuk-tag--turquoise"),
    Rung("co_production", gettext_lazy("Co-production"), DOING_WITH, "govuk-tag--green"),
)

# --- What happened ------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What happened in a project, counted."""

    carer_members: int
    carers_from_the_start: bool  # a carer member joined before the project left Membership
    stages_reached: tuple[str, ...]  # in the order of the stages
    stages_with_carers: tuple[str, ...]
    stages_left_without_carers: tuple[str, ...]
    carer_views: int
    views_considered: int
    planning_views_acted_on: int
    decisions: int
    decisions_with_carers: int
    activities_held: int
    activities_carers_led: int
    questions_by_carers: int
    carers_paid: int
    carers_attended: bool  # a carer member attended an activity (any stage)


def _counts(project: Project, now: datetime) -> dict[str, object]:
    """Every count, as one query over the project's row."""
    carers = ProjectMember.objects.filter(project=project, role=GroupRole.CARER)
    carer_ids = carers.values("person_id")
    views = Contribution.objects.filter(
        Q(person__isnull=True) | Q(person_id__in=carer_ids), project=project
    )
    acted_on = Exists(Action.objects.filter(contributions=OuterRef("pk")))
    carer_position = Exists(
        Position.objects.filter(proposal=OuterRef("pk"), person_id__in=carer_ids)
    )
    held = Activity.objects.filter(
        project=project, status=ActivityStatus.SCHEDULED, starts_at__lt=now
    )
    carer_led = Exists(
        ActivityLead.objects.filter(
            activity=OuterRef("pk"),
            role__in=[LeadRole.CARER_LED, LeadRole.CO_FACILITATOR],
            person_id__in=carer_ids,
        )
    ) | Exists(
        AgendaItem.objects.filter(
            activity=OuterRef("pk"), status=AgendaStatus.ACCEPTED, led_by_id__in=carer_ids
        )
    )
    first_joined = carers.order_by("joined_on").values("joined_on")[:1]
    time_claimed = Exists(
        Line.objects.filter(
            claim=OuterRef("pk"), kind__in=[LineKind.INVOLVEMENT, LineKind.PREPARATION]
        )
    )
    paid = Claim.objects.filter(
        time_claimed,
        project=project,
        status__in=[Status.APPROVED, Status.PAID],
        person_id__in=carer_ids,
    )
    annotated = Project.objects.filter(pk=project.pk).annotate(
        carer_members=count_of(carers),
        first_joined=Subquery(first_joined),
        carer_views=count_of(views),
        views_considered=count_of(views.exclude(status=ResponseStatus.NEW)),
        planning_views_acted_on=count_of(views.filter(acted_on, stage=Stage.PLANNING)),
        decisions=count_of(Proposal.objects.filter(project=project)),
        decisions_with_carers=count_of(Proposal.objects.filter(carer_position, project=project)),
        activities_held=count_of(held),
        activities_carers_led=count_of(held.filter(carer_led)),
        questions_by_carers=count_of(
            EvaluationQuestion.objects.filter(project=project, proposed_by_carer=True)
        ),
        carers_paid=count_of(paid, distinct="person_id"),
    )
    names = [
        "carer_members",
        "first_joined",
        "carer_views",
        "views_considered",
        "planning_views_acted_on",
        "decisions",
        "decisions_with_carers",
        "activities_held",
        "activities_carers_led",
        "questions_by_carers",
        "carers_paid",
    ]
    return annotated.values(*names).get()


LATER_THAN_MEMBERSHIP = [s.value for s in rules.STAGES[2:]]


def facts_of(project: Project, now: datetime | None = None) -> Facts:
    """What happened in `project` (one that came through an access function), in four
    queries: the counts, the stage history (none if the page read it already:
    `stage_history_of`), and the evidence of carers at each stage."""
    now = now or timezone.now()
    counts = _counts(project, now)
    history = project_access.stage_entries_of(project)
    evidence = extensions.evidence_of(project, now)
    entered = rules.stage_entries(history)
    involvement = rules.carer_involvement({*entered, project.stage}, evidence)
    reached = tuple(row.stage.value for row in involvement if row.reached)
    with_carers = tuple(row.stage.value for row in involvement if row.carers_took_part)
    left = tuple(s for s in reached if s != project.stage and s not in with_carers)
    first_joined: date | None = counts["first_joined"]  # type: ignore[assignment]
    return Facts(
        carer_members=int(counts["carer_members"]),  # type: ignore[call-overload]
        carers_from_the_start=first_joined is not None
        and _joined_in_time(first_joined, history, project),
        stages_reached=reached,
        stages_with_carers=with_carers,
        stages_left_without_carers=left,
        carer_views=int(counts["carer_views"]),  # type: ignore[call-overload]
        views_considered=int(counts["views_considered"]),  # type: ignore[call-overload]
        planning_views_acted_on=int(counts["planning_views_acted_on"]),  # type: ignore[call-overload]
        decisions=int(counts["decisions"]),  # type: ignore[call-overload]
        decisions_with_carers=int(counts["decisions_with_carers"]),  # type: ignore[call-overload]
        activities_held=int(counts["activities_held"]),  # type: ignore[call-overload]
        activities_carers_led=int(counts["activities_carers_led"]),  # type: ignore[call-overload]
        questions_by_carers=int(counts["questions_by_carers"]),  # type: ignore[call-overload]
        carers_paid=int(counts["carers_paid"]),  # type: ignore[call-overload]
        carers_attended=bool(evidence.get("attended")),
    )


def _joined_in_time(
    first_joined: date, history: list[tuple[str, datetime]], project: Project
) -> bool:
    """Whether the first carer joined before the project first entered Consulting or a
    later stage (or it has not yet: then any carer member counts)."""
    later = [at for stage, at in history if stage in LATER_THAN_MEMBERSHIP]
    if not later:
        return project.stage not in LATER_THAN_MEMBERSHIP or first_joined <= project.starts_on
    return first_joined <= timezone.localdate(min(later))


# --- The rules ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    met: bool
    missing: str  # what would meet it, said to the coordinator and the group


def _half(part: int, whole: int) -> bool:
    return whole > 0 and part * 2 >= whole


def _conditions(facts: Facts) -> list[list[Condition]]:
    """For each rung above coercion, what it needs (besides what the rungs below need)."""
    reached = len(facts.stages_reached)
    return [
        [  # educating
            Condition(
                facts.carer_members > 0 or facts.carers_attended,
                _("Bring carers into the group."),
            )
        ],
        [  # informing
            Condition(
                facts.carer_views > 0,
                _("Ask carers what they think, and record their views as contributions."),
            )
        ],
        [  # consultation
            Condition(
                facts.views_considered > 0,
                _("Consider carers' views and give each one a response."),
            )
        ],
        [  # engagement
            Condition(
                _half(len(facts.stages_with_carers), reached),
                _("Involve carers in at least half of the stages the project reaches."),
            )
        ],
        [  # co-design
            Condition(
                facts.planning_views_acted_on > 0,
                _("Plan with carers: act on views they give in Planning (You said, we did)."),
            ),
            Condition(
                _half(facts.decisions_with_carers, facts.decisions),
                _(
                    "Put decisions to the group, so that carers give their position on at least half of them."
                ),
            ),
        ],
        [  # co-production
            Condition(
                facts.carers_from_the_start,
                _("Bring carers into the group from Funding or Membership, before Consulting."),
            ),
            Condition(
                facts.activities_carers_led > 0,
                _("Let carers lead or co-facilitate activities."),
            ),
            Condition(
                facts.questions_by_carers > 0,
                _("Ask carers to propose the evaluation questions."),
            ),
            Condition(facts.carers_paid > 0, _("Pay carers for their time.")),
            Condition(
                facts.decisions > 0 and facts.decisions_with_carers == facts.decisions,
                _("Hear carers' positions on every decision."),
            ),
            Condition(
                not facts.stages_left_without_carers,
                _("Do not move on from a stage until carers have taken part in it."),
            ),
        ],
    ]


@dataclass(frozen=True)
class Assessment:
    rung: Rung
    next_rung: Rung | None
    reasons: list[str]  # what happened, in plain words
    to_move_up: list[str]  # what the next rung needs that is missing

    @property
    def position(self) -> int:
        return LADDER.index(self.rung) + 1


def assess(facts: Facts) -> Assessment:
    """The rung `facts` reach, why, and what would move the project up."""
    conditions = _conditions(facts)
    level = 0
    for needs in conditions:
        if not all(c.met for c in needs):
            break
        level += 1
    next_rung = LADDER[level + 1] if level + 1 < len(LADDER) else None
    missing = [c.missing for c in conditions[level] if not c.met] if next_rung else []
    return Assessment(LADDER[level], next_rung, reasons(facts), missing)


def _stage_names(stages: tuple[str, ...]) -> str:
    return ", ".join(str(Stage(s).label) for s in stages)


Sentence = Callable[[Facts], str | None]


def _members(f: Facts) -> str:
    if not f.carer_members:
        return _("There are no carers in the group.")
    said = ngettext(
        "%(num)s carer has been in the group.",
        "%(num)s carers have been in the group.",
        f.carer_members,
    ) % {"num": f.carer_members}
    if f.carers_from_the_start:
        return said + " " + _("Carers were in it before the project moved on to Consulting.")
    return said + " " + _("None was in it before the project moved on to Consulting.")


def _stages(f: Facts) -> str:
    return ngettext(
        "Carers took part in %(part)s of the %(num)s stage reached.",
        "Carers took part in %(part)s of the %(num)s stages reached.",
        len(f.stages_reached),
    ) % {"part": len(f.stages_with_carers), "num": len(f.stages_reached)}


def _left(f: Facts) -> str | None:
    if not f.stages_left_without_carers:
        return None
    return ngettext(
        "The project moved on from %(num)s stage in which carers took no part: %(stages)s.",
        "The project moved on from %(num)s stages in which carers took no part: %(stages)s.",
        len(f.stages_left_without_carers),
    ) % {
        "num": len(f.stages_left_without_carers),
        "stages": _stage_names(f.stages_left_without_carers),
    }


def _views(f: Facts) -> str:
    return ngettext(
        "Carers gave %(num)s view; %(considered)s has had a response.",
        "Carers gave %(num)s views; %(considered)s have had a response.",
        f.carer_views,
    ) % {"num": f.carer_views, "considered": f.views_considered}


def _planning(f: Facts) -> str:
    return ngettext(
        "%(num)s view given in Planning led to an action.",
        "%(num)s views given in Planning led to actions.",
        f.planning_views_acted_on,
    ) % {"num": f.planning_views_acted_on}


def _decisions(f: Facts) -> str:
    return ngettext(
        "%(part)s of %(num)s decision had carers' positions.",
        "%(part)s of %(num)s decisions had carers' positions.",
        f.decisions,
    ) % {"part": f.decisions_with_carers, "num": f.decisions}


def _activities(f: Facts) -> str:
    return ngettext(
        "Carers led or co-facilitated %(part)s of %(num)s activity held.",
        "Carers led or co-facilitated %(part)s of %(num)s activities held.",
        f.activities_held,
    ) % {"part": f.activities_carers_led, "num": f.activities_held}


def _questions(f: Facts) -> str:
    return ngettext(
        "Carers proposed %(num)s evaluation question.",
        "Carers proposed %(num)s evaluation questions.",
        f.questions_by_carers,
    ) % {"num": f.questions_by_carers}


def _paid(f: Facts) -> str:
    return ngettext(
        "%(num)s carer was paid for their time.",
        "%(num)s carers were paid for their time.",
        f.carers_paid,
    ) % {"num": f.carers_paid}


SENTENCES: tuple[Sentence, ...] = (
    _members,
    _stages,
    _left,
    _views,
    _planning,
    _decisions,
    _activities,
    _questions,
    _paid,
)


def reasons(facts: Facts) -> list[str]:
    return [s for sentence in SENTENCES if (s := sentence(facts)) is not None]


def assessment_of(project: Project, now: datetime | None = None) -> Assessment:
    """The rung `project` reached, with its reasons, in four queries."""
    return assess(facts_of(project, now))
