from __future__ import annotations

from django.urls import URLPattern, path

from concord.crisis.views import cases, exports

app_name = "crisis"
urlpatterns: list[URLPattern] = [
    path("", cases.case_list, name="case-list"),
    path("new/", cases.case_open, name="case-open"),
    path("times/", cases.facts_compared, name="facts"),
    path("<uuid:public_id>/", cases.case_detail, name="case-detail"),
    path("<uuid:public_id>/timeline/", cases.case_timeline, name="case-timeline"),
    path("<uuid:public_id>/advance/", cases.case_advance, name="case-advance"),
    path("<uuid:public_id>/facts/", cases.fact_record, name="case-fact"),
    path("<uuid:public_id>/log/", cases.log_add, name="case-log-add"),
    path("<uuid:public_id>/log/<int:pk>/significant/", cases.log_promote,
         name="case-log-promote"),
    path("<uuid:public_id>/log.<str:fmt>", exports.log_export, name="case-log-export"),
    path("<uuid:public_id>/sitrep.xml", exports.sitrep, name="case-sitrep"),
    path("<uuid:public_id>/envelope.xml", exports.envelope, name="case-envelope"),
]
