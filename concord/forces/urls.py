from __future__ import annotations

from django.urls import URLPattern, path

from concord.forces.views import exercises as exercise_views
from concord.forces.views import lessons as lesson_views

app_name = "forces"
urlpatterns: list[URLPattern] = []

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
