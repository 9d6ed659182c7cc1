"""/calibration shows each region's pace against the rulebook, as `GET /api/calibration` has it."""

from tests.web.conftest import html, post_form


def rows(client, lang="en"):
    page = html(client.get("/calibration", headers={"accept-language": lang}))
    return {
        tr["id"].removeprefix("region-"): [td.text for td in tr.find_all("td")]
        for tr in page.select("tr[id^=region-]")
    }


def test_without_check_ins_every_region_recovers_at_the_rulebooks_pace(client):
    shown = rows(client)
    assert set(shown) == {"legs", "arms", "core", "chest", "back", "shoulders"}
    assert all(cells[0] == "1.00×" for cells in shown.values())


def test_the_page_shows_what_the_api_says_for_the_same_data_in_dutch_too(client):
    assert post_form(client, "/demo", {}).status_code == 303
    api = {r["region"]: r for r in client.get("/api/calibration").json()["regions"]}
    shown = rows(client)
    for region, cells in shown.items():
        assert cells == [f"{api[region]['rate']:.2f}×", str(api[region]["observations"]),
                         f"{api[region]['sure_pct']}%"]  # fmt: skip
    dutch = rows(client, "nl")
    assert dutch["legs"][0] == f"{api['legs']['rate']:.2f}×".replace(".", ",")
