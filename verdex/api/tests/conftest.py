import pytest

from verdex.api import services

# Rate-limit counters live in the database, so each test starts with none.


@pytest.fixture
def make_key(db):
    def make(user, name="Test script"):
        _, key = services.create_token(user=user, name=name)
        return key

    return make


@pytest.fixture
def member_key(make_key, member):
    return make_key(member)


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
