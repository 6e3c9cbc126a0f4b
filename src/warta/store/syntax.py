"""The search language of the store and the explorer: user text in, an FTS5 ``MATCH`` expression
out, in which every word is a quoted string. User text never reaches SQL or FTS5 as written:
:func:`parse_query` reads it into a tree and writes a fresh expression, or raises
:class:`~warta.store.errors.SearchSyntaxError` (the web layer answers 400).

The language:

- words (``banjir``) and ``"quoted phrases"``; ``AND`` is implied between terms;
- ``AND``, ``OR``, ``NOT`` in capitals (binary: ``a NOT b``) and parentheses; lower-case
  ``and``/``or``/``not`` are ordinary words;
- ``-word``, ``-"a phrase"`` or ``-(…)`` leaves articles out, as ``NOT`` does: ``jakarta -banjir``
  is ``jakarta NOT banjir``. Its group needs at least one word that is not left out; a ``-``
  standing alone (``jokowi - prabowo``) is punctuation;
- ``word*`` searches a prefix (at least :data:`MIN_PREFIX` letters) of the *indexed* words:
  Indonesian words are indexed by their stem, so ``perintah*`` finds ``pemerintahan`` (and
  ``pemerintah*`` does not: a prefix is not stemmed, since Sastrawi would cut it wrongly).

Words are stemmed for Indonesian the way the index was (:mod:`warta.store.tokens`) and the word
as written is searched too, so words of other languages still match exactly. FTS5's own syntax is
refused with a clear message: ``NEAR``, column filters (``title:``), ``^``, ``{…}``, ``+``.
Punctuation between words separates them, as it does in the index. Typographic double quotes
(``“…”``, ``„…“``, ``«…»``, as phones and word processors type them) quote a phrase as ``"`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from warta.store.errors import SearchSyntaxError
from warta.store.tokens import STEMMED_LANGUAGES, stem_word, words

MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 40
MAX_DEPTH = 8
MIN_PREFIX = 3
"""Letters a prefix search needs: shorter prefixes expand to a large part of the vocabulary."""

HELP = (
    'use words, "quoted phrases", AND, OR, NOT (as in: a NOT b), -word to leave out, '
    "word* for a prefix, and parentheses"
)
_RESERVED = {"^": "start-of-column search (^)", ":": "column filters (:)",
             "{": "column sets ({ })", "}": "column sets ({ })", "+": "'+'", "[": "'['", "]": "']'",
             "~": "'~'", "\\": "'\\'", "|": "'|'", "&": "'&'"}
_OPERATORS = {"AND", "OR", "NOT"}
CURLY_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb"
"""“ ” „ ‟ « »: read as ``"``. One character each, so error positions stay those of the text."""
_STRAIGHTEN = str.maketrans(dict.fromkeys(CURLY_QUOTES, '"'))
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class _Tok:
    kind: Literal["word", "prefix", "phrase", "op", "neg", "(", ")"]
    text: str
    pos: int


def _is_word_char(ch: str) -> bool:
    return _WORD_CHAR.match(ch) is not None


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            toks.append(_Tok(ch, ch, i))  # type: ignore[arg-type]
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise SearchSyntaxError(
                    f"unbalanced quote: the phrase opened at character {i + 1} is never closed",
                    position=i,
                )
            toks.append(_Tok("phrase", text[i + 1 : end], i))
            i = end + 1
        elif ch in _RESERVED:
            raise SearchSyntaxError(
                f"{_RESERVED[ch]} at character {i + 1} is not supported: {HELP}", position=i
            )
        elif ch == "-" and i + 1 < n and (text[i + 1] in '"(' or _is_word_char(text[i + 1])):
            toks.append(_Tok("neg", ch, i))  # "-word": leave out; "a - b" is punctuation
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"' and text[j] not in _RESERVED:
                j += 1
            tok = _chunk(text[i:j], i)
            if tok is not None:
                toks.append(tok)
            i = j
    return toks


def _chunk(chunk: str, pos: int) -> _Tok | None:
    """The token of a run of non-space text, or None for punctuation alone."""
    if "*" in chunk:
        star = chunk.index("*")
        stem = chunk[:-1]
        if star != len(chunk) - 1 or not stem or not _is_word_char(stem[-1]):
            raise SearchSyntaxError(
                f"'*' at character {pos + star + 1} must end a word, as in presid*: {HELP}",
                position=pos + star,
            )
        if len(words(stem)[-1]) < MIN_PREFIX:
            raise SearchSyntaxError(
                f"the prefix at character {pos + 1} is too short: give at least {MIN_PREFIX}"
                " letters before '*'",
                position=pos,
            )
        return _Tok("prefix", stem, pos)
    if not words(chunk):
        return None  # punctuation between words ("Jokowi - Prabowo") separates, as in the index
    if chunk in _OPERATORS:
        return _Tok("op", chunk, pos)
    if chunk == "NEAR":
        raise SearchSyntaxError(f"NEAR at character {pos + 1} is not supported: {HELP}", position=pos)
    return _Tok("word", chunk, pos)


