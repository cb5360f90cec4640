"""Early warning's writes: indicators defined and changed, evaluated into alerts raised, updated
and ended, and the crisis analysts told."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from concord.accounts.models import Role, User
from concord.core import clock
from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.errors import ValidationError, require_permission
from concord.core.labels import Classification, can_read
from concord.core.labels import Viewer as Reader
from concord.core.models import Party
from concord.core.policy import clearance_errors, system_viewer, system_viewers
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import Alert, AlertLevel, Indicator, IndicatorKind
from concord.monitoring.selectors.indicators import indicator_read
from concord.monitoring.taxonomy import Category

# An indicator looks back at most a year, a leap year included.
MAX_WINDOW_DAYS = 366


def _threshold_errors(*, name_ru: str, name_en: str, category: str, region: str, window_days: int, kind: str,
                      orange: float, red: float) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if category and category not in Category.values:
        errors["category"] = [_("Unknown category.")]
    if region and region not in REGION_BY_CODE:
        errors["region"] = [_("Unknown region.")]
    if kind not in IndicatorKind.values:
        errors["kind"] = [_("Unknown kind of threshold.")]
    if not 1 <= window_days <= MAX_WINDOW_DAYS:
        errors["window_days"] = [_("The window is 1 to 366 days.")]
    if orange < 0 or red < orange:
        errors["red"] = [_("Red must be at or above orange, and both at least 0.")]
    if not name_ru.strip():
        errors["name_ru"] = [_("Give the indicator a name in Russian.")]
    if not name_en.strip():
        errors["name_en"] = [_("Give the indicator a name in English.")]
    return errors


@transaction.atomic
def indicator_define(*, actor: Actor, name_ru: str, name_en: str, category: str = "", region: str = "",
                     window_days: int = 7, kind: str = IndicatorKind.COUNT, orange: float,
                     red: float, classification: int = Classification.OFFICIAL_USE,
                     release_to_all_members: bool = True, releasable_to: Iterable[Party] = (),
                     originator: Party | None = None) -> Indicator:
    require_permission(actor, "monitoring.add_indicator")
    errors = _threshold_errors(name_ru=name_ru, name_en=name_en, category=category,
                               region=region, window_days=window_days, kind=kind, orange=orange,
                               red=red)
    errors.update(clearance_errors(actor, classification))
    party = originator or getattr(actor, "party", None)
    if party is None:
        errors["originator"] = [_("Choose the originating party.")]
    if errors or party is None:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    indicator = Indicator.objects.create(
        name_ru=name_ru.strip(), name_en=name_en.strip(), category=category, region=region,
        window_days=window_days, kind=kind, orange=orange, red=red, classification=classification,
        release_to_all_members=release_to_all_members, originator=party,
        created_by_id=user_id(actor))
    indicator.releasable_to.set(list(releasable_to))
    audit_record(actor=actor, action="monitoring.indicator.define", target=indicator,
                 detail={"kind": kind, "orange": orange, "red": red})
    return indicator


@transaction.atomic
def indicator_update(*, actor: Actor, indicator: Indicator, name_ru: str, name_en: str,
                     category: str, region: str,
                     window_days: int, kind: str, orange: float, red: float,
                     active: bool) -> Indicator:
    """Changes what an indicator watches and its thresholds, or stops it (inactive indicators
    are not evaluated). Its label stays: it is the audience of the alerts already raised."""
    require_permission(actor, "monitoring.change_indicator")
    errors = _threshold_errors(name_ru=name_ru, name_en=name_en, category=category,
                               region=region, window_days=window_days, kind=kind, orange=orange,
                               red=red)
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    values = {"name_ru": name_ru.strip(), "name_en": name_en.strip(), "category": category, "region": region,
              "window_days": window_days, "kind": kind, "orange": orange, "red": red,
              "active": active}
    audited_update(actor=actor, record=indicator, values=values,
                   action="monitoring.indicator.update")
    return indicator


@transaction.atomic
def indicator_evaluate(*, actor: Actor, indicator: Indicator, on: date | None = None,
                       reader: Reader | None = None) -> Alert | None:
    """Read the indicator and raise, update or end its alert. Returns the alert it touched.
    `reader` is the system's reading as the indicator's originator, when the caller has one."""
    on = on or clock.now().date()
    reading = indicator_read(indicator, on=on)
    now = clock.now()
    # The open alert is found whoever may read it now: the indicator's label may have changed.
    reader = reader or system_viewer(indicator.originator, reason="evaluating an indicator")
    open_alert: Alert | None = (Alert.objects.visible_to(reader)
                                .filter(indicator=indicator, ended_at__isnull=True).first())
    if reading.level == AlertLevel.GREEN:
        if open_alert is None:
            return None
        open_alert.level, open_alert.value, open_alert.ended_at = AlertLevel.GREEN, \
            reading.value, now
        open_alert.updated_at = now
        open_alert.save(update_fields=["level", "value", "ended_at", "updated_at"])
        audit_record(actor=actor, action="monitoring.alert.end", target=open_alert,
                     detail={"value": reading.value})
        _notify_after_commit(open_alert)
        return open_alert
    if open_alert is not None and open_alert.level == reading.level:
        open_alert.value, open_alert.baseline = reading.value, reading.baseline
        open_alert.window_start, open_alert.window_end = reading.window_start, reading.window_end
        open_alert.updated_at = now
        open_alert.save(update_fields=["value", "baseline", "window_start", "window_end",
                                       "updated_at"])
        return open_alert
    if open_alert is not None:
        open_alert.ended_at = now
        open_alert.save(update_fields=["ended_at"])
    alert = Alert.objects.create(
        indicator=indicator, level=reading.level, value=reading.value,
        baseline=reading.baseline, window_start=reading.window_start,
        window_end=reading.window_end, raised_at=now, updated_at=now,
        classification=indicator.classification, originator=indicator.originator,
        release_to_all_members=indicator.release_to_all_members)
    alert.releasable_to.set(list(indicator.releasable_to.all()))
    audit_record(actor=actor, action="monitoring.alert.raise", target=alert,
                 detail={"level": reading.level, "value": reading.value})
    _notify_after_commit(alert)
    return alert


def indicators_evaluate_all(*, actor: Actor, on: date | None = None) -> int:
    """Evaluate every active indicator; the background task calls this."""
    touched = 0
    for viewer in system_viewers(reason="evaluating every active indicator"):
        for indicator in (Indicator.objects.visible_to(viewer)
                          .filter(originator_id=viewer.party_id, active=True)
                          .select_related("originator")):
            if indicator_evaluate(actor=actor, indicator=indicator, on=on,
                                  reader=viewer) is not None:
                touched += 1
    return touched


def _notify_after_commit(alert: Alert) -> None:
    transaction.on_commit(lambda: alert_notify(alert=alert))


def alert_notify(*, alert: Alert) -> int:
    """Mail the crisis analysts who may read the alert."""
    recipients = [user.email for user in
                  User.objects.filter(is_active=True, groups__name=Role.CRISIS_ANALYST)
                  .exclude(email="").select_related("party")
                  if can_read(user, alert)]
    if not recipients:
        return 0
    subject = _("%(level)s alert: %(indicator)s") % {
        "level": alert.get_level_display(), "indicator": alert.indicator.name}
    body = _("Observed %(value)s from %(start)s to %(end)s.") % {
        "value": alert.value, "start": alert.window_start, "end": alert.window_end}
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
