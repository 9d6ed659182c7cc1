"""Sports, group-class kinds and recovery activities: names, aliases and the muscles they work."""

import itertools
from collections import Counter

import pytest

from restday.catalog import load_activities, resolve_activity
from restday.domain import Activity, ActivityKind, Muscle, RecoveryKind
from restday.errors import InvalidInput

M = Muscle
SPORTS = ["run", "bike", "swim", "row", "walk", "hike", "ski"]
CLASS_KINDS = [
    "indoor-cycling",
    "dance",
    "barre",
    "hiit",
    "bodypump",
    "boxing",
    "crossfit",
    "yoga",
    "pilates",
    "stretching",
]


@pytest.mark.parametrize("name", SPORTS)
def test_every_sport_resolves_and_works_muscles(name):
    sport = resolve_activity(name, ActivityKind.SPORT)

    assert sport.name == name
    assert sport.kind is ActivityKind.SPORT
    assert sport.primary


@pytest.mark.parametrize("name", CLASS_KINDS)
def test_every_class_kind_resolves_and_works_muscles(name):
    kind = resolve_activity(name, ActivityKind.CLASS)

    assert kind.name == name
    assert kind.kind is ActivityKind.CLASS
    assert kind.primary


@pytest.mark.parametrize(
    ("alias", "name", "kind"),
    [
        ("spinning", "indoor-cycling", ActivityKind.CLASS),
        ("zumba", "dance", ActivityKind.CLASS),
        ("running", "run", ActivityKind.SPORT),
        ("cycling", "bike", ActivityKind.SPORT),
        ("netflix", "tv", ActivityKind.RECOVERY),
        ("ice bath", "cold-plunge", ActivityKind.RECOVERY),
    ],
)
def test_alias_resolves_to_canonical_activity(alias, name, kind):
    assert resolve_activity(alias, kind).name == name


@pytest.mark.parametrize("typed", ["Indoor Cycling", "indoor_cycling", "INDOOR-CYCLING", " spin "])
def test_activity_names_ignore_case_and_treat_space_hyphen_underscore_alike(typed):
    assert resolve_activity(typed, ActivityKind.CLASS).name == "indoor-cycling"


@pytest.mark.parametrize(
    ("name", "recovery"),
    [
        ("tv", RecoveryKind.TOTAL),
        ("nap", RecoveryKind.TOTAL),
        ("reading", RecoveryKind.TOTAL),
        ("walk", RecoveryKind.ACTIVE),
        ("easy-bike", RecoveryKind.ACTIVE),
        ("yoga", RecoveryKind.ACTIVE),
        ("stretching", RecoveryKind.ACTIVE),
        ("massage", RecoveryKind.PASSIVE),
        ("cold-plunge", RecoveryKind.PASSIVE),
        ("compression", RecoveryKind.PASSIVE),
        ("foam-rolling", RecoveryKind.PASSIVE),
    ],
)
def test_recovery_activity_says_which_kind_of_recovery_it_is(name, recovery):
    assert resolve_activity(name, ActivityKind.RECOVERY).recovery is recovery


def test_active_recovery_moves_muscles_and_total_or_passive_recovery_moves_none():
    for activity in load_activities().values():
        if activity.recovery is RecoveryKind.ACTIVE:
            assert activity.primary, activity.name
        elif activity.recovery is not None:
            assert not activity.primary | activity.secondary, activity.name


def test_every_recovery_kind_activity_has_a_kind_of_recovery():
    recovery = [a for a in load_activities().values() if a.kind is ActivityKind.RECOVERY]

    assert recovery
    assert all(a.recovery is not None for a in recovery)


def test_running_works_the_legs():
    assert resolve_activity("run", ActivityKind.SPORT).primary >= {
        M.QUADRICEPS,
        M.HAMSTRINGS,
        M.CALVES,
        M.GLUTES,
    }


def test_swimming_works_the_upper_body():
    assert resolve_activity("swim", ActivityKind.SPORT).primary >= {
        M.LATS,
        M.SHOULDERS,
        M.CHEST,
        M.TRICEPS,
    }


def test_barre_works_glutes_inner_thighs_and_core():
    barre = resolve_activity("barre", ActivityKind.CLASS)
    assert barre.primary == {M.GLUTES, M.ADDUCTORS, M.ABDOMINALS}
    assert M.QUADRICEPS in barre.secondary


def test_the_articles_class_week_alternates_muscle_groups():
    week = ["indoor-cycling", "dance", "barre", "hiit"]
    main = [resolve_activity(k, ActivityKind.CLASS).primary for k in week]
    for first, second in itertools.pairwise(main):
        assert len(first & second) <= 0.4 * min(len(first), len(second)), (first, second)


def test_boxing_works_shoulders_chest_triceps_and_abdominals():
    assert resolve_activity("boxing", ActivityKind.CLASS).primary >= {
        M.SHOULDERS,
        M.CHEST,
        M.TRICEPS,
        M.ABDOMINALS,
    }


@pytest.mark.parametrize("name", ["yoga", "pilates"])
def test_yoga_and_pilates_work_the_core(name):
    assert resolve_activity(name, ActivityKind.CLASS).primary >= {M.ABDOMINALS, M.LOWER_BACK}


def test_classes_that_alternate_work_different_muscles():
    barre = resolve_activity("barre", ActivityKind.CLASS)
    boxing = resolve_activity("boxing", ActivityKind.CLASS)

    assert barre.primary != boxing.primary


def test_unknown_class_kind_error_lists_allowed_names():
    with pytest.raises(InvalidInput) as error:
        resolve_activity("salsa", ActivityKind.CLASS)

    assert str(error.value) == (
        'Unknown class kind "salsa": choose one of barre, bodypump, boxing, crossfit, dance, '
        "hiit, indoor-cycling, kickboxing, pilates, step, stretching, yoga"
    )


def test_unknown_sport_error_lists_allowed_sports():
    with pytest.raises(InvalidInput) as error:
        resolve_activity("curling", ActivityKind.SPORT)

    assert str(error.value) == (
        'Unknown sport "curling": choose one of bike, hike, row, run, ski, swim, walk'
    )


def test_unknown_activity_error_is_one_line():
    with pytest.raises(InvalidInput) as error:
        resolve_activity("salsa\nnight", ActivityKind.CLASS)

    assert str(error.value).startswith('Unknown class kind "salsa night": choose one of barre')
    assert "\n" not in str(error.value)


def test_a_sport_is_not_a_class_kind():
    with pytest.raises(InvalidInput, match='Unknown class kind "run"'):
        resolve_activity("run", ActivityKind.CLASS)


def test_activities_load_as_domain_activities_by_canonical_name():
    activities = load_activities()

    assert all(isinstance(a, Activity) and a.name == name for name, a in activities.items())
    assert activities is load_activities()


def test_no_two_activities_share_a_name_or_alias():
    names = Counter(n.casefold() for a in load_activities().values() for n in (a.name, *a.aliases))

    assert [n for n, count in names.items() if count > 1] == []


def test_no_muscle_is_both_primary_and_secondary():
    assert all(not (a.primary & a.secondary) for a in load_activities().values())
