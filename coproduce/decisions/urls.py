from django.urls import path

from coproduce.decisions import views

app_name = "decisions"
urlpatterns = [
    path("projects/<int:project_pk>/decisions/", views.log, name="log"),
    path("projects/<int:project_pk>/decisions/propose/", views.propose, name="propose"),
    path("projects/<int:project_pk>/decisions/rule/", views.decision_rule, name="rule"),
    path("decisions/<int:pk>/", views.proposal_page, name="proposal"),
    path("decisions/<int:pk>/record/", views.record, name="record"),
    path("decisions/<int:pk>/welsh/", views.welsh, name="welsh"),
    path("decisions/<int:pk>/outcome/", views.outcome, name="outcome"),
]
