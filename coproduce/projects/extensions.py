"""What higher apps add to a project, registered in their AppConfig.ready().

Projects sit below the apps that do a project's work (activities, contributions, decisions,
evaluation...), so they cannot import them. Instead each such app tells projects, when it
starts:

- **evidence** of carers' involvement: in which stages carer members took part, and how
  (activities: attended, led). The project page derives "carers took part" from it.
- **gates**: work that must be finished before a project may enter a stage
  (contributions: every view considered before Review).
- **summaries**: a short account shown on the project page, with a link to more
  (evaluation: the rung of the ladder of co-production the project reached, and why).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django_stubs_ext import StrOrPromise

from coproduce.projects.models import Project


@dataclass(frozen=True)
class Evidence:
    """One way carers take part, and the stages in which they did so in a project."""

    key: str
    label: StrOrPromise  # "a carer member attended an activity"
    stages: Callable[[Project, datetime], set[str]]  # a fixed number of queries


@dataclass(frozen=True)
class Gate:
    """Work that must be finished before a project enters `stage`."""

    key: str
    stage: str
    waiting: Callable[[Project], int]  # how many things still wait (one query)
    refusal: Callable[[int], str]  # why a move to `stage` is refused
    warning: Callable[[int], str]  # said on the stage page while things wait
    link: Callable[[Project, int], tuple[str, str]]  # (text, address) of where to do them


@dataclass(frozen=True)
class Summarised:
    """What a summary says about one project: a heading, a headline (with a tag's colour),
    sentences, and where to read more."""

    title: str
    headline: str
    lines: list[str]
    link: tuple[str, str] | None = None  # (text, address)
    tag_colour: str = ""


@dataclass(frozen=True)
class Summary:
    """A section of the project page that a higher app writes."""

    key: str
    summarise: Callable[[Project, datetime], Summarised]  # a fixed number of queries
    # Shown on the plain page carers in the group see, not only to staff.
    for_carers: bool = False


@dataclass(frozen=True)
class Upcoming:
    """The next thing the group does together, for the plain summary carers see."""

    title: str
    starts_at: datetime | None  # None while a time is still being found
    link: str


EVIDENCE: dict[str, Evidence] = {}
# Who can tell what the group does next (activities): a fixed number of queries each.
UPCOMING: list[Callable[[Project, datetime], Upcoming | None]] = []
GATES: dict[str, Gate] = {}
SUMMARIES: dict[str, Summary] = {}


def add_evidence(evidence: Evidence) -> None:
    EVIDENCE[evidence.key] = evidence


def add_gate(gate: Gate) -> None:
    GATES[gate.key] = gate


def add_summary(summary: Summary) -> None:
    SUMMARIES[summary.key] = summary


def add_upcoming(find: Callable[[Project, datetime], Upcoming | None]) -> None:
    if find not in UPCOMING:
        UPCOMING.append(find)


def upcoming_of(project: Project, now: datetime) -> Upcoming | None:
    """The first answer of those registered: what the group does next, if anything."""
    for find in UPCOMING:
        if (found := find(project, now)) is not None:
            return found
    return None


def summaries_of(project: Project, now: datetime, carers: bool = False) -> list[Summarised]:
    """What each registered summary says about `project`, in the order registered; with
    `carers`, only those meant for carers too."""
    return [
        summary.summarise(project, now)
        for summary in SUMMARIES.values()
        if summary.for_carers or not carers
    ]


@dataclass(frozen=True)
class Waiting:
    gate: Gate
    count: int

    @property
    def warning(self) -> str:
        return self.gate.warning(self.count)

    def link(self, project: Project) -> tuple[str, str]:
        return self.gate.link(project, self.count)


def waiting(project: Project, stage: str | None = None) -> list[Waiting]:
    """What still waits before `project` may enter `stage` (any gated stage if None)."""
    gates = [g for g in GATES.values() if stage is None or g.stage == stage]
    counted = [Waiting(gate, gate.waiting(project)) for gate in gates]
    return [w for w in counted if w.count]


def evidence_of(project: Project, now: datetime) -> dict[str, set[str]]:
    """For each registered kind of evidence, the stages in which carers took part.

    Kept on the project object for the same `now`: a page that shows both the involvement
    table and the ladder rung asks once."""
    kept: tuple[datetime, dict[str, set[str]]] | None = getattr(project, "_evidence", None)
    if kept is not None and kept[0] == now:
        return kept[1]
    found = {key: evidence.stages(project, now) for key, evidence in EVIDENCE.items()}
    project._evidence = (now, found)  # type: ignore[attr-defined]
    return found


def evidence_labels() -> dict[str, StrOrPromise]:
    return {key: evidence.label for key, evidence in EVIDENCE.items()}
