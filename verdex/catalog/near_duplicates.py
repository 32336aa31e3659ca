"""When one listing is a copy of another: the rules, and an in-memory index to find candidates.

A copy may be truncated, reordered, lightly edited, reworded or translated,
by the same owner or another. Two different products of one owner that share
a company paragraph are *not* copies. The rules (decision 22, thresholds
chosen on the tuning pairs of eval/duplicates, measured in docs/evaluation.md):

1. The titles must agree: most words of the shorter title are in the longer
   one, or the two titles mean the same (sentence vectors, any language).
2. Sentences (and ";"-separated parts) both texts contain are set aside: copied text and boilerplate
   look the same, so neither decides. The lead (a technology's summary, an
   expert's name) is never set aside: boilerplate lives in descriptions.
3. What is left of each text (its "own" text) decides. If one side has
   (almost) nothing left, the shorter text lies inside the longer one: a
   copy. Otherwise the own texts must be alike in wording (3-word shingles
   of the shorter mostly found in the longer, and hardly a word the longer
   lacks) or in meaning (vectors).

Vectors come from the search model (``embed`` below), so a translated copy
is found the same way a reworded one is. Without an embedder only the
wording rules run.
"""

import html
import re
from dataclasses import dataclass, field

import numpy as np

# Decision 22: chosen on the tuning split of eval/duplicates.
TITLE_WORDS_SHARED = 0.6  # share of the shorter title's words found in the other title
TITLE_MEANING = 0.65  # cosine of the two titles' vectors
OWN_TEXT_MIN_WORDS = 4  # fewer words left after setting shared sentences aside: "nothing left"
WORDING_SHARED = 0.4  # share of the shorter own text's 3-word shingles found in the other
NEW_WORDS_MAX = 0.1  # share of the shorter text's distinct words the longer lacks
MEANING = 0.6  # cosine of the own texts' vectors
SHINGLE = 3
SENTENCE_MIN_WORDS = 4  # shorter sentences ("Contact us.") are too common to set aside

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A word is a run of letters/digits, except in scripts written without spaces,
# where each character counts as one.
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;:。！？；：؟])\s*|\n+")


def tokens(text):
    return _TOKEN.findall((text or "").casefold())


