"""The body map: a stylised body, front and back, each muscle coloured by how recovered it is.

The drawing is this project's own: the shapes below are the image's left half in a 200 x 440 box
per view (about eight heads tall, the centre line at x = 100); the template draws each shape and
its mirror. `body_map` turns the status JSON's muscles (`restday status --json`) into what
`templates/_bodymap.html` shows: both views, a legend and a card per muscle (the text alternative).
The template defines ids (`bm-hatch-<muscle>`, `muscle-<muscle>`): include it once per page.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from restday.domain import REGION_OF, Muscle, Region
from restday.locales import Translator

__all__ = ["SCALE", "VIEW_BOX", "BodyMap", "body_map", "colour"]

WIDTH = 200
VIEW_BOX = f"0 0 {WIDTH} 440"
MIRROR = f"matrix(-1 0 0 1 {WIDTH} 0)"

SCALE: tuple[tuple[int, str], ...] = (
    (0, "#253494"),
    (25, "#2c7fb8"),
    (50, "#41b6c4"),
    (75, "#a1dab4"),
    (100, "#ffffcc"),
)
"""Recovered % to colour: ColorBrewer's YlGnBu, dark blue just trained to pale yellow recovered."""

# The neutral body behind the muscles: head, neck, torso, arm, hand, leg, knee, foot.
SILHOUETTE = (
    "M100,7C88,7 82,16 82,30C82,42 88,54 100,56Z",
    "M83,26C79,25 78,37 83,39Z",
    "M100,46L90,46C90,58 89,66 86,72L100,76Z",
    "M100,70L88,71C78,76 66,79 56,83C52,90 56,104 60,112C62,134 66,150 66,166"
    "C64,180 58,192 58,206L62,230C78,232 92,234 100,236Z",
    "M44,90C38,104 36,124 35,146L33,168C33,176 49,176 49,168L52,146C55,130 57,118 56,104Z",
    "M33,166C28,180 26,198 26,210L27,224L36,224C40,206 46,188 49,168Z",
    "M27,221C23,231 21,243 23,252C25,258 31,259 33,254L35,242C37,234 37,228 36,221Z",
    "M58,204C55,236 58,266 64,298L92,298C94,274 97,252 99,234Z",
    "M64,292C63,302 64,312 67,320L91,320C93,312 93,302 92,292Z",
    "M67,316C61,332 61,352 67,374L75,404L88,404C90,382 96,354 95,334L91,316Z",
    "M75,400C73,410 68,418 67,424C66,432 91,433 92,426C92,416 90,408 88,400Z",
)

_FOREARM = "M34,170C42,170 47,176 47,182C44,196 40,210 36,220L28,220C26,204 27,186 34,170Z"
_DELTOID = "M56,83C47,85 41,94 40,106C40,115 41,122 43,128C48,118 54,108 61,99C63,92 61,86 56,83Z"

FRONT: dict[Muscle, tuple[str, ...]] = {
    Muscle.NECK: ("M88,55L93,55C94,64 96,71 99,77L95,79C92,72 89,64 88,55Z",),
    Muscle.TRAPS: ("M87,70C80,76 68,79 58,82L64,86C74,84 84,81 91,78Z",),
    Muscle.SHOULDERS: (_DELTOID,),
    Muscle.CHEST: ("M98,88L98,126C88,132 74,130 66,122C62,114 62,104 64,96C72,90 86,88 98,88Z",),
    Muscle.BICEPS: ("M50,118C55,126 55,144 50,160C47,166 39,166 37,160C36,146 40,128 50,118Z",),
    Muscle.FOREARMS: (_FOREARM,),
    Muscle.ABDOMINALS: (
        "M87,131L98,131L98,148L87,148Z",
        "M87,151L98,151L98,168L87,168Z",
        "M87,171L98,171L98,188L87,188Z",
        "M87,191L98,191L98,216C92,214 88,206 87,200Z",
        "M84,136L85,206C78,202 70,194 64,186C66,168 66,148 64,130C72,132 78,134 84,136Z",
    ),
    Muscle.ABDUCTORS: ("M60,202C57,214 57,226 60,240L67,228C67,216 65,208 60,202Z",),
    Muscle.QUADRICEPS: (
        "M63,222C75,226 86,236 89,246C91,264 90,282 86,296L68,296C62,278 59,250 63,222Z",
    ),
    Muscle.ADDUCTORS: ("M97,238C99,254 96,270 91,284C89,268 88,254 90,242Z",),
    Muscle.CALVES: (
        "M67,324C62,338 62,354 67,370L72,368C71,352 71,338 72,324Z",
        "M90,324C95,338 95,354 90,372L85,368C86,352 86,338 86,324Z",
    ),
}

BACK: dict[Muscle, tuple[str, ...]] = {
    Muscle.NECK: ("M90,53L100,53L100,60C97,64 93,68 88,71C90,65 90,59 90,53Z",),
    Muscle.TRAPS: (
        "M100,61C97,66 93,70 88,72C78,77 66,79 58,83C70,90 80,100 86,114C90,126 95,140 100,152Z",
    ),
    Muscle.SHOULDERS: (_DELTOID,),
    Muscle.MIDDLE_BACK: ("M64,94C74,98 82,106 86,118C84,126 80,132 76,134C70,126 64,112 62,100Z",),
    Muscle.LATS: (
        "M62,110C68,124 76,134 86,138C90,146 94,152 96,158C92,170 86,180 80,186"
        "C72,178 66,166 64,150C62,136 60,122 62,110Z",
    ),
    Muscle.LOWER_BACK: ("M99,156L99,208L90,208C88,192 88,174 92,162Z",),
    Muscle.TRICEPS: ("M45,104C53,110 56,128 53,152C50,162 41,164 36,158C35,138 38,118 45,104Z",),
    Muscle.FOREARMS: (_FOREARM,),
    Muscle.ABDUCTORS: ("M62,198C58,206 58,214 60,224C66,214 74,207 86,204C78,198 70,196 62,198Z",),
    Muscle.GLUTES: (
        "M99,206L99,252C88,258 74,256 66,246C60,234 60,218 65,208C78,204 90,204 99,206Z",
    ),
    Muscle.HAMSTRINGS: (
        "M64,254C76,260 88,260 97,256C96,274 92,288 88,298L68,298C63,284 62,268 64,254Z",
    ),
    Muscle.CALVES: (
        "M66,320C60,334 61,352 67,368C71,374 78,372 80,364L80,322Z",
        "M82,322L82,366C84,376 91,374 93,364C96,350 96,332 92,320Z",
    ),
}


