from django.urls import path

from coproduce.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.new_project, name="new"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/change/", views.edit_project, name="edit"),
    path("<int:pk>/stage/", views.move_stage, name="stage"),
    path("<int:pk>/budget/add/", views.budget_line, name="budget-line-new"),
    path("<int:pk>/budget/<int:line_pk>/change/", views.budget_line, name="budget-line-edit"),
    path(
        "<int:pk>/budget/<int:line_pk>/remove/",
        views.remove_budget_line,
        name="budget-line-delete",
    ),
    path("<int:pk>/milestones/add/", views.new_milestone, name="milestone-new"),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/done/",
        views.milestone_done,
        name="milestone-done",
    ),
    path("<int:pk>/members/", views.members, name="members"),
    path("<int:pk>/members/add/", views.add_member, name="member-add"),
    path("<int:pk>/members/<int:member_pk>/leaving/", views.member_leaving, name="member-leave"),
    path("<int:pk>/make-up/", views.group_makeup, name="make-up"),
]
