from __future__ import annotations

from django.urls import path

from concord.assistance.views import allocation as allocation_views
from concord.assistance.views import certificates, pledges, request_edit, requests

app_name = "assistance"
urlpatterns = [
    path("", requests.request_list, name="request-list"),
    path("requests/new", requests.request_create, name="request-create"),
    path("requests/<uuid:public_id>/", requests.request_detail, name="request-detail"),
    path("requests/<uuid:public_id>/lines", requests.request_line_add, name="request-line-add"),
    path("requests/<uuid:public_id>/edit", request_edit.request_edit, name="request-edit"),
    path("requests/<uuid:public_id>/<slug:action>", requests.request_move,
         name="request-move"),
    path("requests/<uuid:public_id>/pledge/new", pledges.pledge_create, name="pledge-create"),
    path("pledges/<uuid:public_id>/", pledges.pledge_detail, name="pledge-detail"),
    path("pledges/<uuid:public_id>/ship", pledges.delivery_ship, name="pledge-ship"),
    path("pledge-lines/<uuid:public_id>/commit", pledges.pledge_line_commit,
         name="pledge-line-commit"),
    path("pledge-lines/<uuid:public_id>/revise", pledges.pledge_line_revise,
         name="pledge-line-revise"),
    path("pledge-lines/<uuid:public_id>/cancel", pledges.pledge_line_cancel,
         name="pledge-line-cancel"),
    path("pledge-lines/<uuid:public_id>/answer", pledges.pledge_line_respond,
         name="pledge-line-respond"),
    path("deliveries/<uuid:public_id>/receive", pledges.delivery_receive,
         name="pledge-delivery-receive"),
    path("deliveries/<uuid:public_id>/accept", pledges.delivery_accept,
         name="pledge-delivery-accept"),
    path("states/<str:code>/", pledges.state_pledges, name="state-pledges"),
    path("my-pledges", pledges.my_pledges, name="my-pledges"),
]

# The fair-share proposal of a request and its answers.
urlpatterns += [
    path("requests/<uuid:public_id>/allocation/", allocation_views.allocation_page,
         name="request-allocation"),
    path("requests/<uuid:public_id>/allocation/propose/", allocation_views.allocation_propose,
         name="request-allocation-propose"),
    path("requests/<uuid:public_id>/allocation/answer/", allocation_views.allocation_answer,
         name="request-allocation-answer"),
]

# End-use certificates and handover acts.
urlpatterns += [
    path("pledges/<uuid:public_id>/certificates/new", certificates.certificate_create,
         name="certificate-create"),
    path("certificates/<uuid:public_id>/", certificates.certificate_detail,
         name="certificate-detail"),
    path("certificates/<uuid:public_id>/sign", certificates.certificate_sign,
         name="certificate-sign"),
    path("certificates/<uuid:public_id>/download", certificates.certificate_download,
         name="certificate-download"),
    path("deliveries/<uuid:public_id>/act/", certificates.act_page, name="delivery-act"),
    path("deliveries/<uuid:public_id>/act/draw", certificates.act_draw,
         name="delivery-act-draw"),
    path("deliveries/<uuid:public_id>/act/sign", certificates.act_sign,
         name="delivery-act-sign"),
    path("deliveries/<uuid:public_id>/act/download", certificates.act_download,
         name="delivery-act-download"),
]

# The edit page's phases and lines of a draft or submitted request.
urlpatterns += [
    path("requests/<uuid:public_id>/phases/new", request_edit.request_phase_add,
         name="request-phase-add"),
    path("requests/<uuid:public_id>/phases/<int:number>/edit", request_edit.request_phase_edit,
         name="request-phase-edit"),
    path("requests/<uuid:public_id>/phases/<int:number>/remove",
         request_edit.request_phase_remove, name="request-phase-remove"),
    path("requests/<uuid:public_id>/lines/new", request_edit.request_line_new,
         name="request-line-new"),
    path("requests/<uuid:public_id>/lines/<int:number>/edit", request_edit.request_line_edit,
         name="request-line-edit"),
    path("requests/<uuid:public_id>/lines/<int:number>/remove",
         request_edit.request_line_remove, name="request-line-remove"),
]