@dataclass(frozen=True, slots=True)
class Shape:
    """One muscle as drawn in one view: its paths, fill and hover text."""

    muscle: str
    slug: str
    state: str
    fill: str
    title: str
    paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class View:
    """The front or the back of the body."""

    side: str
    label: str
    shapes: tuple[Shape, ...]


@dataclass(frozen=True, slots=True)
class Card:
    """One muscle in the list under the map: its state, ready time and reasons."""

    muscle: str
    slug: str
    name: str
    region: str
    state: str
    state_text: str
    colour: str
    recovered: str
    ready: str
    last_trained: str
    reasons: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class BodyMap:
    """What `_bodymap.html` draws: both views, the legend and the cards."""

    label: str
    view_box: str
    mirror: str
    silhouette: tuple[str, ...]
    views: tuple[View, ...]
    hatched: tuple[tuple[str, str], ...]
    legend: tuple[tuple[str, str], ...]
    words: Mapping[str, str]
    cards: tuple[Card, ...]


def _channels(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def colour(recovered_pct: float) -> str:
    """The scale's colour for a recovered percentage (0-100, clamped), as `#rrggbb`."""
    pct = min(max(recovered_pct, 0.0), 100.0)
    for (low, low_hex), (high, high_hex) in pairwise(SCALE):
        if pct <= high:
            share = (pct - low) / (high - low)
            mixed = (
                round(a + (b - a) * share)
                for a, b in zip(_channels(low_hex), _channels(high_hex), strict=True)
            )
            return "#" + "".join(f"{c:02x}" for c in mixed)
    return SCALE[-1][1]


def _slug(muscle: str) -> str:
    return muscle.replace(" ", "-")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _card(m: Mapping[str, Any], t: Translator) -> Card:
    pct = math.floor(m["recovered_pct"])
    ready = _moment(m["ready_at"])
    last = _moment(m["last_trained"])
    return Card(
        muscle=m["muscle"],
        slug=_slug(m["muscle"]),
        name=_capital(t.muscle(m["muscle"])),
        region=_capital(t.region(m["region"])),
        state=m["state"],
        state_text=_capital(t.ui(f"state.{m['state']}")),
        colour=colour(m["recovered_pct"]),
        recovered=t.text("ui.web.bodymap.recovered", {"pct": pct}),
        ready=t.when(ready) if ready and m["state"] == "recovering" else "",
        last_trained=t.when(last) if last else "",
        reasons=tuple((r["rule"], r["text"]) for r in m["reasons"]),
    )


def _title(card: Card, t: Translator) -> str:
    params = {"muscle": card.name, "state": card.state_text, "recovered": card.recovered}
    if card.ready:
        return t.text("ui.web.bodymap.title_recovering", {**params, "ready": card.ready})
    return t.text("ui.web.bodymap.title", params)


def body_map(muscles: Sequence[Mapping[str, Any]], t: Translator) -> BodyMap:
    """The body map of the status JSON's `muscles`, worded by `t`; every muscle must be there."""
    by_name = {m["muscle"]: m for m in muscles}
    missing = [m.value for m in Muscle if m.value not in by_name]
    if missing:
        raise ValueError(f"the status lacks muscles: {', '.join(missing)}")
    cards = {name: _card(m, t) for name, m in by_name.items()}

    def shape(muscle: Muscle, paths: tuple[str, ...]) -> Shape:
        card = cards[muscle.value]
        fill = f"url(#bm-hatch-{card.slug})" if card.state == "recovering" else card.colour
        return Shape(card.muscle, card.slug, card.state, fill, _title(card, t), paths)

    views = tuple(
        View(side, t.ui(f"ui.web.bodymap.{side}"), tuple(shape(m, p) for m, p in drawn.items()))
        for side, drawn in (("front", FRONT), ("back", BACK))
    )
    order = {region: i for i, region in enumerate(Region)}
    listed = sorted(
        cards.values(), key=lambda c: (order[REGION_OF[Muscle(c.muscle)]], c.name.casefold())
    )
    return BodyMap(
        label=t.ui("ui.web.bodymap.label"),
        view_box=VIEW_BOX,
        mirror=MIRROR,
        silhouette=SILHOUETTE,
        views=views,
        hatched=(
            ("key", SCALE[2][1]),
            *((c.slug, c.colour) for c in listed if c.state == "recovering"),
        ),
        legend=tuple((t.text("ui.web.bodymap.pct", {"pct": pct}), hex_) for pct, hex_ in SCALE),
        words={
            "legend": t.ui("ui.web.bodymap.legend"),
            "recovering": _capital(t.ui("state.recovering")),
            "list": t.ui("ui.web.bodymap.list"),
            "ready_at": t.ui("ui.ready_at"),
            "last_trained": t.ui("ui.last_trained"),
            "reasons": t.ui("ui.reasons"),
        },
        cards=tuple(listed),
    )
