"""/body: the body map at a moment, front and back, with every muscle's state listed under it."""

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from restday import present, service
from restday.errors import InvalidInput
from restday.web.bodymap import body_map
from restday.web.deps import Db, Page, Rules, User
from restday.web.formreader import local_input
from restday.web.moments import asked_moment, moment_error, moment_words, steps
from restday.web.pages.demo import demo_state

__all__ = ["router"]

router = APIRouter()


@router.get("/body", response_class=HTMLResponse)
def body_page(page: Page, db: Db, rules: Rules, user: User, at: str = "") -> HTMLResponse:
    """Every muscle's recovery at `at` (now when empty); a time that cannot be read is shown."""
    error = None
    try:
        moment = asked_moment(at, page.now, page.tz)
        status = service.status(db, rules, moment, user=user)
    except InvalidInput:
        error, moment = moment_error(at, page.t), page.now
        status = service.status(db, rules, moment, user=user)
    data = present.status_data(status, page.t)
    return page.render(
        "body.html",
        status_code=422 if error else 200,
        bodymap=body_map(data["muscles"], page.t),
        warnings=data["warnings"],
        errors={"at": error} if error else {},
        at_value=at.strip() if error else local_input(moment, page.tz),
        at_words=moment_words(moment, page.now, page.t),
        is_now=moment == page.now,
        steps=steps("/body", moment, page.now, page.t),
        **demo_state(db, user),
    )
