import pytest
from rest_framework.exceptions import ValidationError

from events_api.core.serializers import AwareDateTimeField


@pytest.mark.parametrize(
    "value",
    ["2027-03-06T12:99:00Z", "2027-02-30T10:00:00-05:00", "2027-03-06T10:00:00", "tomorrow", ""],
)
def test_aware_datetime_field_refuses_impossible_naive_and_junk_values(value):
    with pytest.raises(ValidationError):
        AwareDateTimeField().to_internal_value(value)


def test_aware_datetime_field_keeps_the_instant():
    parsed = AwareDateTimeField().to_internal_value("2027-03-06T10:00:00-05:00")
    assert parsed.utcoffset() is not None
    assert parsed.timestamp() == 1804345200
