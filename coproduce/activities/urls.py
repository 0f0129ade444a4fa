from django.urls import include, path

from coproduce.activities import agenda_views, invitation_urls, views

app_name = "activities"
urlpatterns = [
    path("projects/<int:project_pk>/activities/", views.project_list, name="list"),
    path("projects/<int:project_pk>/activities/plan/", views.plan, name="plan"),
    path("activities/<int:pk>/", views.detail, name="activity"),
    path("activities/<int:pk>/move/", views.move, name="move"),
    path("activities/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("activities/<int:pk>/costs/", views.costs, name="costs"),
    path("activities/<int:pk>/notes/", views.notes, name="notes"),
    path("activities/<int:pk>/welsh/", views.welsh, name="welsh"),
    path("activities/<int:pk>/agenda/", agenda_views.agenda, name="agenda"),
    path("activities/<int:pk>/agenda/move/", agenda_views.move_item, name="agenda-move"),
    path("activities/<int:pk>/agenda/remove/", agenda_views.remove_item, name="agenda-remove"),
    path("activities/<int:pk>/agenda/suggest/", agenda_views.suggest, name="agenda-suggest"),
    path(
        "activities/<int:pk>/agenda/suggestions/<int:item_pk>/",
        agenda_views.decide,
        name="agenda-decide",
    ),
    path("activities/<int:pk>/times/", views.times, name="times"),
    path("activities/<int:pk>/times/propose/", views.propose, name="propose"),
    path("activities/<int:pk>/times/remove/", views.remove_time, name="remove-time"),
    path("activities/<int:pk>/times/choose/", views.choose, name="choose"),
    # Invitations, replies, calendar files and attendance (built alongside).
    path("", include(invitation_urls)),
]
