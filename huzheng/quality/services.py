"""The plan's operations: loading and copying plans, the indicators' figures, the monthly
meeting and the self-evaluation. Every write is one transaction with its audit entry."""

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.core.indicators import Period, all_indicators
from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.quality.models import FollowUpAction, Meeting, Plan, PlanItem, SelfScore, SpotCheck

DATA_DIR = Path(__file__).resolve().parent / "data"
Level = PlanItem.Level


def load_plan(office, data, *, user=None, publish=True):
    """Create or replace `office`'s plan for the year in `data` (the shape of
    data/plan-103.json). Returns the plan; replacing drops the old items."""
    year = int(data["year"])
    default_deadline = _date(data.get("deadline"))
    default_unit = data.get("unit", "")
    with transaction.atomic():
        plan, created = Plan.objects.select_for_update().get_or_create(
            office=office, year=year, defaults={"title": data["title"]}
        )
        for field in ("title", "basis", "goals", "audience", "steps", "review"):
            setattr(plan, field, data.get(field, ""))
        plan.filed_with_county = _date(data.get("filed_with_county"))
        plan.is_published = publish
        plan.targets = data.get("targets", plan.targets or {})
        plan.save()
        plan.items.all().delete()
        position = 0

        def add(parent, level, spec, title_key="title"):
            nonlocal position
            position += 1
            return PlanItem.objects.create(
                plan=plan,
                parent=parent,
                level=level,
                position=position,
                number=spec.get("number", ""),
                title=spec[title_key],
                points=_points(spec.get("points")),
                deadline=_date(spec.get("deadline"))
                or (default_deadline if level == Level.MEASURE else None),
                unit=spec.get("unit", default_unit if level == Level.MEASURE else ""),
                indicator_keys=list(spec.get("indicators", [])),
            )

        for area_spec in data["areas"]:
            area = add(None, Level.AREA, area_spec)
            for strategy_spec in area_spec["strategies"]:
                strategy = add(area, Level.STRATEGY, strategy_spec)
                for indicator_spec in strategy_spec["indicators"]:
                    indicator = add(strategy, Level.INDICATOR, indicator_spec)
                    for sub_spec in indicator_spec["subs"]:
                        sub = add(indicator, Level.SUB_INDICATOR, sub_spec)
                        for measure_spec in sub_spec["measures"]:
                            add(sub, Level.MEASURE, measure_spec, title_key="text")
        record_audit(user, AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE, plan)
    return plan


def load_plan_file(office, path, **kwargs):
    with open(path, encoding="utf-8") as handle:
        return load_plan(office, json.load(handle), **kwargs)


def copy_plan(plan, year, *, user=None, office=None):
    """A new plan for `year` made from `plan` (copied from last year's, or another
    office's as a model): every item, with deadlines moved by the difference in years,
    unpublished and not yet filed. ValidationError if the office has that year's plan."""
    shift = year - plan.year
    office = office or plan.office
    with transaction.atomic():
        if Plan.objects.filter(office=office, year=year).exists():
            raise ValidationError(_("This office already has a plan for that year."))
        copy = Plan.objects.create(
            office=office,
            year=year,
            title=_renumber(plan.title, plan, year).replace(plan.office.name, office.name),
            basis=plan.basis,
            goals=plan.goals,
            audience=plan.audience,
            steps=plan.steps,
            review=plan.review,
            targets=dict(plan.targets),
            copied_from=plan,
        )
        new_ids = {}
        for item in plan.items.order_by("position"):
            new_ids[item.pk] = PlanItem.objects.create(
                plan=copy,
                parent_id=new_ids.get(item.parent_id),
                level=item.level,
                position=item.position,
                number=item.number,
                title=_renumber(item.title, plan, year),
                points=item.points,
                deadline=_shift_year(item.deadline, shift),
                unit=item.unit.replace(plan.office.name, office.name),
                indicator_keys=list(item.indicator_keys),
            ).pk
        record_audit(user, AuditEntry.Action.CREATE, copy, reason=f"copied from {plan.year}")
    return copy


def plan_tree(plan):
    """The plan's items as nested dicts {"item", "children"}, in order, in one query."""
    items = list(plan.items.order_by("position"))
    nodes = {item.pk: {"item": item, "children": []} for item in items}
    roots = []
    for item in items:
        (nodes[item.parent_id]["children"] if item.parent_id else roots).append(nodes[item.pk])
    return roots


def scored_items(plan):
    """The items the county scores (執行指標 with points), in the plan's order."""
    return list(plan.items.filter(level=Level.INDICATOR).order_by("position"))


def plan_indicators(plan):
    """The indicators the plan's measures name, each once, in the plan's order, as
    (Indicator, target) pairs; keys no app defines are skipped."""
    known = all_indicators()
    seen = []
    for keys in plan.items.filter(level=Level.MEASURE).values_list("indicator_keys", flat=True):
        for key in keys or []:
            if key in known and key not in seen:
                seen.append(key)
    return [(known[key], target_of(plan, known[key])) for key in seen]


def target_of(plan, indicator):
    target = (plan.targets or {}).get(indicator.key) if plan else None
    return indicator.target if target is None else target


