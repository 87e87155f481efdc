"""The portal's pages for readers (front page curation, sections, calls for contributions);
included by urls.py in the same ``portal`` namespace. Feeds: reading/urls.py."""

from django.urls import path

from chaikhana.portal.views import callouts, curation, sections

urlpatterns = [
    path("portal/section/<slug:slug>/", sections.section, name="section"),
    path("portal/callouts/", callouts.callouts, name="callouts"),
    path("portal/callouts/new/", callouts.new_callout, name="new_callout"),
    path("portal/callouts/<slug:slug>/", callouts.callout, name="callout"),
    path("portal/desk/front/", curation.curation, name="curation"),
    path("portal/desk/front/<int:story_id>/lead/", curation.lead, name="lead_story"),
    path("portal/desk/front/<int:story_id>/feature/", curation.feature, name="feature_story"),
    path("portal/desk/front/<int:story_id>/unfeature/", curation.unfeature, name="unfeature_story"),
    path("portal/desk/front/<int:story_id>/up/", curation.up, name="move_story_up"),
    path("portal/desk/front/<int:story_id>/down/", curation.down, name="move_story_down"),
]
