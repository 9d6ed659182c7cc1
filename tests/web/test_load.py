"""/load: the chart of fitness, fatigue and form, and a table of the same numbers."""

from datetime import UTC, datetime, timedelta

from restday import service
from restday.rules import default_rulebook
from tests.factories import endurance
from tests.web.conftest import html


def _train(client, days: int) -> None:
    now = datetime.now(UTC)
    db = client.app.state.db
    for i in range(1, days, 2):
        session = endurance(now - timedelta(days=i), "run", "hard" if i % 4 == 1 else "easy")
        service.log_session(db, session, now, user="me")


def _number(text: str) -> float | None:
    return None if text.strip() == "–" else float(text)


def test_the_table_has_the_numbers_of_the_load_model_day_by_day(client):
    _train(client, 40)
    page = html(client.get("/load?days=28"))
    report = service.load(client.app.state.db, default_rulebook(), datetime.now(UTC), 28, user="me")
    assert page.select_one("svg g[data-series=ctl]") is not None
    rows = page.select(".load-table tbody tr")
    assert len(rows) == 28
    by_date = {d.date.isoformat(): d for d in report.days}
    for row in rows:
        day = by_date[row["data-date"]]
        cells = [_number(td.text) for td in row.select("td")]
        expected = [day.load, day.ctl, day.atl, day.tsb]
        assert cells[:4] == [round(v, 1) for v in expected]
        assert cells[4] == (None if day.acwr is None else round(day.acwr, 2))
    assert rows[0]["data-date"] == report.days[-1].date.isoformat()  # newest first
    assert sum(float(row.select("td")[0].text) > 0 for row in rows) == 14  # a run every other day


def test_long_ranges_have_a_row_per_week_then_per_month_and_the_range_is_bounded(client):
    _train(client, 20)
    year = html(client.get("/load?days=365"))
    assert year.select_one("#numbers").text == "The numbers per week"
    assert 52 <= len(year.select(".load-table tbody tr")) <= 54
    decade = html(client.get("/load?days=36500"))
    assert decade.select_one(".steps a[aria-current]").text == "10 years"
    assert 120 <= len(decade.select(".load-table tbody tr")) <= 122
    assert len(html(client.get("/load?days=1")).select(".load-table tbody tr")) == 7


def test_weekly_rows_sum_the_weeks_load(client):
    _train(client, 200)
    page = html(client.get("/load?days=365"))
    report = service.load(
        client.app.state.db, default_rulebook(), datetime.now(UTC), 365, user="me"
    )
    total = sum(float(row.select("td")[0].text) for row in page.select(".load-table tbody tr"))
    assert abs(total - sum(round(d.load, 1) for d in report.days)) < 1


def test_the_load_page_links_the_usual_ranges_and_speaks_dutch(client):
    page = html(client.get("/load", headers={"accept-language": "nl"}))
    assert [a["href"] for a in page.select(".steps a")] == [
        "/load?days=28",
        "/load?days=90",
        "/load?days=365",
        "/load?days=3650",
    ]
    assert page.h1.text == "Trainingsbelasting"
    assert page.select_one(".load-chart svg") is not None
