"""The per-article state of one pass: the text, the names and people in it, sentence
starts, the quotes' ranges, the speakers known so far, and the canonical (full) form of a
name at a position."""

from __future__ import annotations

from bisect import bisect_right

from warta.enrich.quotes.cues import _patterns
from warta.enrich.quotes.marks import _SENTENCE_END, _Span
from warta.enrich.speakers import NameIndex, PersonModel, glue_points, is_name_stopword
from warta.enrich.speakers.index import _one_edit


class _ReaderState:
    """The state of one pass over an article: names, sentences, the last speaker, the quotes."""

    def __init__(
        self,
        text: str,
        speakers: list[str] | None,
        spans: list[_Span],
        segments: list[tuple[int, int]],
        links: list[tuple[int, int]],
        people: PersonModel | None = None,
    ) -> None:
        self.text = text
        self.people = people
        self.quote_ranges = [(s.open, s.close + 1) for s in spans]
        self.links = links
        # Names inside quotes or links name nobody who speaks here.
        self.names = NameIndex(text, skip=sorted(self.quote_ranges + links))
        self.known = set(speakers or ())
        self.last_speaker: str | None = None
        self.last_close = -1
        self.patterns = _patterns()
        # role → where the text names someone by it (see ``_CueNames.role_holder``)
        self.role_holders: dict[str, list[tuple[int, str]]] = {}
        starts = {lo for lo, _hi in segments} | {hi for _lo, hi in links}
        starts.update(m.end() for m in _SENTENCE_END.finditer(text))
        starts.update(glue_points(text))
        self.sentence_starts = sorted(starts)
        self._known_speakers()
        self.names.speakers = self.known

    def canonical(self, name: str | None, position: int) -> str | None:
        name = name.strip("'’‘") if name else name  # "Andika Mahesa'": a stray mark
        if not name:
            return None
        full = self.names.without_organisation(self.names.canonical(name, position), self.known)
        full = full.strip("'’‘") or name
        if " " not in full and len(full) >= 4:
            # "Rudi" for "Rudiantara", a one-word name the article uses as a speaker's
            longer = [k for k in self.known if " " not in k and k.startswith(full) and k != full]
            if len(longer) == 1:
                return longer[0]
            slips = [k for k in self.known if " " not in k and len(k) >= 6 and _one_edit(k, full)]
            if len(slips) == 1 and self.text.count(full) == 1 < self.text.count(slips[0]):
                # "Sasmita" for "Sasmito", a speaker the article names more; only a name printed
                # once is a slip ("kata Wahyudi" twice is not Wahyuni, who speaks more)
                return slips[0]
        if self.people is not None and full[:1].isupper():
            # the model's full name when the rules cut it: "Gunnar Solskjaer", "al-Maliki"
            # (less a place or an organisation the rules cut off: "asal Afghanistan Ali")
            full = self.names.without_organisation(self.people.full_name(full), self.known)
            full = self.people.without_organisation(full)
        return full

    def _known_speakers(self) -> None:
        """Single words the article uses as speakers' names ("kata Matsani", "Teddy
        mengatakan"), so that a later "-nya" cue may go to them."""
        text = self.text
        for match in self.patterns["named"].finditer(text):
            name = match.group("after") or match.group("before") or match.group("appos")
            if self._inside_quote(match.start()) or is_name_stopword(name, sentence_start=True):
                continue
            self.known.add(self.names.canonical(name, match.start()))
            self.known.add(name)

    def _quote_at(self, position: int) -> tuple[int, int] | None:
        ranges = self.quote_ranges
        at = bisect_right(ranges, (position, len(self.text) + 1)) - 1
        if at >= 0 and ranges[at][0] <= position < ranges[at][1]:
            return ranges[at]
        return None

    def _inside_quote(self, position: int) -> bool:
        return self._quote_at(position) is not None
