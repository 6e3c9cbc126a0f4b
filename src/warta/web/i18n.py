"""Interface text in Indonesian (the default) and English. Article text is never translated."""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("id", "en")
DEFAULT = "id"

STRINGS: dict[str, dict[str, str]] = {
    "tagline": {"id": "Penjelajah korpus berita", "en": "News corpus explorer"},
    "home": {"id": "Beranda", "en": "Home"},
    "search": {"id": "Cari", "en": "Search"},
    "search_placeholder": {"id": "mis. Putin \"Korea Utara\"", "en": "e.g. Putin \"North Korea\""},
    "search_help": {
        "id": "Kata, \"frasa\", AND, OR, NOT (a NOT b), -kata (tanpa), awalan* dan tanda kurung. Kata dasar bahasa Indonesia ikut dicari.",
        "en": "Words, \"phrases\", AND, OR, NOT (a NOT b), -word (without), prefix* and parentheses. Indonesian word stems match too.",
    },
    "latest": {"id": "Artikel Terbaru", "en": "Latest Articles"},
    "popular": {"id": "Terpopuler", "en": "Most Covered"},
    "popular_note": {
        "id": "Cerita yang dimuat paling banyak media, {start} s.d. {end}: tujuh hari hingga hari terakhir korpus yang punya cerita dari dua media atau lebih",
        "en": "Stories run by the most outlets, {start} to {end}: the seven days up to the corpus's last day with a story told by two or more outlets",
    },
    "related": {"id": "Baca Juga", "en": "Read Also"},
    "outlets": {"id": "Media", "en": "Outlets"},
    "outlet": {"id": "Media", "en": "Outlet"},
    "articles": {"id": "artikel", "en": "articles"},
    "n_outlets": {"id": "media", "en": "outlets"},
    "corpus": {"id": "Korpus", "en": "Corpus"},
    "query": {"id": "Kueri", "en": "Query"},
    "add_query": {"id": "Tambah kueri pembanding", "en": "Add a query to compare"},
    "queries_left_out": {
        "id": "Hanya {max} kueri pertama yang dibandingkan; {n} kueri tidak diikutkan",
        "en": "Only the first {max} queries are compared; {n} left out",
    },
    "from": {"id": "Dari", "en": "From"},
    "to": {"id": "Sampai", "en": "To"},
    "language": {"id": "Bahasa", "en": "Language"},
    "any": {"id": "semua", "en": "any"},
    "attention": {"id": "Perhatian dari waktu ke waktu", "en": "Attention over time"},
    "share": {"id": "Persentase", "en": "Share"},
    "counts": {"id": "Jumlah", "en": "Counts"},
    "day": {"id": "Hari", "en": "Day"},
    "week": {"id": "Minggu", "en": "Week"},
    "month": {"id": "Bulan", "en": "Month"},
    "share_note": {
        "id": "Persentase artikel dengan filter yang sama yang cocok dengan kueri.",
        "en": "Share of the articles in the same filters that match the query.",
    },
    "total_attention": {"id": "Total perhatian", "en": "Total attention"},
    "of_total": {"id": "dari {total} artikel ({share})", "en": "of {total} articles ({share})"},
    "sample": {"id": "Contoh artikel", "en": "Sample articles"},
    "top_outlets": {"id": "Media teratas", "en": "Top outlets"},
    "top_entities": {"id": "Entitas teratas", "en": "Top entities"},
    "top_words": {"id": "Kata teratas", "en": "Top words"},
    "words_note": {"id": "dari {n} artikel terbaru", "en": "in the {n} newest articles"},
    "download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "json": {"id": "JSON", "en": "JSON"},
    "no_results": {"id": "Tidak ada hasil.", "en": "No results."},
    "no_js_chart": {
        "id": "Grafik memerlukan JavaScript; unduh CSV untuk datanya.",
        "en": "The chart needs JavaScript; download the CSV for its data.",
    },
    "dateline": {"id": "Dateline", "en": "Dateline"},
    "credit": {"id": "Kredit", "en": "Credit"},
    "credit_note": {"id": "sumber: {outlet}", "en": "source: {outlet}"},
    "authors": {"id": "Penulis", "en": "Authors"},
    "published": {"id": "Terbit", "en": "Published"},
    "original_url": {"id": "Tautan asli", "en": "Original link"},
    "quotes": {"id": "Kutipan", "en": "Quotes"},
    "unknown_speaker": {"id": "(pembicara tidak diketahui)", "en": "(unknown speaker)"},
    "entities": {"id": "Entitas", "en": "Entities"},
    "PERSON": {"id": "Tokoh", "en": "People"},
    "ORGANIZATION": {"id": "Organisasi", "en": "Organisations"},
    "PLACE": {"id": "Tempat", "en": "Places"},
    "copies": {"id": "Salinan di media lain", "en": "Copies at other outlets"},
    "copies_same_outlet": {"id": "Versi lain di media yang sama", "en": "Other versions at the same outlet"},
    "copies_mixed": {"id": "Salinan di media ini dan media lain", "en": "Copies at this and other outlets"},
    "same_outlet": {"id": "media sama", "en": "same outlet"},
    "range": {"id": "{first}–{last} dari {total}", "en": "{first}–{last} of {total}"},
    "none_of": {"id": "0 dari {total}", "en": "0 of {total}"},
    "previous": {"id": "Sebelumnya", "en": "Previous"},
    "next": {"id": "Berikutnya", "en": "Next"},
    "shown_of": {"id": "{n} teratas dari {total}", "en": "top {n} of {total}"},
    "entity_page": {"id": "profil", "en": "profile"},
    "naming": {"id": "Artikel yang menyebut", "en": "Articles naming"},
    "or": {"id": "atau", "en": "or"},
    "duplicates": {"id": "Duplikat", "en": "Duplicates"},
    "likely_original": {"id": "kemungkinan asli", "en": "likely original"},
    "original_outside": {
        "id": "Kemungkinan asli: {outlet} (tidak ada di korpus)",
        "en": "Likely original: {outlet} (not in the corpus)",
    },
    "evidence": {"id": "bukti", "en": "evidence"},
    "evidence_credit": {"id": "kode kredit", "en": "credit tag"},
    "evidence_dateline": {"id": "dateline", "en": "dateline"},
    "evidence_earliest": {"id": "terbit paling awal", "en": "published first"},
    "evidence_first": {"id": "yang pertama", "en": "first seen"},
    "evidence_none": {"id": "tidak ada", "en": "none"},
    "similarity": {"id": "kemiripan", "en": "similarity"},
    # a copy cluster's shared source (warta.store.sources) and what each copy changed (warta.store.diffs)
    "shared_source": {"id": "Sumber bersama: {what} (disebut {n} dari {total} media)", "en": "Shared source: {what} (cited by {n} of {total})"},
    "source_member": {
        "id": "Salinan menyebut {what} sebagai sumbernya, dan media itu ada dalam kelompok ini (disebut {n} dari {total})",
        "en": "The copies name {what} as their source, an outlet of this cluster (named by {n} of {total})",
    },
    "shared_source_note": {
        "id": "Tiap media mungkin menulis ulang sumber ini sendiri: yang terbit paling awal hanya yang pertama memuatnya.",
        "en": "Each may have rewritten it on its own: the earliest member is only the first to publish it.",
    },
    "source_press-release": {"id": "keterangan tertulis atau siaran pers", "en": "a written statement or press release"},
    "source_press-conference": {"id": "jumpa pers", "en": "a press conference"},
    "source_wire": {"id": "kantor berita {name}", "en": "the {name} wire"},
    "source_outlet": {"id": "berita {name}", "en": "a report by {name}"},
    "cites": {"id": "menyebut", "en": "cites"},
    "shared_source_outlets": {
        "id": "Sumber bersama: {what} (disebut {n} dari {total} media)",
        "en": "Shared source: {what} (cited by {n} of {total} outlets)",
    },
    "source_member_outlets": {
        "id": "Salinan menyebut {what} sebagai sumbernya, dan media itu ada dalam kelompok ini (disebut {n} dari {total} media)",
        "en": "The copies name {what} as their source, an outlet of this cluster (named by {n} of {total} outlets)",
    },
    "source_one_outlet": {
        "id": "(semua di {outlet}: versi satu media, tak ada sumber yang dipakai bersama media lain)",
        "en": "(all at {outlet}: one outlet's versions, no source shared between outlets)",
    },
    "source_background": {"id": "latar, bertanggal {day}", "en": "background, dated {day}"},
    "source_background_title": {
        "id": "berita lama yang dikutip sebagai latar, bukan sumber artikel ini",
        "en": "an old report recalled as background, not this article's source",
    },
    "diff_counts_title_earlier": {
        "id": "kalimat yang ditambah / dibuang / diubah {outlet} dibanding artikel ini (yang lebih awal)",
        "en": "sentences {outlet} added / dropped / changed against this one (the earlier)",
    },
    "copied_shared_note": {
        "id": "{n} berita lain memakai sumber bersama (siaran pers, jumpa pers, kantor berita): tidak dihitung sebagai salinan.",
        "en": "{n} more stories shared a source (a statement, a press conference, a wire): not counted as copies.",
    },
    "source_evidence": {"id": "Di mana sumber disebut", "en": "Where each names a source"},
    "where_text": {"id": "teks", "en": "text"},
    "where_credit": {"id": "kredit", "en": "credit"},
    "where_dateline": {"id": "dateline", "en": "dateline"},
    "changes": {"id": "perubahan", "en": "changes"},
    "diff_counts": {"id": "+{added} −{dropped} ~{changed}", "en": "+{added} −{dropped} ~{changed}"},
    "diff_counts_title": {
        "id": "kalimat ditambah / dibuang / diubah dibanding {outlet}",
        "en": "sentences added / dropped / changed against {outlet}",
    },
    "diff_heading": {"id": "Apa yang diubah {outlet}", "en": "What {outlet} changed"},
    "diff_against": {"id": "dibanding", "en": "against"},
    "diff_summary": {
        "id": "+{added} kalimat, −{dropped}, {changed} diubah, {same} sama (dari {after} kalimat; aslinya {before})",
        "en": "+{added} sentences, −{dropped}, {changed} changed, {same} the same (of {after}; the other has {before})",
    },
    "diff_note": {
        "id": "Dibandingkan per kalimat, tanpa membedakan huruf besar, spasi dan tanda kutip; kalimat yang hanya dipindah tidak dihitung.",
        "en": "Compared sentence by sentence, ignoring case, spacing and quote marks; a sentence only moved is not counted.",
    },
    "diff_changed": {"id": "Kalimat yang diubah", "en": "Sentences changed"},
    "diff_added": {"id": "Kalimat tambahan", "en": "Sentences added"},
    "diff_dropped": {"id": "Kalimat yang dibuang", "en": "Sentences dropped"},
    "diff_swap": {"id": "balik arah", "en": "swap"},
    "diff_not_copies": {
        "id": "Kedua artikel ini tidak dalam satu kelompok salinan.",
        "en": "These two articles are not in one copy cluster.",
    },
    "is_copy": {"id": "salinan", "en": "copy"},
    # a diff's two sides whichever order the URL gives (warta.store.diffs.orient), and scraper holes
    "role_original": {"id": "asli", "en": "original"},
    "role_copy": {"id": "salinan", "en": "copy"},
    "role_earlier": {"id": "lebih awal", "en": "earlier"},
    "role_later": {"id": "lebih baru", "en": "later"},
    "diff_heading_later": {"id": "Apa yang beda di {outlet} dibanding {other}", "en": "What {outlet} has differently from {other}"},
    "diff_order_original": {
        "id": "Salinan dibandingkan dengan aslinya, dari arah mana pun tautannya.",
        "en": "The copy is compared with the original, whichever order the link gives.",
    },
    "diff_order_earlier": {
        "id": "Tak satu pun asli kelompok ini: yang lebih baru dibandingkan dengan yang lebih awal.",
        "en": "Neither is the cluster's original: the later is compared with the earlier.",
    },
    "hole_title": {"id": "teks yang dimuat tautan di halaman, hilang oleh scraper", "en": "text the page's link held, lost by the scraper"},
    "hole_other": {"id": "artikel lain memuat: {words}", "en": "the other has: {words}"},
    "hole_filled": {
        "id": "teks ini hilang oleh scraper di artikel lain (tautan)",
        "en": "the scraper lost this text (a link's) in the other article",
    },
    "diff_summary_earlier": {
        "id": "+{added} kalimat, −{dropped}, {changed} diubah, {same} sama (dari {after} kalimat; yang lebih awal {before})",
        "en": "+{added} sentences, −{dropped}, {changed} changed, {same} the same (of {after}; the earlier has {before})",
    },
    "diff_holes": {"id": "Kalimat sama, tapi ada teks yang hilang oleh scraper", "en": "The same sentences, with text the scraper lost"},
    "diff_holes_note": {
        "id": "Bedanya hanya teks tautan yang hilang ([…]) di salah satu sisi: tidak dihitung sebagai perubahan.",
        "en": "They differ only by link text lost on one side ([…]): not counted as changes.",
    },
    "diff_holes_count": {"id": "{n} sama kecuali teks yang hilang oleh scraper", "en": "{n} the same but for text the scraper lost"},
    "story": {"id": "Cerita", "en": "Story"},
    "story_of": {"id": "Bagian dari cerita: {title} ({n} media)", "en": "Part of the story: {title} ({n} outlets)"},
    "first_seen": {"id": "Pertama", "en": "First seen"},
    "last_seen": {"id": "Terakhir", "en": "Last seen"},
    "keywords": {"id": "Kata kunci", "en": "Keywords"},
    "entity": {"id": "Entitas", "en": "Entity"},
    "said": {"id": "Apa yang dikatakan", "en": "What they said"},
    "named_with": {"id": "Sering disebut bersama", "en": "Often named with"},
    "also_written": {"id": "Juga ditulis:", "en": "Also written as"},
    # how a quote's speaker was found (warta.article.Attribution), surest first
    "how_named": {"id": "disebut dalam kutipan", "en": "named by the cue"},
    "how_role": {"id": "dari jabatan", "en": "by the office named"},
    "how_pronoun": {"id": "dari kata ganti: kurang pasti", "en": "from a pronoun: less sure"},
    "how_continued": {"id": "kutipan lanjutan", "en": "continues the last speaker"},
    "how_context": {"id": "dari konteks: kurang pasti", "en": "from context: less sure"},
    # the entity page's quote switch (warta.web.pages.QUOTE_VIEWS)
    "quotes_all": {"id": "semua", "en": "all"},
    "quotes_named": {"id": "hanya yang disebut dalam kutipan", "en": "named by the cue only"},
    "quotes_only": {"id": "hanya:", "en": "only:"},
    "mentioned_in": {"id": "Disebut dalam", "en": "Named in"},
    "copied_from": {"id": "Memuat ulang berita dari", "en": "Re-ran stories from"},
    "copied_by": {"id": "Beritanya dimuat ulang oleh", "en": "Its stories re-run by"},
    "copies_count": {"id": "salinan", "en": "copies"},
    "period": {"id": "Periode", "en": "Period"},
    "related_links": {"id": "Tautan terkait di halaman asli", "en": "Related links on the page"},
    "error": {"id": "Galat", "en": "Error"},
    "not_found": {"id": "Tidak ditemukan", "en": "Not found"},
    "bad_search": {"id": "Pencarian tidak valid", "en": "Invalid search"},
    "api_docs": {"id": "Dokumentasi API", "en": "API documentation"},
    "other_language": {"id": "English", "en": "Bahasa Indonesia"},
    "other_language_code": {"id": "en", "en": "id"},
    "words": {"id": "kata", "en": "words"},
}


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **values)``: the interface string for ``key`` in ``lang``, formatted."""
    lang = lang if lang in LANGUAGES else DEFAULT

    def t(key: str, **values: object) -> str:
        entry = STRINGS.get(key)
        text = entry.get(lang, entry[DEFAULT]) if entry else key
        return text.format(**values) if values else text

    return t
