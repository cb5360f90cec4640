from __future__ import annotations

from django.urls import URLPattern, path

from concord.crisis.views import cases, deployments, exports, review, work

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
    path("<uuid:public_id>/duty/", work.duty_add, name="case-duty-add"),
    path("<uuid:public_id>/tasks/", work.task_add, name="case-task-add"),
    path("<uuid:public_id>/tasks/<int:pk>/status/", work.task_status, name="case-task-status"),
    path("<uuid:public_id>/facilities/", work.facility_add, name="case-facility-add"),
    path("<uuid:public_id>/facilities/<int:pk>/status/", work.facility_status,
         name="case-facility-status"),
    path("<uuid:public_id>/convene/", work.convene, name="case-convene"),
    path("<uuid:public_id>/silence/", work.silence, name="case-silence"),
    path("<uuid:public_id>/review/", review.review, name="case-review"),
    path("<uuid:public_id>/review/write/", review.review_write, name="case-review-write"),
    path("<uuid:public_id>/review/lessons/", review.lesson_observe, name="case-lesson-observe"),
    path("<uuid:public_id>/review/lessons/<int:number>/identify/", review.lesson_identify,
         name="case-lesson-identify"),
    path("<uuid:public_id>/review/lessons/<int:number>/action/", review.lesson_assign,
         name="case-lesson-assign"),
    path("<uuid:public_id>/review/lessons/<int:number>/learned/", review.lesson_learn,
         name="case-lesson-learn"),
    path("<uuid:public_id>/deployments/", deployments.deployment_add, name="case-deploy"),
    path("<uuid:public_id>/deployments/<uuid:contribution_id>/step/",
         deployments.deployment_step, name="case-deployment-step"),
]
