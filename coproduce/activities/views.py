from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coproduce.tenancy import access


def project_list(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = access.project_for(request, project_pk)
    return render(
        request, "activities/project_list.html", {"project": project, "section": "projects"}
    )
