from django.urls import path

from coproduce.accountability import feeds, views

app_name = "accountability"
urlpatterns = [
    # The group's board (staff and the project's current group).
    path("projects/<int:project_pk>/you-said-we-did/", views.project_board, name="board"),
    path(
        "projects/<int:project_pk>/you-said-we-did/easy-read/",
        views.project_easy_read,
        name="easy-read",
    ),
    path("projects/<int:project_pk>/you-said-we-did/feed/", feeds.BoardFeed(), name="feed"),
    # Staff: the project's actions, recording one, and whether the board is public.
    path("projects/<int:project_pk>/you-said-we-did/actions/", views.action_list, name="actions"),
    path("projects/<int:project_pk>/you-said-we-did/actions/new/", views.record, name="record"),
    path(
        "projects/<int:project_pk>/you-said-we-did/settings/",
        views.board_settings,
        name="settings",
    ),
    # One action: its page and comments (the group), changing it (staff).
    path("you-said-we-did/actions/<int:pk>/", views.detail, name="action"),
    path("you-said-we-did/actions/<int:pk>/comment/", views.comment, name="comment"),
    path("you-said-we-did/actions/<int:pk>/edit/", views.edit, name="edit"),
    path("you-said-we-did/actions/<int:pk>/status/", views.status, name="status"),
    path(
        "you-said-we-did/actions/<int:pk>/quote/<int:contribution_pk>/",
        views.quote,
        name="quote",
    ),
    # Staff: comments to read before they show.
    path("you-said-we-did/comments/", views.moderation, name="moderation"),
    path("you-said-we-did/comments/<int:pk>/", views.moderate, name="moderate"),
    # The person whose words staff would like to show: approve, change or withdraw them.
    path("you-said-we-did/quotes/<int:pk>/", views.own_quote, name="own-quote"),
    path("you-said-we-did/quotes/link/<str:token>/", views.quote_link, name="quote-link"),
    # "Did it make a difference?", from the link in the message saying it is done.
    path("you-said-we-did/difference/<str:token>/", views.difference, name="difference"),
    # Staff: find the views an action answers, add and remove them.
    path("you-said-we-did/actions/<int:pk>/views/", views.views_page, name="views"),
    path("you-said-we-did/actions/<int:pk>/views/add/", views.add_views, name="add-views"),
    path("you-said-we-did/actions/<int:pk>/views/remove/", views.remove_view, name="remove-view"),
    # Anyone, while the project shows its board to the public.
    path("you-said-we-did/<uuid:board_uuid>/", views.public_board, name="public-board"),
    path(
        "you-said-we-did/<uuid:board_uuid>/easy-read/",
        views.public_easy_read,
        name="public-easy-read",
    ),
    path("you-said-we-did/<uuid:board_uuid>/feed/", feeds.PublicBoardFeed(), name="public-feed"),
    path(
        "you-said-we-did/<uuid:board_uuid>/actions/<int:pk>/",
        views.public_action,
        name="public-action",
    ),
]
