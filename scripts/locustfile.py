"""The traffic of `make loadtest` (scripts/loadtest.py starts gunicorn and runs this headless).

    LOADTEST_DATA=/tmp/verdex_loadtest/data-demo.json locust -f scripts/locustfile.py --headless ...

Every simulated visitor loops without think time over a weighted mix of what
visitors and API clients do: the home page, search pages (short queries,
pasted need paragraphs, with facets, keyword mode), technology detail pages,
the API search (GET, and POST for a paragraph), the statistics page, about 5 %
writes through the API (create a draft, change it) with a token the script
made, and ``/livez``, a view that does nothing, as the reference for what the
stack itself costs. Request names group the endpoints in the report.

The data file (ids, queries, facet values, token) is written by loadtest.py.
"""

import json
import os
import random

from locust import FastHttpUser, constant, task

DATA = json.loads(open(os.environ["LOADTEST_DATA"]).read())
HEADERS = {"Authorization": f"Bearer {DATA['token']}"}

DRAFT = {
    "title": "Load test draft: solar dryer",
    "summary": "A draft written by the load test.",
    "description": "<p>Dries fruit with the sun.</p>",
    "record_type": "product",
    "fields": [],
    "sdgs": [7],
    "benefits": [],
    "trl": 6,
    "developed_in": "KE",
    "available_in": [],
    "ip_status": "open",
    "availability": [],
}


class Visitor(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.rng = random.Random()
        self.drafts = []

    def _get(self, path, name, **kwargs):
        with self.client.get(path, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    def _short(self):
        return self.rng.choice(DATA["short_queries"])

    def _paragraph(self):
        return self.rng.choice(DATA["paragraphs"])

    @task(8)
    def home(self):
        self._get("/", "home")

    @task(22)
    def search_short(self):
        self._get("/search/technologies/", "search page: short query (hybrid)", params={"q": self._short()})

    @task(6)
    def search_paragraph(self):
        self._get("/search/technologies/", "search page: pasted paragraph (hybrid)",
                  params={"q": self._paragraph()})

    @task(8)
    def search_facets(self):
        params = {"q": self._short(), "field": self.rng.choice(DATA["fields"]),
                  "country": self.rng.choice(DATA["countries"])}
        self._get("/search/technologies/", "search page: query + facets (hybrid)", params=params)

    @task(4)
    def search_keyword(self):
        self._get("/search/technologies/", "search page: keyword mode",
                  params={"q": self._short(), "mode": "keyword"})

    @task(20)
    def detail(self):
        self._get(f"/technologies/{self.rng.choice(DATA['technology_ids'])}/", "technology detail")

    @task(8)
    def api_search(self):
        self._get("/api/v1/search/technologies", "API search: GET short query", params={"q": self._short()})

    @task(3)
    def api_search_paragraph(self):
        with self.client.post("/api/v1/search/technologies", json={"q": self._paragraph()},
                              name="API search: POST paragraph", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task(5)
    def statistics(self):
        self._get("/statistics/", "statistics")

    @task(5)
    def livez(self):
        self._get("/livez", "trivial view (/livez)")

    @task(2)
    def healthz(self):
        self._get("/healthz", "health check (/healthz)")

    @task(3)
    def write_create(self):
        with self.client.post("/api/v1/technologies", json=DRAFT, headers=HEADERS,
                              name="API write: create draft", catch_response=True) as response:
            if response.status_code == 201:
                self.drafts.append(response.json()["id"])
            else:
                response.failure(f"HTTP {response.status_code}: {response.text[:200]}")

    @task(2)
    def write_update(self):
        if not self.drafts:
            return self.write_create()
        draft = self.rng.choice(self.drafts)
        with self.client.request("PATCH", f"/api/v1/technologies/{draft}", headers=HEADERS,
                                 json={"summary": f"Changed by the load test ({self.rng.random():.6f})."},
                                 name="API write: change draft", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}: {response.text[:200]}")
