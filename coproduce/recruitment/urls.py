from django.urls import path

from coproduce.recruitment import views

app_name = "recruitment"
urlpatterns = [
    # Staff: briefs of a project and their easy-read versions.
    path("projects/<int:project_pk>/briefs/", views.project_briefs, name="briefs"),
    path("projects/<int:project_pk>/briefs/new/", views.brief_new, name="brief-new"),
    path("recruitment/briefs/<int:brief_pk>/", views.brief_detail, name="brief"),
    path("recruitment/briefs/<int:brief_pk>/edit/", views.brief_edit, name="brief-edit"),
    path("recruitment/briefs/<int:brief_pk>/publish/", views.brief_publish, name="brief-publish"),
    path(
        "recruitment/briefs/<int:brief_pk>/unpublish/",
        views.brief_unpublish,
        name="brief-unpublish",
    ),
    path("recruitment/briefs/<int:brief_pk>/easy-read/", views.easy_read, name="easy-read"),
    path(
        "recruitment/briefs/<int:brief_pk>/easy-read/<int:easy_read_line_pk>/",
        views.easy_read_line,
        name="easy-read-line",
    ),
    path(
        "recruitment/briefs/<int:brief_pk>/easy-read/<int:easy_read_line_pk>/move/",
        views.easy_read_move,
        name="easy-read-move",
    ),
    path(
        "recruitment/briefs/<int:brief_pk>/easy-read/<int:easy_read_line_pk>/remove/",
        views.easy_read_remove,
        name="easy-read-remove",
    ),
    # Staff: reaching out to carers, and screening their answers.
    path("recruitment/briefs/<int:brief_pk>/send/", views.send, name="send"),
    path("recruitment/briefs/<int:brief_pk>/sent/", views.sent, name="sent"),
    path("recruitment/briefs/<int:brief_pk>/interest/", views.expressions, name="expressions"),
    path("recruitment/interest/<int:expression_pk>/", views.expression_detail, name="expression"),
    path(
        "recruitment/interest/<int:expression_pk>/screen/",
        views.expression_screen,
        name="expression-screen",
    ),
    path(
        "recruitment/interest/<int:expression_pk>/invite/",
        views.expression_invite,
        name="expression-invite",
    ),
    path(
        "recruitment/interest/<int:expression_pk>/not-this-time/",
        views.expression_not_this_time,
        name="expression-not-this-time",
    ),
    path(
        "recruitment/interest/<int:expression_pk>/member/",
        views.expression_member,
        name="expression-member",
    ),
    path(
        "recruitment/interest/<int:expression_pk>/withdrawn/",
        views.expression_withdraw,
        name="expression-withdraw",
    ),
    # Anyone: the published brief, its easy-read version, and saying you are interested.
    path("briefs/<uuid:brief_uuid>/", views.public_brief, name="public-brief"),
    path("briefs/<uuid:brief_uuid>/easy-read/", views.public_easy_read, name="public-easy-read"),
    path("briefs/<uuid:brief_uuid>/interested/", views.interested, name="interested"),
    path(
        "briefs/<uuid:brief_uuid>/interested/thank-you/",
        views.interested_done,
        name="interested-done",
    ),
    path(
        "briefs/<uuid:brief_uuid>/interested/already/",
        views.interested_already,
        name="interested-already",
    ),
]
