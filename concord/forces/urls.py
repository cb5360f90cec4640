from __future__ import annotations

from django.urls import URLPattern, path

from concord.forces.views import contribution_edits as contribution_views
from concord.forces.views import exercise_parts as exercise_part_views
from concord.forces.views import exercises as exercise_views
from concord.forces.views import formations, readiness, units
from concord.forces.views import lessons as lesson_views
from concord.forces.views import operations as operation_views

app_name = "forces"
urlpatterns: list[URLPattern] = [
    # Formations, units, contributions and readiness.
    path("", formations.formation_list, name="formation-list"),
    path("formations/new/", formations.formation_create, name="formation-create"),
    path("formations/<uuid:public_id>/", formations.formation_detail, name="formation-detail"),
    path("formations/<uuid:public_id>/edit/", formations.formation_edit, name="formation-edit"),
    path("contributions/<uuid:public_id>/", formations.contribution_detail,
         name="contribution-detail"),
    path("contributions/<uuid:public_id>/step/", formations.contribution_advance,
         name="contribution-advance"),
    path("contributions/<uuid:public_id>/transfer/", formations.authority_transfer,
         name="contribution-transfer"),
    path("contributions/<uuid:public_id>/return/", formations.authority_return,
         name="contribution-return"),
    path("contributions/<uuid:public_id>/edit/", contribution_views.contribution_edit,
         name="contribution-edit"),
    path("units/", units.unit_list, name="unit-list"),
    path("units/tree/", units.unit_tree, name="unit-tree"),
    path("units/new/", units.unit_create, name="unit-create"),
    path("units/<uuid:public_id>/", units.unit_detail, name="unit-detail"),
    path("units/<uuid:public_id>/edit/", units.unit_edit, name="unit-edit"),
    path("units/<uuid:public_id>/readiness/", units.readiness_report, name="unit-readiness"),
    path("units/<uuid:public_id>/strength/", units.strength_record, name="unit-strength"),
    path("units/<uuid:public_id>/earmark/", units.unit_earmark, name="unit-earmark"),
    path("map/", units.unit_map, name="map"),
    path("units.geojson", units.units_geojson, name="unit-geojson"),
    path("readiness/", readiness.readiness_list, name="readiness-list"),
]

# --- Exercises and their lessons -----------------------------------------------------------------
urlpatterns += [
    path("exercises/", exercise_views.exercise_list, name="exercise-list"),
    path("exercises/new/", exercise_views.exercise_plan, name="exercise-plan"),
    path("exercises/calendar.ics", exercise_views.exercise_calendar, name="exercise-calendar"),
    path("exercises/areas.geojson", exercise_views.exercise_areas, name="exercise-areas"),
    path("exercises/<uuid:public_id>/", exercise_views.exercise_detail, name="exercise-detail"),
    path("exercises/<uuid:public_id>/areas/new/", exercise_views.place_add,
         name="exercise-place-add"),
    path("exercises/<uuid:public_id>/phases/new/", exercise_views.phase_add,
         name="exercise-phase-add"),
    path("exercises/<uuid:public_id>/objectives/new/", exercise_views.objective_add,
         name="exercise-objective-add"),
    path("exercises/<uuid:public_id>/participants/new/", exercise_views.participant_add,
         name="exercise-participant-add"),
    path("exercises/<uuid:public_id>/status/", exercise_views.exercise_status,
         name="exercise-status"),
    path("exercises/<uuid:public_id>/ratings/new/", exercise_views.evaluation_record,
         name="exercise-rate"),
    path("exercises/<uuid:public_id>/evaluate/", exercise_views.exercise_evaluate,
         name="exercise-evaluate"),
    path("exercises/<uuid:public_id>/after-action.docx", exercise_views.after_action_report,
         {"fmt": "docx"}, name="exercise-after-action-docx"),
    path("exercises/<uuid:public_id>/after-action.pdf", exercise_views.after_action_report,
         {"fmt": "pdf"}, name="exercise-after-action-pdf"),
    path("exercises/<uuid:public_id>/lessons/new/", lesson_views.lesson_observe,
         name="lesson-observe"),
    path("lessons/", lesson_views.lesson_list, name="lesson-list"),
    path("lessons/<uuid:public_id>/", lesson_views.lesson_detail, name="lesson-detail"),
    path("lessons/<uuid:public_id>/step/", lesson_views.lesson_step, name="lesson-step"),

]

# Corrections of an exercise's phases, objectives and participants.
urlpatterns += [
    path("exercises/<uuid:public_id>/phases/<int:number>/edit/", exercise_part_views.phase_edit,
         name="exercise-phase-edit"),
    path("exercises/<uuid:public_id>/phases/<int:number>/remove/", exercise_part_views.phase_remove,
         name="exercise-phase-remove"),
    path("exercises/<uuid:public_id>/objectives/<int:number>/edit/",
         exercise_part_views.objective_edit, name="exercise-objective-edit"),
    path("exercises/<uuid:public_id>/objectives/<int:number>/remove/",
         exercise_part_views.objective_remove, name="exercise-objective-remove"),
    path("exercises/participants/<uuid:public_id>/edit/", exercise_part_views.participant_edit,
         name="exercise-participant-edit"),
    path("exercises/participants/<uuid:public_id>/remove/", exercise_part_views.participant_remove,
         name="exercise-participant-remove"),
]

# Joint operations.
urlpatterns += [
    path("operations/", operation_views.operation_list, name="operation-list"),
    path("operations/results/", operation_views.result_list, name="operation-results"),
    path("operations/results/import/", operation_views.result_import,
         name="operation-results-import"),
    path("operations/totals/", operation_views.result_totals, name="operation-totals"),
    path("operations/new/", operation_views.operation_create, name="operation-create"),
    path("operations/results/<uuid:result_id>/", operation_views.result_detail,
         name="operation-result"),
    path("operations/results/<uuid:result_id>/correct/", operation_views.result_correct,
         name="operation-result-correct"),
    path("operations/published/<uuid:publication_id>/", operation_views.publication_detail,
         name="operation-publication"),
    path("operations/<uuid:operation_id>/", operation_views.operation_detail,
         name="operation-detail"),
    path("operations/<uuid:operation_id>/publish/", operation_views.publication_generate,
         name="operation-publish"),
    path("operations/<uuid:operation_id>/edit/", operation_views.operation_edit,
         name="operation-edit"),
    path("operations/<uuid:operation_id>/stages/new/", operation_views.stage_add,
         name="operation-stage-add"),
    path("operations/<uuid:operation_id>/stages/<int:number>/edit/", operation_views.stage_edit,
         name="operation-stage-edit"),
    path("operations/<uuid:operation_id>/results/new/", operation_views.result_report,
         name="operation-result-report"),
]
