"""What projects add to the apps below them, registered when the app starts
(ProjectsConfig.ready): the groups a person is in, in their download. Erasure keeps the
membership rows (so a project's group still counts right): they say nothing once the
person's own record is blanked."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.people import personal_data
from coproduce.people.models import Person
from coproduce.projects.models import GroupRole, ProjectMember


def groups(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = ProjectMember.objects.filter(person=person).select_related("project")
    return [
        {
            "project": m.project.title,
            "role": m.role,
            "joined_on": m.joined_on.isoformat(),
            "left_on": m.left_on.isoformat() if m.left_on else None,
        }
        for m in theirs.order_by("joined_on", "pk")
    ]


def keep_for_counts(person: Person) -> None:
    """Nothing to forget: the row holds no words, only that a now nameless person took part."""


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "project_groups",
            groups,
            keep_for_counts,
            ("projects.ProjectMember",),
            title=_("Project groups"),
            labels={
                "project": _("Project"),
                "role": _("Role in the group"),
                "joined_on": _("Joined"),
                "left_on": _("Left"),
            },
            choices={"role": GroupRole},
        )
    )
