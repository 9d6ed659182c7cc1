"""/calibration: how fast this person recovers per region compared with the rulebook, and why."""

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from restday import present, service
from restday.web.deps import Db, Page, Rules, User

__all__ = ["router"]

router = APIRouter()


@router.get("/calibration", response_class=HTMLResponse)
def calibration_page(page: Page, db: Db, rules: Rules, user: User) -> HTMLResponse:
    """Each region's rate, its evidence and how sure it is (as `restday calibration`)."""
    found = service.calibration(db, rules, page.now, user=user)
    return page.render("calibration.html", calibration=present.calibration_data(found, page.t))