class _Parser:
    """Recursive descent over the tokens; builds the FTS5 text directly.

    Grammar (FTS5's own precedence: NOT binds tightest, then AND, then OR)::

        or   := and ("OR" and)*
        and  := item (["AND"] item)*       at least one item without "-"
        item := ["-"] not
        not  := atom ("NOT" atom)*
        atom := WORD | PREFIX | PHRASE | "(" or ")"
    """

    def __init__(self, toks: list[_Tok], language: str | None) -> None:
        self.toks = toks
        self.i = 0
        self.language = language
        self.terms = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> str:
        if not self.toks:
            raise SearchSyntaxError(f"the query is empty: {HELP}")
        expr = self.parse_or()
        tok = self.peek()
        if tok is not None and tok.kind == ")":
            raise SearchSyntaxError(
                f"unbalanced parenthesis: ')' at character {tok.pos + 1} closes nothing",
                position=tok.pos,
            )
        if tok is not None:
            raise SearchSyntaxError(
                f"unexpected {tok.text!r} at character {tok.pos + 1}: {HELP}", position=tok.pos
            )
        return expr

    def parse_or(self) -> str:
        parts = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "OR":
            self.i += 1
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def parse_and(self) -> str:
        positive: list[str] = []
        negative: list[tuple[_Tok, str]] = []
        self.parse_item(positive, negative)
        while (tok := self.peek()) is not None and tok.kind != ")" and not (
            tok.kind == "op" and tok.text != "AND"
        ):
            if tok.kind == "op":  # AND
                self.i += 1
            self.parse_item(positive, negative)
        if not positive:
            sign = negative[0][0]
            raise SearchSyntaxError(
                f"'-' at character {sign.pos + 1} leaves articles out of a search, but there is"
                " nothing to search for beside it (write: banjir -jakarta)",
                position=sign.pos,
            )
        expr = positive[0] if len(positive) == 1 else "(" + " AND ".join(positive) + ")"
        for _, left_out in negative:
            expr = f"({expr} NOT {left_out})"
        return expr

    def parse_item(self, positive: list[str], negative: list[tuple[_Tok, str]]) -> None:
        tok = self.peek()
        if tok is not None and tok.kind == "neg":
            self.i += 1
            negative.append((tok, self.parse_not()))
        else:
            positive.append(self.parse_not())

    def parse_not(self) -> str:
        expr = self.parse_atom()
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "NOT":
            self.i += 1
            expr = f"({expr} NOT {self.parse_atom()})"
        return expr

    def parse_atom(self) -> str:
        tok = self.peek()
        if tok is None:
            raise SearchSyntaxError(f"the query ends where a word was expected: {HELP}")
        if tok.kind == "op":
            what = "NOT needs a word before it (write: a NOT b)" if tok.text == "NOT" else (
                f"{tok.text} needs a word on each side")
            raise SearchSyntaxError(f"{what}, at character {tok.pos + 1}", position=tok.pos)
        if tok.kind == "neg":
            raise SearchSyntaxError(
                f"'-' at character {tok.pos + 1} cannot follow NOT or another '-'", position=tok.pos
            )
        if tok.kind == ")":
            raise SearchSyntaxError(
                f"unbalanced parenthesis: ')' at character {tok.pos + 1} closes nothing",
                position=tok.pos,
            )
        self.i += 1
        if tok.kind == "(":
            return self.parse_group(tok)
        tokens = words(tok.text)
        if not tokens:
            raise SearchSyntaxError(
                f"the phrase at character {tok.pos + 1} has no letters or digits to search for",
                position=tok.pos,
            )
        self.terms += len(tokens)
        if self.terms > MAX_QUERY_TERMS:
            raise SearchSyntaxError(f"the query has more than {MAX_QUERY_TERMS} words")
        if tok.kind == "prefix":
            # Words are \w runs joined by hyphens: no double quote can occur inside.
            return '"' + " ".join(tokens) + '"*'
        return _term(tokens, self.language)

    def parse_group(self, opened: _Tok) -> str:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise SearchSyntaxError(f"parentheses nest deeper than {MAX_DEPTH}", position=opened.pos)
        if (nxt := self.peek()) is not None and nxt.kind == ")":
            raise SearchSyntaxError(
                f"empty parentheses at character {opened.pos + 1}", position=opened.pos
            )
        inner = self.parse_or()
        close = self.peek()
        if close is None or close.kind != ")":
            raise SearchSyntaxError(
                f"unbalanced parenthesis: '(' at character {opened.pos + 1} is never closed",
                position=opened.pos,
            )
        self.i += 1
        self.depth -= 1
        return inner


def _term(tokens: list[str], language: str | None) -> str:
    """One word or phrase as FTS5 text: the stemmed phrase OR the phrase as written."""
    # Words are \w+ runs joined by hyphens, so they hold no double quote; FTS5's unicode61
    # splits hyphenated words into adjacent tokens, which a quoted phrase matches.
    plain = " ".join(tokens)
    if language is not None and language not in STEMMED_LANGUAGES:
        return f'"{plain}"'
    stemmed = " ".join(stem_word(t) for t in tokens)
    if stemmed == plain:
        return f'"{plain}"'
    return f'("{stemmed}" OR "{plain}")'


def parse_query(text: str, *, language: str | None = "id") -> str:
    """The FTS5 ``MATCH`` expression for a user's search text.

    ``language`` is the language the words are in: Indonesian and Malay words (and any, when
    None) are searched by their stem and as written, other languages only as written.

    Raises:
        SearchSyntaxError: the text is empty, too long, malformed, or uses FTS5's own syntax.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise SearchSyntaxError(
            f"the query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}"
        )
    return _Parser(_lex(text.translate(_STRAIGHTEN)), language).parse()
