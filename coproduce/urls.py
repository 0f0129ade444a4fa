from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from coproduce.api.endpoints import api

# Platform operators use the Django admin, behind the same second factor as staff.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", include("coproduce.pages.urls")),
    path("", include("coproduce.accounts.urls")),
    path("", include("coproduce.people.urls")),
    path("audit/", include("coproduce.audit.urls")),
    path("breaks/", include("coproduce.breaks.urls")),
    path("projects/", include("coproduce.projects.urls")),
    path("", include("coproduce.recruitment.urls")),
    path("", include("coproduce.activities.urls")),
    path("", include("coproduce.contributions.urls")),
    path("", include("coproduce.surveys.urls")),
    path("", include("coproduce.decisions.urls")),
    path("", include("coproduce.accountability.urls")),
    path("", include("coproduce.payments.urls")),
    path("", include("coproduce.evaluation.urls")),
    path("", include("coproduce.insight.urls")),
    path("self-assessment/", include("coproduce.selfassessment.urls")),
    path("imports/", include("coproduce.imports.urls")),
    path("api/v1/", api.urls),
    path("api/", include("coproduce.api.urls")),
    path("", include("coproduce.notifications.urls")),
    path("organisation/", include("coproduce.tenancy.urls")),
    path("django-admin/", admin.site.urls),
]

handler400 = "coproduce.pages.views.bad_request"
handler403 = "coproduce.pages.views.permission_denied"
handler404 = "coproduce.pages.views.page_not_found"
handler500 = "coproduce.pages.views.server_error"
