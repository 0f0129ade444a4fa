from django.urls import path

from coproduce.insight import open_data_views, views

app_name = "insight"
urlpatterns = [
    path("insight/", views.organisation_dashboard, name="organisation"),
    path("insight/census/", views.census_upload, name="census"),
    path("insight/census/remove/", views.census_remove, name="census-remove"),
    path("projects/<int:project_pk>/insight/", views.project_dashboard, name="project"),
    path("o/<slug:organisation_slug>/open-data/", open_data_views.open_data, name="open-data"),
    path(
        "o/<slug:organisation_slug>/open-data.json",
        open_data_views.open_data_json,
        name="open-data-json",
    ),
    path(
        "o/<slug:organisation_slug>/open-data/<slug:key>.csv",
        open_data_views.open_data_csv,
        name="open-data-csv",
    ),
]
