"""What a name looks like in running text, and the word lists that say whether a phrase
names a person: the capitalised-run patterns, pronouns, acronyms, organisation openers,
prepositions and relations before a name, nouns for people. Shared by every reader of the
quotes package."""

from __future__ import annotations

import re

from warta.enrich.speakers.names import _OPENERS

_PRONOUNS = frozenset({"dia", "ia", "beliau", "dirinya", "he", "she", "they", "mereka"})

# An initial stands alone: the "B." of "WIB." is none.
_NAME = (
    r"(?:(?<![\w.])(?:[A-Z]|Dr|Prof|Mr|Mrs|Ms|Hj|Ir)\.(?![ \t\xa0]+"
    + _OPENERS
    + r")|(?:(?<![\w-])(?:al|el)-)?[A-Z][\w&'’]*(?:-[\w&'’]+)*|@[\w.]+\w\**)"
)
# The words of one name are on one line: "JPPN.\n\nBrotoseno" is no "N. Brotoseno".
_NAME_RUN = (
    rf"{_NAME}(?:[ \t\xa0]+(?:(?:bin|binti|boru|van|von|der|den|ter|de|da|al|el)[ \t\xa0]+)?{_NAME}){{0,6}}"
)
_RUN = re.compile(_NAME_RUN)

_ACRONYM = re.compile(r"[A-Z]{2,6}")

# The words an organisation's name opens with.
_ORG_WORDS = (
    "Kementerian|Komisi|Badan|Dinas|Lembaga|Pemerintah|Pemprov|Pemkot|Pemkab|Partai|Polda|Polres"
    "|Kejaksaan|Pengadilan|Mahkamah|Bank|Tim|Satgas|Direktorat|Ditjen|Organisasi|Yayasan"
    "|Perusahaan|Asosiasi|Federasi|Dewan|Majelis|Komite|Kantor|Biro|Pusat|Balai|Universitas"
)
_ORG_ACRONYM = re.compile(rf"(?:{_ORG_WORDS})(?: [A-Z][\w-]*)* [A-Z]{{2,8}}")
_ORG_START = re.compile(rf"(?:Pihak )?(?:{_ORG_WORDS})\b")

# A name right after a preposition is a place or the one spoken to, not a subject: "di JIExpo
# Kemayoran", "kepada Budi", "investor asal Hong Kong".
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\s)(?:di|ke|kepada|pada|untuk|dengan|bersama|terhadap|tentang|soal|antara|oleh|asal"
    r"|in|at|to|from|with|for|about)[ \t\xa0]+$",
    re.IGNORECASE,
)

# What ``name_after`` returns when the cue names people but no one person: "jawab para penonton".
_NOBODY = ""


def _has_word(text: str, word: str) -> bool:
    """True when ``word`` stands in ``text`` as a whole word (str.find: no regex per word)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _is_handle(name: str) -> bool:
    """True for a social-media account as a speaker: "@cha_pds", or one printed without its "@"
    ("ujar akun tommyndp", "tandas akun lafema_fiscarina") — never a capitalised name."""
    return name.startswith("@") or not name[:1].isupper()


# A relative before a name: the speaker is the relative, not the one named ("kata orangtua
# Bunga", "ujar kuasa hukum Nikita").
_RELATION_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:orang ?tua|ibu|ayah|ayahanda|ibunda|anak|putra|putri|istri|suami|kakak|adik"
    r"|paman|bibi|tante|kerabat|keluarga|teman|sahabat|rekan|kekasih|pacar|menantu|mertua|cucu"
    r"|nenek|kakek|kuasa hukum|pengacara)"
    # "putra sulung Habibie", "anak kedua Anang", "adik kandung X": which one of them
    r"(?:[ \t\xa0]+(?:sulung|bungsu|tertua|pertama|kedua|ketiga|kandung|angkat|tiri))?"
    r"(?:[ \t\xa0]+dari)?"
    # "Suami dari Sabria Kono itu …" (capitalised only with "dari": "Ibu Sri Mulyani" is a title)
    r"|(?:Suami|Istri|Anak|Putra|Putri|Kakak|Adik|Ayah|Ibu)[ \t\xa0]+dari)[ \t\xa0]+$"
)

_HONORIFICS = frozenset("Dr Prof Ir H Hj Drs Mr Mrs Ms Sir".split())

# Nouns for people that an anaphor opens with: "Pria berusia 44 tahun ini menyatakan", "Menurut
# istri pebalap Ananda Mikola itu". Other anaphors ("Aturan tersebut menyebutkan") are things.
_PERSON_NOUNS = frozenset(
    "pria wanita perempuan lelaki laki-laki pemuda pemudi remaja gadis bocah ibu bapak ayah anak"
    " istri suami kakak adik nenek kakek aktor aktris artis penyanyi musisi perupa pelukis politisi"
    " politikus pengamat pejabat jenderal perwira pemain pelatih pebalap atlet petinju pegolf"
    " komika presenter pembawa model selebriti pengusaha pedagang petani nelayan warga tokoh"
    " mantan sosok dokter guru dosen profesor pakar ahli ulama ustaz kiai pendeta sang sutradara"
    " penulis komedian pelawak youtuber vlogger pedangdut rapper vokalis gitaris drummer"
    " pesepakbola penyerang striker kiper gelandang jurnalis wartawan bos manajer kapten".split()
)
