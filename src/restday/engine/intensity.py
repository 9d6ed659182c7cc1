"""Classify how hard an exercise or session was, from reps, load and RPE."""

from restday.domain import ExerciseEntry, Intensity, Profile, Session, SessionKind, SetType
from restday.rules.values import IntensityThresholds

__all__ = ["effort", "exercise_intensity", "heart_rate_intensity", "session_intensity"]


def effort(exercise: ExerciseEntry, session: Session) -> float | None:
    """The RPE of an exercise: its own, else its hardest set's, else the session's."""
    if exercise.rpe is not None:
        return exercise.rpe
    set_rpes = [s.rpe for s in exercise.sets if s.rpe is not None and s.set_type != SetType.WARMUP]
    return max(set_rpes) if set_rpes else session.rpe


def exercise_intensity(
    exercise: ExerciseEntry, session: Session, t: IntensityThresholds
) -> Intensity:
    """The intensity class of one exercise in a strength or bodyweight session."""
    working = [s for s in exercise.sets if s.set_type != SetType.WARMUP]
    rpe = effort(exercise, session)
    if not working or (rpe is not None and rpe <= t.easy_max_rpe):
        return Intensity.EASY
    loaded = [s for s in working if s.weight_kg]
    if session.kind is SessionKind.BODYWEIGHT or not loaded:
        return Intensity.BODYWEIGHT
    if any(s.set_type == SetType.FAILURE for s in working) or (
        rpe is not None and rpe >= t.extra_min_rpe
    ):
        return Intensity.EXTRA_INTENSE
    top = max(loaded, key=lambda s: s.weight_kg or 0.0)
    few_reps = top.reps is not None and top.reps <= t.heavy_max_reps
    if few_reps and (rpe is None or rpe >= t.heavy_min_rpe):
        return Intensity.HEAVY
    return Intensity.MODERATE


def session_intensity(session: Session, t: IntensityThresholds) -> Intensity:
    """The intensity of an endurance session or class: as logged, else from its RPE."""
    if session.intensity is not None:
        return session.intensity
    if session.rpe is None:
        return Intensity.MODERATE
    if session.rpe <= t.easy_max_rpe:
        return Intensity.EASY
    return Intensity.HARD if session.rpe >= t.hard_min_rpe else Intensity.MODERATE


def heart_rate_intensity(
    session: Session, profile: Profile, t: IntensityThresholds
) -> Intensity | None:
    """The intensity of a session from its average heart rate as a share of the heart-rate reserve."""
    rest, peak, avg = profile.resting_hr_bpm, profile.max_hr_bpm, session.avg_hr_bpm
    if rest is None or peak is None or avg is None or peak <= rest:
        return None
    reserve = (avg - rest) / (peak - rest)
    if reserve <= t.easy_max_hrr:
        return Intensity.EASY
    return Intensity.HARD if reserve >= t.hard_min_hrr else Intensity.MODERATE
