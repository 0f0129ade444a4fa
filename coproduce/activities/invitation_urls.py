"""Invitations, replies, calendar files, the register and follow-ups.

Included by `activities/urls.py`, so these names live in the "activities" namespace.
"""

from django.urls import URLPattern, path

from coproduce.activities import invitation_views as views

urlpatterns: list[URLPattern] = [
    path("activities/<int:pk>/invite/", views.invite, name="invite"),
    path("activities/<int:pk>/invitations/", views.invitations, name="invitations"),
    path("activities/<int:pk>/invitations/preview/", views.preview, name="invitation-preview"),
    path(
        "activities/<int:pk>/invitations/<int:invitation_pk>/",
        views.invitation,
        name="invitation",
    ),
    path(
        "activities/<int:pk>/invitations/<int:invitation_pk>/reply/",
        views.reply_for,
        name="invitation-reply-for",
    ),
    path(
        "activities/<int:pk>/invitations/<int:invitation_pk>/record/",
        views.record_given,
        name="invitation-record",
    ),
    path("activities/<int:pk>/register/", views.register, name="register"),
    path("activities/<int:pk>/reply/", views.reply, name="reply"),
    path("activities/<int:pk>/reply/done/", views.reply_done, name="reply-done"),
    path("activities/<int:pk>/check-in/", views.check_in, name="check-in"),
    path("invitations/<str:token>/", views.link_reply, name="invitation-reply"),
    path("invitations/<str:token>/done/", views.link_reply_done, name="invitation-reply-done"),
    path(
        "invitations/<str:token>/calendar.ics",
        views.calendar_file,
        name="invitation-calendar",
    ),
    path("invitations/<str:token>/follow-up/", views.follow_up, name="invitation-follow-up"),
]