_BLOCK_END = re.compile(r"</(p|li|h\d|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def plain(text):
    """Sanitised rich text as plain text; block ends become sentence breaks.

    A regular expression, not Django's strip_tags: an import reads every
    stored listing, and the HTML here was sanitised on the way in.
    """
    if "<" not in (text or "") and "&" not in (text or ""):
        return text or ""
    return html.unescape(_TAG.sub(" ", _BLOCK_END.sub("\n", text)))


def shingles(words):
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@dataclass
class ListingText:
    """What the rules compare of one listing or import row."""

    key: object  # a listing's pk, or ("row", n) for a row of an import file
    title: str
    body: str
    lead: str = ""  # text that is the listing's own even when repeated (a summary)
    label: str = ""  # shown in a flag: the listing's title
    _sentences: list = field(default=None, repr=False)

    @property
    def title_words(self):
        return tokens(self.title)

    @property
    def sentences(self):
        """(normalised sentence, its words) in order."""
        if self._sentences is None:
            parts = (tokens(part) for part in _SENTENCE_END.split(plain(self.body)))
            self._sentences = [(" ".join(words), words) for words in parts if words]
        return self._sentences

    def all_sentences(self):
        return {key for key, _ in self.sentences}

    def forget(self):
        self._sentences = None

    def keyed_sentences(self):
        return {key for key, words in self.sentences if len(words) >= SENTENCE_MIN_WORDS}

    def probe_sentences(self):
        """Sentences of the lead and the body, to find candidates by."""
        lead = (tokens(part) for part in _SENTENCE_END.split(plain(self.lead)))
        return self.keyed_sentences() | {" ".join(words) for words in lead if len(words) >= SENTENCE_MIN_WORDS}

    def own_words(self, shared):
        rest = (word for key, words in self.sentences if key not in shared for word in words)
        return tokens(self.lead) + list(rest)


def _share_of_shorter(a, b):
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if not shorter:
        return 0.0
    return len(shorter & longer) / len(shorter)


class Embeddings:
    """Sentence vectors computed once per text, through the search model's embedder."""

    def __init__(self, embedder):
        self.embedder = embedder
        self.cache = {}

    def __call__(self, texts):
        missing = [text for text in dict.fromkeys(texts) if text not in self.cache]
        if missing:
            for text, vector in zip(missing, self.embedder.embed_documents(missing)):
                self.cache[text] = vector
        return [self.cache[text] for text in texts]

    def cosine(self, a, b):
        first, second = self([a, b])
        return float(np.dot(first, second))


def _new_words(a_words, b_words):
    """Share of the distinct words of the shorter of two texts that the other lacks.

    A copy brings (almost) nothing new; two variants of one thing do
    ("... with vertical axis" / "... with horizontal axis").
    """
    shorter, longer = sorted((set(a_words), set(b_words)), key=len)
    return len(shorter - longer) / len(shorter) if shorter else 0.0


def titles_agree(a, b, embeddings=None):
    if _share_of_shorter(set(a.title_words), set(b.title_words)) >= TITLE_WORDS_SHARED:
        return True
    return embeddings is not None and embeddings.cosine(a.title, b.title) >= TITLE_MEANING


def copy_reason(a, b, embeddings=None):
    """Why ``b`` is a copy of ``a`` (a short phrase), or None when it is not."""
    if not titles_agree(a, b, embeddings):
        return None
    shared = a.all_sentences() & b.all_sentences()
    own_a, own_b = a.own_words(shared), b.own_words(shared)
    if min(len(own_a), len(own_b)) < OWN_TEXT_MIN_WORDS:
        if shared or not (own_a or own_b):
            return "same text"
        if _new_words(a.title_words + own_a, b.title_words + own_b) <= NEW_WORDS_MAX:
            return "same title, little text"
        return None
    alike = _share_of_shorter(shingles(own_a), shingles(own_b)) >= WORDING_SHARED
    if alike and _new_words(own_a, own_b) <= NEW_WORDS_MAX:
        return "same wording"
    # The own texts alone: with the titles added, two products of one company
    # under similar titles drift towards each other (decision 22).
    if embeddings is not None and embeddings.cosine(" ".join(own_a), " ".join(own_b)) >= MEANING:
        return "same meaning"
    return None


class CandidateIndex:
    """Listings (or rows) held in memory so that a new text finds the few worth comparing.

    Candidates share a sentence, or one of the rarer words of the title;
    translated and reworded copies share neither and come from the vector
    search of the caller (``nearest``). Each text is compared exactly with at
    most ``limit`` candidates, those sharing the most first.
    """

    TITLE_PROBES = 3

    def __init__(self, limit=50):
        self.limit = limit
        self.texts = {}
        self.by_sentence = {}
        self.by_title_word = {}

    def add(self, text):
        self.texts[text.key] = text
        for sentence in text.probe_sentences():
            self.by_sentence.setdefault(hash(sentence), []).append(text.key)
        for word in set(text.title_words):
            self.by_title_word.setdefault(word, []).append(text.key)
        text.forget()  # words are found again for the few texts compared: memory is the cost here

    def _probes(self, text):
        words = set(text.title_words)
        return sorted(words, key=lambda word: (len(self.by_title_word.get(word, ())), -len(word), word))[
            : self.TITLE_PROBES
        ]

    def candidates(self, text):
        hits = {}
        for sentence in text.probe_sentences():
            for key in self.by_sentence.get(hash(sentence), ()):
                hits[key] = hits.get(key, 0) + 2
        for word in self._probes(text):
            for key in self.by_title_word.get(word, ())[: self.limit * 4]:
                hits[key] = hits.get(key, 0) + 1
        hits.pop(text.key, None)
        ranked = sorted((key for key in hits if key in self.texts), key=lambda key: (-hits[key], str(key)))
        return [self.texts[key] for key in ranked[: self.limit]]


def first_copy(text, candidates, embeddings=None, exclude=()):
    """(candidate, reason) of the first candidate ``text`` copies, or None."""
    if embeddings is not None:  # every title in one call of the model
        embeddings([text.title, *(candidate.title for candidate in candidates)])
    for candidate in candidates:
        if candidate.key == text.key or candidate.key in exclude:
            continue
        reason = copy_reason(candidate, text, embeddings)
        if reason:
            return candidate, reason
    return None
