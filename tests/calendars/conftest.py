import pytest

from tests.calendars.helpers import with_request_origin


@pytest.fixture(autouse=True)
def _request_origin(settings):
    with_request_origin(settings)
