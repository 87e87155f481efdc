"""The portal's pages for readers (front page curation, sections, calls for contributions);
included by urls.py in the same ``portal`` namespace. Feeds: reading/urls.py."""

from django.urls import path

from chaikhana.portal.views import callouts, front, sections

urlpatterns = [
    path("portal/section/<slug:slug>/", sections.section, name="section"),
    path("portal/callouts/", callouts.callouts, name="callouts"),
    path("portal/callouts/new/", callouts.new_callout, name="new_callout"),
    path("portal/callouts/<slug:slug>/", callouts.callout, name="callout"),
    path("portal/desk/front/", front.curation, name="curation"),
    path("portal/desk/front/<int:story_id>/", front.curate_story, name="curate"),
]
