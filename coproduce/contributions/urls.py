from django.urls import path

from coproduce.contributions import views

app_name = "contributions"

urlpatterns = [
    path("projects/<int:project_pk>/contributions/", views.project_list, name="project"),
    path("projects/<int:project_pk>/contributions/record/", views.record, name="record"),
    path("projects/<int:project_pk>/contributions/give/", views.give, name="give"),
    path(
        "projects/<int:project_pk>/contributions/respond/",
        views.respond_to_all,
        name="respond-to-all",
    ),
    path("projects/<int:project_pk>/contributions/themes/", views.theme_summary, name="themes"),
    path("contributions/", views.queue, name="queue"),
    path("contributions/yours/", views.yours, name="yours"),
    path("contributions/<int:pk>/", views.detail, name="contribution"),
    path("contributions/<int:pk>/respond/", views.respond, name="respond"),
    path("contributions/<int:pk>/themes/", views.themes, name="theme"),
    path("contributions/<int:pk>/privacy/", views.change_privacy, name="privacy"),
    path("contributions/<int:pk>/project/", views.file_under_project, name="file-under-project"),
    path("contributions/<int:pk>/files/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("feedback/<slug:organisation_slug>/", views.open_door, name="open-door"),
    path(
        "feedback/<slug:organisation_slug>/thank-you/",
        views.open_door_thanks,
        name="open-door-thanks",
    ),
]
