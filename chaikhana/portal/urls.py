from django.urls import path, register_converter

from chaikhana.portal import urls_reading
from chaikhana.portal.converters import WithdrawnStorySlug
from chaikhana.portal.views import (
    assign,
    byline,
    desk,
    factcheck,
    front,
    inbox,
    picking,
    picks,
    proposals,
    staff,
    stories,
    story_edit,
    submissions,
    translations,
    withdraw,
)

register_converter(WithdrawnStorySlug, "withdrawn")

app_name = "portal"
urlpatterns = [
    path("", front.home, name="home"),
    path("portal/desk/", desk.desk, name="desk"),
    path("portal/desk/pick/", picking.pick, name="pick"),
    path("portal/desk/me/", staff.readers_name, name="readers_name"),
    path("portal/desk/comments/", staff.comments, name="comments"),
    path("portal/submit/", submissions.submit, name="submit"),
    path("portal/mine/", submissions.mine, name="mine"),
    path("portal/submissions/<int:pk>/", submissions.detail, name="submission"),
    path("portal/submissions/<int:pk>/move/", submissions.move, name="move"),
    path("portal/submissions/<int:pk>/messages/", submissions.message, name="message"),
    path("portal/submissions/<int:pk>/factcheck/", factcheck.factcheck, name="factcheck"),
    path("portal/submissions/<int:pk>/claims/", factcheck.new_claim, name="add_claim"),
    path("portal/submissions/<int:pk>/claims/<int:claim_pk>/", factcheck.verdict, name="verdict"),
    path("portal/submissions/<int:pk>/checklist/", factcheck.checklist, name="checklist"),
    path("portal/submissions/<int:pk>/assign/", assign.assign_page, name="assign"),
    path("portal/submissions/<int:pk>/byline/", byline.byline, name="byline"),
    path("portal/submissions/<int:pk>/edit/", story_edit.edit, name="story_edit"),
    path("portal/submissions/<int:pk>/withdraw/", withdraw.withdraw, name="withdraw"),
    path(
        "portal/submissions/<int:pk>/translations/",
        translations.translations,
        name="translations",
    ),
    path("portal/proposals/", proposals.proposals, name="proposals"),
    path("portal/proposals/<int:pk>/", proposals.decide, name="decide"),
    path("portal/picks/", picks.picks, name="picks"),
    path("portal/picks/<int:pk>/", picks.answer, name="answer_pick"),
    path("portal/inbox/", inbox.inbox, name="inbox"),
    path("portal/inbox/read/", inbox.read, name="read"),
    # Before blogs' /@<blog>/ routes, and matching only a withdrawn story's slug (anything
    # else falls through to blogs): its blog address answers 410 like its portal address.
    path("@portal/<withdrawn:slug>/", stories.withdrawn_at_blog_address, name="withdrawn"),
    path("portal/stories/<slug:slug>/", stories.story, name="story"),
]
urlpatterns += urls_reading.urlpatterns
