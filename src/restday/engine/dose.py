"""The rest each session asks of each muscle, before personal factors."""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from restday.domain import REGION_OF, Activity, Intensity, Muscle, Session, SessionKind
from restday.engine.intensity import effort, exercise_intensity, session_intensity
from restday.rules import Rulebook

__all__ = ["HEAVY_WORK", "Dose", "session_doses"]

HEAVY_WORK = frozenset({Intensity.HEAVY, Intensity.EXTRA_INTENSE})


@dataclass(frozen=True, slots=True)
class Dose:
    """Hours of rest a session asks of one muscle, and the rule that set them."""

    hours: float
    rule: str
    intensity: Intensity
    secondary: bool = False
    rpe: float | None = None


def _rest(intensity: Intensity, muscle: Muscle, rpe: float | None, rules: Rulebook) -> Dose:
    legs = REGION_OF[muscle].value in rules.heavy_legs.regions
    if intensity is Intensity.EASY:
        return Dose(rules.rest_hours("rest.easy").hours, "rest.easy", intensity, rpe=rpe)
    if intensity is Intensity.BODYWEIGHT:
        return Dose(
            rules.rest_hours("rest.bodyweight").hours, "rest.bodyweight", intensity, rpe=rpe
        )
    if intensity is Intensity.EXTRA_INTENSE:
        r = rules.rest_range("rest.extra_intense")
        hardest = legs or (rpe is not None and rpe >= 10)
        return Dose(
            r.hours_max if hardest else r.hours_min, "rest.extra_intense", intensity, rpe=rpe
        )
    if intensity is Intensity.HEAVY:
        if legs:
            return Dose(rules.heavy_legs.hours, "rest.heavy_legs", intensity, rpe=rpe)
        r = rules.rest_range("rest.heavy")
        floor, top = rules.intensity.heavy_min_rpe, rules.intensity.extra_min_rpe
        share = 0.5 if rpe is None else min(1.0, max(0.0, (rpe - floor) / (top - floor)))
        hours = r.hours_min + (r.hours_max - r.hours_min) * share
        return Dose(hours, "rest.heavy", intensity, rpe=rpe)
    return Dose(rules.rest_hours("rest.moderate").hours, "rest.moderate", intensity, rpe=rpe)


def _add(
    doses: dict[Muscle, Dose],
    primary: frozenset[Muscle],
    secondary: frozenset[Muscle],
    intensity: Intensity,
    rpe: float | None,
    rules: Rulebook,
) -> None:
    share = rules.secondary.share
    for muscle in primary | secondary:
        dose = _rest(intensity, muscle, rpe, rules)
        if muscle not in primary:
            dose = Dose(dose.hours * share, dose.rule, intensity, secondary=True, rpe=rpe)
        if muscle not in doses or dose.hours > doses[muscle].hours:
            doses[muscle] = dose


def session_doses(
    session: Session, rules: Rulebook, activities: Mapping[str, Activity]
) -> dict[Muscle, Dose]:
    """Per muscle, the rest this session asks for (the largest over its exercises)."""
    doses: dict[Muscle, Dose] = {}
    if session.kind in (SessionKind.STRENGTH, SessionKind.BODYWEIGHT):
        for ex in session.exercises:
            intensity = exercise_intensity(ex, session, rules.intensity)
            _add(doses, ex.primary, ex.secondary, intensity, effort(ex, session), rules)
    elif session.kind in (SessionKind.ENDURANCE, SessionKind.CLASS):
        activity = activities.get(session.sport or session.class_kind or "")
        if activity is not None:
            intensity = session_intensity(session, rules.intensity)
            _add(doses, activity.primary, activity.secondary, intensity, session.rpe, rules)
            share = rules.endurance_classes.share
            doses = {
                m: replace(d, hours=d.hours * share, rule="dose.endurance_classes")
                for m, d in doses.items()
            }
    return doses
