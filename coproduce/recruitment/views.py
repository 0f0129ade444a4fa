from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coproduce.tenancy import access


def project_briefs(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = access.project_for(request, project_pk)
    return render(
        request, "recruitment/project_briefs.html", {"project": project, "section": "projects"}
    )
