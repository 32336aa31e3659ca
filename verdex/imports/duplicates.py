"""Flagging import rows that copy a stored listing or an earlier row of the same file.

The rules are verdex.catalog.near_duplicates, as on the listing pages.
Stored listings of the kind are read once per import into a candidate index
(sentences and title words); each accepted row joins the index, so a later
row of the file that copies it is flagged too.

Meaning (the search model's vectors, which catch translated and reworded
copies) costs an embedding per row: it is used for the first
``SEMANTIC_ROWS`` rows of a file, against the file's earlier rows and the
published listings nearest in meaning. Past that, rows are compared by their
wording only and their vectors arrive with the embedding job after the
import; the listing pages then flag them by meaning too (docs/imports.md).
"""

import numpy as np

from verdex.catalog.duplicates import columns, text_of
from verdex.catalog.near_duplicates import CandidateIndex, Embeddings, first_copy
from verdex.search.embeddings import get_embedder
from verdex.search.selectors import nearest_published

SEMANTIC_ROWS = 2000
NEAREST = 10
CHUNK = 2000


class FileDuplicates:
    def __init__(self, model, kind, semantic_rows=SEMANTIC_ROWS):
        self.model = model
        self.kind = kind
        self.index = CandidateIndex()
        for values in model.objects.values("pk", *columns(kind)).iterator(chunk_size=CHUNK):
            self.index.add(text_of(kind, values["pk"], values))
        self.semantic_rows = semantic_rows
        self.embeddings = Embeddings(get_embedder()) if semantic_rows else None
        self.row_keys, self.row_vectors = [], []

    def _meaning_candidates(self, text):
        """Earlier rows and published listings nearest to ``text`` in meaning."""
        vector = self.embeddings([f"{text.title}. {text.body}"])[0]
        found = []
        if self.row_vectors:
            scores = np.stack(self.row_vectors) @ vector
            found += [self.row_keys[i] for i in np.argsort(-scores)[:NEAREST]]
        found += [pk for pk, _ in nearest_published(model=self.model, vector=vector, limit=NEAREST)]
        self.row_keys.append(text.key)
        self.row_vectors.append(vector)
        return [self.index.texts[key] for key in found if key in self.index.texts]

    def check(self, row_number, values, exclude_pk=None):
        """(key, title) of what row ``row_number`` with form ``values`` copies, or None; then remember it.

        ``key`` is a stored listing's pk, or ("row", n) for row n of this file.
        """
        text = text_of(self.kind, ("row", row_number), values)
        candidates = self.index.candidates(text)
        semantic = self.embeddings is not None and len(self.row_keys) < self.semantic_rows
        if semantic:
            seen = {candidate.key for candidate in candidates}
            candidates += [c for c in self._meaning_candidates(text) if c.key not in seen]
        exclude = {exclude_pk} if exclude_pk is not None else set()
        found = first_copy(text, candidates, self.embeddings if semantic else None, exclude=exclude)
        if exclude_pk is not None:
            self.index.texts.pop(exclude_pk, None)  # the row replaces its stored listing
        self.index.add(text)
        if found is None:
            return None
        return found[0].key, found[0].label