def indicator_figures(office, period, *, plan=None, keys=None):
    """Every indicator's value for `office` over `period`, as plain dicts (key, name,
    unit, value, target, better, period, computed_at); an indicator that fails is
    reported with value None rather than breaking the page."""
    computed_at = timezone.now()
    figures = []
    for key, indicator in all_indicators().items():
        if keys is not None and key not in keys:
            continue
        try:
            value = indicator.value(office, period)
        except Exception:  # one broken figure must not take the director's home down
            import logging

            logging.getLogger(__name__).exception("indicator %s failed", key)
            value = None
        figures.append(
            {
                "key": key,
                "name": str(indicator.name),
                "unit": str(indicator.unit),
                "source": str(indicator.source),
                "value": None if value is None else round(float(value), 2),
                "target": target_of(plan, indicator),
                "better": indicator.better,
                "period": period.key,
                "computed_at": computed_at.isoformat(),
            }
        )
    return figures


def parse_period(text, *, default=None):
    """A month ("2026-11") or a year ("2026") between 2000 and 2100; an empty text gives
    `default` or the current month. ValueError for anything else."""
    text = str(text or "").strip()[:20]
    if not text:
        if default is not None:
            return default
        today = timezone.localdate()
        return Period.month(today.year, today.month)
    period = Period.parse(text)
    if not 2000 <= period.first.year <= 2100:
        raise ValueError("year out of range")
    return period


def meets_target(figure):
    """True, False, or None when there is no value or no target."""
    if figure["value"] is None or figure["target"] is None:
        return None
    if figure["better"] == "lower":
        return figure["value"] <= figure["target"]
    return figure["value"] >= figure["target"]


def record_meeting(
    office, date, *, user=None, chair="", notes="", decisions="", spot_checks=(), actions=()
):
    """Record the monthly meeting (所務會議) of `date`, freezing the month's indicators
    as they stand now. ValidationError if the office has a meeting that day."""
    period = Period.month(date.year, date.month)
    plan = Plan.objects.filter(office=office, year=date.year).first()
    figures = indicator_figures(office, period, plan=plan)
    with transaction.atomic():
        if Meeting.objects.filter(office=office, date=date).exists():
            raise ValidationError(_("A meeting is already recorded for that day."))
        meeting = Meeting.objects.create(
            office=office,
            date=date,
            chair=chair,
            notes=notes,
            decisions=decisions,
            figures=figures,
            figures_period=period.key,
            recorded_by=user if getattr(user, "pk", None) else None,
        )
        for check in spot_checks:
            SpotCheck.objects.create(meeting=meeting, **check)
        for action in actions:
            FollowUpAction.objects.create(meeting=meeting, **action)
        record_audit(user, AuditEntry.Action.CREATE, meeting)
    return meeting


def set_self_score(item, *, user=None, self_score=None, text=None, county=False, comment=None):
    """Set the office's self-score of a scored item, or with county=True the county's
    score beside it. A score above the item's points is refused."""
    if item.level != Level.INDICATOR or item.points is None:
        raise ValidationError(_("Only the plan's scored items take a score."))
    score = _points(self_score)
    if score is not None and score > item.points:
        raise ValidationError(
            _("A score cannot be more than the item's %(points)s points.") % {"points": item.points}
        )
    with transaction.atomic():
        row, _created = SelfScore.objects.select_for_update().get_or_create(item=item)
        if county:
            row.county_score = score
            if comment is not None:
                row.county_comment = comment
        else:
            row.self_score = score
            if text is not None:
                row.text = text
        row.save()
        record_audit(user, AuditEntry.Action.UPDATE, row, office=item.plan.office)
    return row


def save_evidence(evidence, *, user=None):
    """Save a piece of evidence (佐證資料) for a measure of a plan, with its audit entry.
    Only a measure takes evidence, and staff of an office file only against their own
    office's plans."""
    from huzheng.core.services import staff_office_ids

    measure = evidence.measure
    if measure.level != Level.MEASURE:
        raise ValidationError(_("Evidence is filed against a measure of the plan."))
    office_ids = staff_office_ids(user) if getattr(user, "pk", None) else None
    if office_ids is not None and measure.plan.office_id not in office_ids:
        raise ValidationError(_("Evidence is filed only against your own office's plan."))
    created = evidence.pk is None
    with transaction.atomic():
        if created and getattr(user, "pk", None):
            evidence.added_by = user
        evidence.save()
        record_audit(
            user,
            AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
            evidence,
            office=measure.plan.office,
        )
    return evidence


def delete_evidence(evidence, *, user=None):
    """Remove a piece of evidence, with its audit entry."""
    office = evidence.measure.plan.office
    with transaction.atomic():
        record_audit(user, AuditEntry.Action.DELETE, evidence, office=office)
        evidence.delete()


def _points(value):
    if value in (None, ""):
        return None
    try:
        points = Decimal(str(value)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        raise ValidationError(_("A score is a number such as 4 or 7.5.")) from None
    if points < 0:
        raise ValidationError(_("A score cannot be negative."))
    return points


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def _shift_year(day, years):
    if day is None or not years:
        return day
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def _renumber(text, plan, year):
    """The plan's own ROC year in its texts ("103年度") becomes the new year's."""
    return text.replace(f"{plan.roc_year}年", f"{year - 1911}年")
