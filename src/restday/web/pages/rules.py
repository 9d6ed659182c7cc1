"""/rules: the rulebook, each rule with the article's Dutch sentence and its English rendering."""

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from restday.web.deps import Page, Rules

__all__ = ["router"]

router = APIRouter()


@router.get("/rules", response_class=HTMLResponse)
def rules_page(page: Page, rules: Rules) -> HTMLResponse:
    """Every rule: its id (the anchor reasons link to), its values and the article's sentence."""
    return page.render("rules.html", rules=[rule.as_dict() for rule in rules.rules.values()])
