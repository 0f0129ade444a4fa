"""The door to imports: only an organisation's admins upload, check and import files, and
see the imports of their own organisation."""

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.imports.models import ImportRun, Mapping, PossibleMatch
from coproduce.tenancy.access import ADMIN_ROLES, of_organisation, one, require_role


def runs_for(request: HttpRequest) -> QuerySet[ImportRun]:
    membership = require_role(request, ADMIN_ROLES)
    return ImportRun.objects.filter(of_organisation(membership))


def run_for(request: HttpRequest, pk: int) -> ImportRun:
    return one(runs_for(request).select_related("organisation"), pk=pk)


def mappings_for(request: HttpRequest) -> QuerySet[Mapping]:
    membership = require_role(request, ADMIN_ROLES)
    return Mapping.objects.filter(of_organisation(membership))


def mapping_for(request: HttpRequest, pk: int) -> Mapping:
    return one(mappings_for(request), pk=pk)


def waiting_matches_of(run: ImportRun) -> QuerySet[PossibleMatch]:
    """The possible matches of a run (which came through `run_for`) nobody has decided."""
    return PossibleMatch.objects.filter(run=run, decision="").select_related("person")


def waiting_match_of(run: ImportRun, pk: int) -> PossibleMatch:
    return one(waiting_matches_of(run).select_related("run"), pk=pk)
