"""Message ids the engine returns; `restday.locales` words them in English and Dutch."""

from enum import StrEnum

__all__ = ["Msg"]


class Msg(StrEnum):
    """One id per sentence the engine can say; parameters fill in the numbers."""

    # Why a muscle needs the rest it does (status reasons).
    DOSE = "dose"
    DOSE_SECONDARY = "dose.secondary"
    DOSE_SCALED = "dose.scaled"
    FACTOR_EXPERIENCE = "factor.experience"
    FACTOR_SLEEP = "factor.sleep"
    FACTOR_SLEEP_QUALITY = "factor.sleep_quality"
    FACTOR_NO_CHECKIN = "factor.no_checkin"
    SORE_EXTEND = "sore.extend"
    CARRY_OVER = "carry_over"
    READY_SINCE = "ready_since"
    READY_AT = "ready_at"
    UNTRAINED = "untrained"
    # Today's verdict.
    VERDICT_SIGNS_REST = "verdict.signs_rest"
    VERDICT_SIGNS_ACTIVE = "verdict.signs_active"
    VERDICT_DAYS_IN_ROW = "verdict.days_in_row"
    VERDICT_CLASS_STREAK_REST = "verdict.class_streak_rest"
    VERDICT_CLASS_STREAK_ACTIVE = "verdict.class_streak_active"
    VERDICT_ALL_RECOVERING = "verdict.all_recovering"
    VERDICT_EASY_AFTER_HARD = "verdict.easy_after_hard"
    VERDICT_VARY_SPORT = "verdict.vary_sport"
    VERDICT_TRAIN_READY = "verdict.train_ready"
    VERDICT_TRAIN_DUE = "verdict.train_due"
    VERDICT_CLASS_ALTERNATE = "verdict.class_alternate"
    VERDICT_SHORT_ON_TIME = "verdict.short_on_time"
    VERDICT_PLANNED_REST = "verdict.planned_rest"
    VERDICT_INJURY_AVOID = "verdict.injury_avoid"
    # Suggestions.
    SUGGEST_TOTAL_REST = "suggest.total_rest"
    SUGGEST_ACTIVE = "suggest.active"
    SUGGEST_PASSIVE = "suggest.passive"
    SUGGEST_SLEEP = "suggest.sleep"
    SUGGEST_PROTEIN_KG = "suggest.protein_kg"
    SUGGEST_PROTEIN = "suggest.protein"
    SUGGEST_WATER = "suggest.water"
    SUGGEST_MOBILITY = "suggest.mobility"
    SUGGEST_SHORT_ACTIVE = "suggest.short_active"
    # Warnings.
    WARN_FATIGUE = "warn.fatigue"
    WARN_IRRITABLE = "warn.irritable"
    WARN_MOTIVATION = "warn.motivation"
    WARN_SHORT_SLEEP = "warn.short_sleep"
    WARN_INJURY = "warn.injury"
    WARN_NAGGING_INJURY = "warn.nagging_injury"
    WARN_DAYS_IN_ROW = "warn.days_in_row"
    WARN_CLASS_STREAK = "warn.class_streak"
    WARN_TRAINED_BEFORE_READY = "warn.trained_before_ready"
    WARN_FREQUENCY = "warn.frequency"
