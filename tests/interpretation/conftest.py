import pytest

from tests.conftest import client_for
from tests.interpretation.factories import coordinator as make_coordinator


@pytest.fixture
def coordinator(db):
    return make_coordinator()


@pytest.fixture
def coordinator_api(coordinator):
    return client_for(coordinator)
