"""/demo: load a demo history into an empty database, and remove it again in one click."""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

import restday.service.demo as demo
from restday.store.db import Database
from restday.web.deps import Db, Form, Page, Rules, User

__all__ = ["demo_state", "router"]

router = APIRouter()


def demo_state(db: Database, user: str) -> dict[str, bool]:
    """What `_demo.html` shows: the offer (`empty`) or the banner (`demo`)."""
    return {"empty": demo.is_empty(db, user=user), "demo": demo.has_demo(db, user=user)}


@router.post("/demo")
def load_demo(page: Page, db: Db, rules: Rules, user: User, form: Form) -> RedirectResponse:
    """Fill an empty database with the demo history, then show today's advice over it."""
    demo.load_demo(db, user=user, now=page.now, rules=rules)
    return page.redirect("/", done="demo_loaded")


@router.post("/demo/remove")
def remove_demo(page: Page, db: Db, user: User, form: Form) -> RedirectResponse:
    """Remove everything the demo added."""
    demo.remove_demo(db, user=user)
    return page.redirect("/", done="demo_removed")
