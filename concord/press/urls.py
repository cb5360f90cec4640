from __future__ import annotations

from django.urls import path

from concord.press.views import desk, desk_sections, feeds
from concord.press.views import public as public_views

app_name = "press"
urlpatterns = [
    path("", public_views.publication_index, name="index"),
    path("search/", public_views.search, name="search"),
    path("spokesman/", public_views.spokesman, name="spokesman"),
    path("feed/<str:language>/", feeds.feed, name="feed"),
    path("feed/<str:language>/<str:pub_type>/", feeds.feed, name="feed-type"),
    path("sitemap.xml", feeds.sitemap, name="sitemap"),
    path("calendar.ics", feeds.calendar, name="calendar"),
    path("files/<uuid:public_id>/", public_views.public_file, name="file"),
    path("desk/", desk.publication_list, name="publication-list"),
    path("desk/new/", desk.publication_create, name="publication-create"),
    path("desk/issue/", desk.publication_issue, name="publication-issue"),
    path("desk/<uuid:public_id>/", desk.publication_detail, name="publication-detail"),
    path("desk/<uuid:public_id>/edit/<str:language>/", desk.publication_write,
         name="publication-write"),
    path("desk/<uuid:public_id>/submit/", desk.publication_submit, name="publication-submit"),
    path("desk/<uuid:public_id>/approve/", desk.publication_approve,
         name="publication-approve"),
    path("desk/<uuid:public_id>/return/", desk.publication_return, name="publication-return"),
    path("desk/<uuid:public_id>/correct/<str:language>/", desk.publication_correct,
         name="publication-correct"),
    path("desk/<uuid:public_id>/withdraw/", desk.publication_withdraw,
         name="publication-withdraw"),
    path("desk/<uuid:public_id>/files/", desk.publication_file_add, name="publication-file"),
    path("desk/sections/", desk_sections.section_list, name="section-list"),
    path("desk/sections/new/", desk_sections.section_create, name="section-create"),
    path("desk/sections/<slug:slug>/edit/", desk_sections.section_edit, name="section-edit"),
    path("<str:number>/", public_views.publication_number, name="public-item"),
    path("<str:number>/<str:language>/<slug:slug>/", public_views.publication_text,
         name="public-text"),
]
