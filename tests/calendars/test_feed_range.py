"""The date range of a feed: a bounded default, `from`/`to` within a hard cap, and a 400 in
the project's error format for anything else."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events_api.calendars.feeds import FeedRangeInvalid, parse_window
from events_api.calendars.models import FeedToken
from tests.calendars.factories import FeedTokenFactory
from tests.calendars.helpers import vevents
from tests.factories import EventFactory, RegistrationFactory

NOW = datetime(2027, 5, 10, 15, 30, tzinfo=UTC)
MIDNIGHT = datetime(2027, 5, 10, tzinfo=UTC)


def test_default_is_30_days_back_to_a_year_ahead_from_the_start_of_today():
    window = parse_window({}, now=NOW)

    assert window.start == MIDNIGHT - timedelta(days=30)
    assert window.end == MIDNIGHT + timedelta(days=366)
    assert parse_window({}, now=NOW + timedelta(hours=8)) == window  # same all day


def test_dates_and_aware_datetimes_are_accepted():
    window = parse_window({"from": "2027-01-01", "to": "2027-02-01T12:00:00-05:00"}, now=NOW)

    assert window.start == datetime(2027, 1, 1, tzinfo=UTC)
    assert window.end == datetime(2027, 2, 1, 17, tzinfo=UTC)


def test_one_side_given_keeps_the_default_length():
    start = datetime(2027, 1, 1, tzinfo=UTC)

    assert parse_window({"from": "2027-01-01"}, now=NOW).end == start + timedelta(days=396)
    assert parse_window({"to": "2027-01-01"}, now=NOW).start == start - timedelta(days=396)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "yesterday"}, "from"),
        ({"from": "2027-02-30"}, "from"),
        ({"to": "2027-01-01T10:00:00"}, "to"),  # no offset
        ({"from": "2027-03-01", "to": "2027-02-01"}, "to"),
        ({"from": "2027-03-01", "to": "2027-03-01"}, "to"),
        ({"from": "2027-01-01", "to": "2029-02-01"}, "to"),  # longer than two years
        ({"from": "9999-12-31T23:59:59+00:00"}, "from"),
        ({"to": "0001-01-01"}, "to"),
    ],
)
def test_bad_ranges_are_refused(params, field):
    with pytest.raises(FeedRangeInvalid) as caught:
        parse_window(params, now=NOW)

    assert list(caught.value.fields) == [field]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=not-a-date", "from"),
        ("to=2027-01-01T10:00:00", "to"),
        ("from=2027-03-01&to=2027-01-01", "to"),
        ("from=2027-01-01&to=2030-01-01", "to"),
        ("from=0001-01-01", "from"),
        ("to=9999-12-31", "to"),
    ],
)
def test_bad_range_answers_400_in_the_error_format_and_changes_nothing(api, query, field):
    feed = FeedTokenFactory()
    before = list(FeedToken.objects.values_list("pk", "token_hash", "created_at"))

    response = api.get(f"/calendar/feeds/{feed.token}.ics?{query}")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_range"
    assert body["message"] == "The date range of the calendar is not valid."
    assert list(body["fields"]) == [field], body
    assert list(FeedToken.objects.values_list("pk", "token_hash", "created_at")) == before


@pytest.mark.django_db
def test_events_overlapping_the_range_edges_are_in_it(api):
    feed = FeedTokenFactory()
    inside = datetime(2027, 3, 1, 10, tzinfo=UTC)
    for title, starts in [
        ("Ends at the start", inside - timedelta(hours=2)),
        ("Overlaps the start", inside - timedelta(hours=1)),
        ("Inside", inside + timedelta(days=3)),
        ("Starts at the end", datetime(2027, 4, 1, tzinfo=UTC)),
    ]:
        RegistrationFactory(
            user=feed.user,
            event=EventFactory(
                title={"en": title}, starts_at=starts, ends_at=starts + timedelta(hours=2)
            ),
        )

    response = api.get(
        f"/calendar/feeds/{feed.token}.ics",
        {"from": "2027-03-01T10:00:00+00:00", "to": "2027-04-01"},
    )

    assert [str(e["SUMMARY"]) for e in vevents(response.content)] == [
        "Overlaps the start",
        "Inside",
    ]


@given(
    start=st.one_of(
        st.none(),
        st.text(max_size=40),
        st.dates().map(str),
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    ),
    end=st.one_of(
        st.none(),
        st.text(max_size=40),
        st.dates().map(str),
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    ),
)
def test_any_query_string_gives_a_window_of_at_most_two_years_or_a_range_error(start, end):
    params = {key: value for key, value in (("from", start), ("to", end)) if value is not None}
    try:
        window = parse_window(params, now=NOW)
    except FeedRangeInvalid as exc:
        assert set(exc.fields) <= {"from", "to"}
    else:
        assert timedelta(0) < window.end - window.start <= timedelta(days=732)
