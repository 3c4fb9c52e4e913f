import pytest

from tests.factories import OrganizationFactory, SchoolFactory
from tests.helpers import assert_flat_queries

pytestmark = pytest.mark.django_db


def test_languages_lists_ui_languages_sign_language_and_more(api):
    response = api.get("/api/v1/languages/", {"page_size": 200})
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()["results"]}
    ui = {code for code, row in rows.items() if row["is_ui_language"]}
    assert ui == {"en", "sq", "ar", "bn", "zh-hans", "fr", "ht", "ko", "ru", "es", "uk", "ur", "uz"}
    assert rows["ar"]["direction"] == "rtl"
    assert rows["ur"]["direction"] == "rtl"
    assert rows["bn"]["native_name"] == "বাংলা"
    assert rows["ase"]["is_signed"] is True
    assert "pl" in rows
    assert len(rows) - len(ui) >= 12  # Polish, ASL and at least ten more


def test_languages_filter_by_ui_and_text(api):
    response = api.get("/api/v1/languages/", {"is_ui_language": "false", "q": "polish"})
    assert [row["code"] for row in response.json()["results"]] == ["pl"]


def test_language_detail_by_code(api):
    response = api.get("/api/v1/languages/zh-hans/")
    assert response.status_code == 200
    assert response.json()["native_name"] == "简体中文"


def test_unknown_language_is_404_in_error_format(api):
    response = api.get("/api/v1/languages/xx/")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Not found.", "fields": {}}


def test_schools_filter_by_borough_district_and_text(api):
    SchoolFactory(dbn="15K136", name="I.S. 136 Charles O. Dewey", district=15)
    SchoolFactory(dbn="24Q019", name="P.S. 19 Marino Jeantet", district=24, borough_id="Q")
    SchoolFactory(dbn="02M001", name="P.S. 1 Alfred E. Smith", district=2, borough_id="M")

    by_borough = api.get("/api/v1/schools/", {"borough": "Q"}).json()
    assert [s["dbn"] for s in by_borough["results"]] == ["24Q019"]
    assert by_borough["results"][0]["borough"] == {"code": "Q", "name": "Queens"}

    by_district = api.get("/api/v1/schools/", {"district": 2}).json()
    assert [s["dbn"] for s in by_district["results"]] == ["02M001"]

    by_text = api.get("/api/v1/schools/", {"q": "dewey"}).json()
    assert [s["dbn"] for s in by_text["results"]] == ["15K136"]
    by_dbn = api.get("/api/v1/schools/", {"q": "15k136"}).json()
    assert [s["dbn"] for s in by_dbn["results"]] == ["15K136"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"borough": "Z"}, "borough"),
        ({"district": "abc"}, "district"),
        ({"district": 0}, "district"),
    ],
)
def test_schools_bad_filters_are_400(api, params, field):
    response = api.get("/api/v1/schools/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["fields"]) == [field], body


def test_schools_list_paginates_with_a_maximum_page_size(api):
    SchoolFactory.create_batch(3)
    response = api.get("/api/v1/schools/", {"page_size": 100000})
    body = response.json()
    assert body["count"] == 3
    assert set(body) == {"count", "next", "previous", "results"}


def test_organizations_filter_by_borough_and_language(api):
    afc = OrganizationFactory(name="Advocates for Children")
    afc.boroughs.set(["M", "K"])
    afc.languages.set(["es", "bn"])
    haup = OrganizationFactory(name="HAUP")
    haup.boroughs.set(["Q"])
    haup.languages.set(["ht"])

    assert [
        o["name"] for o in api.get("/api/v1/organizations/", {"borough": "K"}).json()["results"]
    ] == ["Advocates for Children"]
    assert [
        o["name"] for o in api.get("/api/v1/organizations/", {"language": "ht"}).json()["results"]
    ] == ["HAUP"]
    row = api.get(f"/api/v1/organizations/{afc.pk}/").json()
    assert row["boroughs"] == ["K", "M"] or sorted(row["boroughs"]) == ["K", "M"]
    assert sorted(row["languages"]) == ["bn", "es"]
    assert "staff" not in row


def test_list_endpoints_have_flat_query_counts(api):
    def fetch(path):
        def run():
            response = api.get(path, {"page_size": 200})
            assert response.status_code == 200

        return run

    def make_orgs(n):
        for org in OrganizationFactory.create_batch(n):
            org.boroughs.set(["K"])
            org.languages.set(["es"])

    assert_flat_queries(lambda n: SchoolFactory.create_batch(n), fetch("/api/v1/schools/"))
    assert_flat_queries(make_orgs, fetch("/api/v1/organizations/"))
