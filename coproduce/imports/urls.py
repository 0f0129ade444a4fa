from django.urls import path

from coproduce.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.run_list, name="list"),
    path("new/", views.upload, name="upload"),
    path("<int:pk>/", views.run_page, name="run"),
    path("<int:pk>/columns/", views.columns, name="columns"),
    path("<int:pk>/check/", views.check, name="check"),
    path("<int:pk>/start/", views.start, name="start"),
    path("<int:pk>/matches/<int:match_pk>/", views.decide, name="decide"),
]
