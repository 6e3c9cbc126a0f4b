# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The DOM walk of :mod:`warta.page.html`, compiled: it reads Lexbor's tree through C pointers.

:func:`warta.page.html._walk` spends about 1 µs a node on Python-level calls that build objects
(``node.child``, ``node.next``, ``node.tag_id``, ``node.text_content``, ``node.attributes``). This
module runs the same loop over Lexbor's own structs, and builds Python objects only for what ends
in a block: text, and the few attributes the walk reads. The Python walk stays the reference:
:class:`Walker` repeats its loop and its ``_flush`` rule for rule, calls its helpers
(``_attr_bits``, ``_tag_entry``, ``_style_hides``, ``Block``) and must give exactly its blocks.
:mod:`warta.page.html` checks that at import (:func:`check`: what this module reads of every node
of a few probe pages against selectolax's Python API, and the blocks against the Python walk) and
falls back to the Python walk on any mismatch. A change to the Python walk must be made here too:
tests/page/test_cwalk.py compares the two on fixtures and generated pages.

The root's C pointer comes from selectolax's public ``LexborNode.mem_id``. selectolax is not
cimported (its .pxd includes Lexbor headers the wheel does not ship): the few structs read here
are declared below, copied from the Lexbor that selectolax 1.0.2 vendors (Lexbor is Apache-2.0,
Copyright (C) 2018-2026 Alexander Borisov). Only fields up to the last one read are declared: the
structs are only ever read through pointers Lexbor made, never allocated or sized here.
"""

from cpython.exc cimport PyErr_CheckSignals
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from cpython.ref cimport PyObject
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcmp, memcpy

LAYOUT_VERSION = "1.0.2"
"""The selectolax version whose vendored Lexbor the structs below were copied from."""


# lexbor/core/str.h
cdef struct lexbor_str_t:
    unsigned char *data
    size_t length

# lexbor/core/hash.h (LEXBOR_HASH_SHORT_SIZE is 16)
cdef union lexbor_hash_entry_u:
    unsigned char *long_str
    unsigned char short_str[17]

cdef struct lexbor_hash_entry_t:
    lexbor_hash_entry_u u
    size_t length
    lexbor_hash_entry_t *next

# lexbor/dom/interfaces/event_target.h
cdef struct lxb_dom_event_target_t:
    void *events

# lexbor/dom/interfaces/node.h (LXB_DOM_NODE_USER_VARIABLES is not defined by selectolax's build)
cdef struct lxb_dom_node_t:
    lxb_dom_event_target_t event_target
    uintptr_t local_name  # the tag id (element), or the attribute id (attribute)
    uintptr_t prefix
    uintptr_t ns
    void *owner_document
    lxb_dom_node_t *next
    lxb_dom_node_t *prev
    lxb_dom_node_t *parent
    lxb_dom_node_t *first_child
    lxb_dom_node_t *last_child
    void *user
    int type  # lxb_dom_node_type_t, a C enum

# lexbor/dom/interfaces/character_data.h
cdef struct lxb_dom_character_data_t:
    lxb_dom_node_t node
    lexbor_str_t data

# lexbor/dom/interfaces/attr.h
cdef struct lxb_dom_attr_t:
    lxb_dom_node_t node
    uintptr_t upper_name
    uintptr_t qualified_name
    lexbor_str_t *value
    void *owner
    lxb_dom_attr_t *next
    lxb_dom_attr_t *prev

# lexbor/dom/interfaces/attr.h: what a per-document attribute id points to
cdef struct lxb_dom_attr_data_t:
    lexbor_hash_entry_t entry
    uintptr_t attr_id

# lexbor/tag/tag.h: what a per-document tag id points to
cdef struct lxb_tag_data_t:
    lexbor_hash_entry_t entry
    uintptr_t tag_id

# lexbor/dom/interfaces/element.h (fields up to first_attr)
cdef struct lxb_dom_element_t:
    lxb_dom_node_t node
    uintptr_t upper_name
    uintptr_t qualified_name
    lexbor_str_t *is_value
    lxb_dom_attr_t *first_attr
    lxb_dom_attr_t *last_attr


cdef enum:
    # lexbor/dom/interfaces/node.h: lxb_dom_node_type_t
    NODE_ELEMENT = 1
    NODE_TEXT = 3
    # lexbor/tag/const.h
    TAG_TEXT = 0x02
    TAG_DOCUMENT = 0x03
    TAG_EM_COMMENT = 0x04
    TAG_EM_DOCTYPE = 0x05
    TAG_LAST_ENTRY = 0xC7
    # lexbor/dom/interfaces/attr_const.h
    ATTR_CLASS = 0x0B
    ATTR_HREF = 0x1D
    ATTR_ID = 0x21
    ATTR_STYLE = 0x3E
    ATTR_LAST_ENTRY = 0x49
    # Which attribute an attribute node is, for the walk.
    K_OTHER = 0
    K_CLASS = 1
    K_ID = 2
    K_ROLE = 3
    K_ITEMPROP = 4
    K_STYLE = 5
    K_HREF = 6
    K_HIDDEN = 7
    N_KINDS = 8

# The names of Lexbor's static tag ids, in id order (lexbor/tag/res.h, lxb_tag_res_data_default).
_STATIC_TAG_NAMES = (
    "#undef", "#end-of-file", "#text", "#document", "!--", "!doctype", "?ProcessingInstruction",
    "a", "abbr", "acronym", "address", "altglyph", "altglyphdef", "altglyphitem",
    "animatecolor", "animatemotion", "animatetransform", "annotation-xml", "applet", "area",
    "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo", "bgsound", "big",
    "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite",
    "clippath", "code", "col", "colgroup", "data", "datalist", "dd", "del", "desc", "details",
    "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "feblend", "fecolormatrix",
    "fecomponenttransfer", "fecomposite", "feconvolvematrix", "fediffuselighting",
    "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood", "fefunca", "fefuncb",
    "fefuncg", "fefuncr", "fegaussianblur", "feimage", "femerge", "femergenode", "femorphology",
    "feoffset", "fepointlight", "fespecularlighting", "fespotlight", "fetile", "feturbulence",
    "fieldset", "figcaption", "figure", "font", "footer", "foreignobject", "form", "frame",
    "frameset", "glyphref", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
    "hr", "html", "i", "iframe", "image", "img", "input", "ins", "isindex", "kbd", "keygen",
    "label", "legend", "li", "lineargradient", "link", "listing", "main", "malignmark", "map",
    "mark", "marquee", "math", "menu", "meta", "meter", "mfenced", "mglyph", "mi", "mn", "mo",
    "ms", "mtext", "multicol", "nav", "nextid", "nobr", "noembed", "noframes", "noscript",
    "object", "ol", "optgroup", "option", "output", "p", "param", "path", "picture",
    "plaintext", "pre", "progress", "q", "radialgradient", "rb", "rp", "rt", "rtc", "ruby", "s",
    "samp", "script", "search", "section", "select", "selectedcontent", "slot", "small",
    "source", "spacer", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg",
    "table", "tbody", "td", "template", "textarea", "textpath", "tfoot", "th", "thead", "time",
    "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp"
)
assert len(_STATIC_TAG_NAMES) == TAG_LAST_ENTRY

_BITS_CACHE_SIZE = 65536

ATTR_NAMES = ("class", "id", "role", "itemprop", "style", "href", "hidden")
"""The attributes the walk reads, in :func:`probe_nodes`' order."""


cdef inline str _decode(const unsigned char *data, size_t length):
    # As selectolax's _decode_utf8 (lexbor/util.pxi): Lexbor keeps undecodable bytes verbatim,
    # so invalid UTF-8 becomes U+FFFD.
    return PyUnicode_DecodeUTF8(<const char *> data, length, "replace")


cdef inline const unsigned char *_entry_str(const lexbor_hash_entry_t *entry):
    # lexbor_hash_entry_str (lexbor/core/hash.h)
    if entry.length <= 16:
        return entry.u.short_str
    return entry.u.long_str


cdef inline bint _name_is(const lexbor_hash_entry_t *entry, const char *name, size_t length):
    return entry.length == length and memcmp(_entry_str(entry), name, length) == 0


cdef int _attr_kind(const lxb_dom_attr_t *attr):
    """Which of the walk's attributes ``attr`` is, by its qualified name (as selectolax's
    ``attributes`` keys it: lxb_dom_attr_qualified_name, lexbor/dom/interfaces/attr.c)."""
    cdef uintptr_t attr_id = attr.qualified_name if attr.qualified_name != 0 else attr.node.local_name
    cdef const lexbor_hash_entry_t *entry
    if attr_id < ATTR_LAST_ENTRY:  # a name of Lexbor's static table, one id per name
        if attr_id == ATTR_CLASS:
            return K_CLASS
        if attr_id == ATTR_ID:
            return K_ID
        if attr_id == ATTR_STYLE:
            return K_STYLE
        if attr_id == ATTR_HREF:
            return K_HREF
        return K_OTHER
    if attr_id == ATTR_LAST_ENTRY:  # no name (Lexbor's lookup gives NULL)
        return K_OTHER
    entry = &(<const lxb_dom_attr_data_t *> attr_id).entry  # a per-document name
    if _name_is(entry, "role", 4):
        return K_ROLE
    if _name_is(entry, "itemprop", 8):
        return K_ITEMPROP
    if _name_is(entry, "hidden", 6):
        return K_HIDDEN
    # Static names could in principle also be stored per document: compare them too.
    if _name_is(entry, "class", 5):
        return K_CLASS
    if _name_is(entry, "id", 2):
        return K_ID
    if _name_is(entry, "style", 5):
        return K_STYLE
    if _name_is(entry, "href", 4):
        return K_HREF
    return K_OTHER


cdef inline object _attr_value(const lxb_dom_attr_t *attr):
    """The attribute's value as selectolax gives it (None when Lexbor holds no data)."""
    if attr == NULL or attr.value == NULL or attr.value.data == NULL:
        return None
    return _decode(attr.value.data, attr.value.length)


cdef int _scan_attrs(const lxb_dom_node_t *node, const lxb_dom_attr_t **found) noexcept:
    """Fill ``found`` (N_KINDS slots) with the last attribute of each kind (a later attribute of
    the same name wins, as in the dict of ``attributes``); return how many attributes there are
    (capped at 2: the walk only asks whether there are any)."""
    cdef const lxb_dom_attr_t *attr = (<const lxb_dom_element_t *> node).first_attr
    cdef int count = 0
    cdef int kind
    for kind in range(N_KINDS):
        found[kind] = NULL
    while attr != NULL:
        found[_attr_kind(attr)] = attr
        if count < 2:
            count += 1
        attr = attr.next
    return count


cdef object _node_tag(const lxb_dom_node_t *node):
    """``LexborNode.tag`` of ``node`` (selectolax lexbor/node.pxi; lxb_dom_element_qualified_name
    and lxb_tag_data_by_id, lexbor/dom/interfaces/element.c and lexbor/tag/tag.c)."""
    cdef uintptr_t tag_id = node.local_name
    cdef const lxb_tag_data_t *data
    if tag_id == TAG_EM_DOCTYPE:
        return "-doctype"
    if tag_id == TAG_TEXT:
        return "-text"
    if tag_id == TAG_EM_COMMENT:
        return "-comment"
    if tag_id == TAG_DOCUMENT:
        return "-document"
    if node.type != NODE_ELEMENT:
        return None
    if (<const lxb_dom_element_t *> node).qualified_name != 0:
        tag_id = (<const lxb_dom_element_t *> node).qualified_name
    if tag_id < TAG_LAST_ENTRY:
        return _STATIC_TAG_NAMES[tag_id]
    if tag_id == TAG_LAST_ENTRY:
        return None
    data = <const lxb_tag_data_t *> tag_id
    return _decode(_entry_str(&data.entry), data.entry.length)


cdef inline object _text_content(const lxb_dom_node_t *node):
    """``LexborNode.text_content`` of ``node`` (None unless a text node with data)."""
    cdef const lexbor_str_t *data
    if node.type != NODE_TEXT:
        return None
    data = &(<const lxb_dom_character_data_t *> node).data
    if data.data == NULL:
        return None
    return _decode(data.data, data.length)


cdef inline lxb_dom_node_t *_node_ptr(object node):
    return <lxb_dom_node_t *> <uintptr_t> node.mem_id


def probe_nodes(root):
    """What this module reads of each node of ``root``'s subtree (``root`` included), in document
    order: ``(mem_id, parent, next, first child, tag id, tag, text content, attributes)``, where the
    pointers are ``mem_id``s (0 for none) and the attributes are ``(any, class, id, role, itemprop,
    style, href, hidden present)``. The import-time check compares it with the Python API."""
    cdef lxb_dom_node_t *top = _node_ptr(root)
    cdef lxb_dom_node_t *node = top
    cdef const lxb_dom_attr_t *found[N_KINDS]
    cdef int count
    out = []
    while node != NULL:
        if node.type == NODE_ELEMENT:
            count = _scan_attrs(node, found)
            attrs = (
                count > 0, _attr_value(found[K_CLASS]), _attr_value(found[K_ID]),
                _attr_value(found[K_ROLE]), _attr_value(found[K_ITEMPROP]),
                _attr_value(found[K_STYLE]), _attr_value(found[K_HREF]), found[K_HIDDEN] != NULL,
            )
        else:
            attrs = None
        out.append((
            <uintptr_t> node, <uintptr_t> node.parent, <uintptr_t> node.next,
            <uintptr_t> node.first_child, node.local_name, _node_tag(node), _text_content(node),
            attrs,
        ))
        if node.first_child != NULL:
            node = node.first_child
            continue
        while node != top and node.next == NULL:
            node = node.parent
        if node == top:
            break
        node = node.next
    return out


# One open element of the walk (the Python walk's _Frame, plus its element id).
cdef struct Frame:
    bint is_block
    bint is_a
    PyObject *tag  # borrowed: the walk's tag-entry cache holds the string
    long anc
    long hits
    long near
    long own
    lxb_dom_node_t *node
    Py_ssize_t ident


# A tag id's facts (the Python walk's _TagEntry): state 0 = not seen, 1 = skipped, 2 = read.
cdef struct TagFacts:
    int state
    bint is_block
    bint is_cell
    bint is_a
    long flag
    PyObject *tag  # borrowed: the walk's ``keep`` list holds the string


cdef inline bint _ascii_space(const unsigned char *data, size_t length) noexcept:
    """Whether every byte is an ASCII character that ``str.isspace`` counts as space."""
    cdef size_t k
    cdef unsigned char ch
    for k in range(length):
        ch = data[k]
        if not (ch == 32 or 9 <= ch <= 13 or 28 <= ch <= 31):
            return False
    return True


cdef inline size_t _value_size(const lxb_dom_attr_t *attr) noexcept:
    if attr == NULL or attr.value == NULL or attr.value.data == NULL:
        return 0
    return attr.value.length


cdef bytes _keyword_key(const lxb_dom_attr_t **found, size_t *size):
    """The raw bytes of an element's class, id, role and itemprop, one unambiguous bytes key
    (per value: 1 byte for None or not, its length, its bytes); None when all four are None.
    ``size`` gets the total length of the values."""
    cdef int kinds[4]
    cdef size_t total = 0
    cdef size_t length
    cdef bint any_value = False
    cdef int k
    cdef char *out
    cdef const lxb_dom_attr_t *attr
    kinds[0] = K_CLASS
    kinds[1] = K_ID
    kinds[2] = K_ROLE
    kinds[3] = K_ITEMPROP
    for k in range(4):
        attr = found[kinds[k]]
        if attr != NULL and attr.value != NULL and attr.value.data != NULL:
            any_value = True
            total += attr.value.length
    size[0] = total
    if not any_value:
        return None
    key = PyBytes_FromStringAndSize(NULL, total + 4 * (1 + sizeof(size_t)))
    out = PyBytes_AS_STRING(key)
    for k in range(4):
        attr = found[kinds[k]]
        length = _value_size(attr)
        out[0] = 1 if attr != NULL and attr.value != NULL and attr.value.data != NULL else 0
        memcpy(out + 1, &length, sizeof(size_t))
        out += 1 + sizeof(size_t)
        if length:
            memcpy(out, attr.value.data, length)
            out += length
    return key


cdef class Walker:
    """The compiled walk, bound to the helpers and constants of :mod:`warta.page.html`."""

    cdef object attr_bits, tag_entry, style_hides, block, kind_of_tag
    cdef dict bits_cache
    cdef size_t cached_key_chars
    cdef str cell_sep
    cdef long a_link, a_articlebody, a_pre, a_quote, a_li, a_heading
    cdef Py_ssize_t path_len

    def __init__(self, html):
        """Bind to ``html``, the module :mod:`warta.page.html` (passed in: it imports this one)."""
        self.attr_bits = html._attr_bits
        self.tag_entry = html._tag_entry
        self.style_hides = html._style_hides
        self.block = html.Block
        self.kind_of_tag = html._KIND_OF_TAG
        self.cell_sep = html._CELL_SEP
        self.path_len = html.PATH_LEN
        self.a_link = html.A_LINK
        self.a_articlebody = html.A_ARTICLEBODY
        self.a_pre = html.A_PRE
        self.a_quote = html.A_QUOTE
        self.a_li = html.A_LI
        self.a_heading = html.A_HEADING
        # Keyword bits by the raw bytes of class/id/role/itemprop, across pages: a memo of the
        # pure _attr_bits, bounded as its own lru caches are (long keys are not kept; the memo is
        # emptied when full), so a page's attributes are decoded only when first met.
        self.bits_cache = {}
        self.cached_key_chars = html._CACHED_KEY_CHARS

    @property
    def memo_size(self):
        """How many attribute keys the keyword-bits memo holds."""
        return len(self.bits_cache)

    cdef int _flush(
        self, list parts, Frame *frame, Frame *frames, Py_ssize_t count, Py_ssize_t link_chars,
        list links, object href, list blocks,
    ) except -1:
        # warta.page.html._flush, rule for rule: end the block of ``parts`` in the context of
        # ``frame``; the open elements' ids are frames[:count].
        cdef str raw = "".join(parts)
        cdef str text
        cdef long anc = frame.anc
        cdef Py_ssize_t k, stop
        if anc & self.a_pre:
            text = "\n".join([line.rstrip() for line in raw.strip("\n").split("\n")]).strip()
        elif self.cell_sep in raw:
            text = " | ".join(
                [c for c in [" ".join(x.split()) for x in raw.split(self.cell_sep)] if c]
            )
        else:
            text = " ".join(raw.split())
        if not text:
            return 0
        if anc & self.a_link and not links:
            links = [(text, href)]
        tag = <object> frame.tag
        kind = self.kind_of_tag.get(tag, "paragraph")
        if kind == "paragraph":
            if anc & self.a_pre:
                kind = "code"
            elif anc & self.a_quote:
                kind = "quote"
            elif anc & self.a_li and tag in ("p", "div", "span", "a"):
                kind = "list_item"
            elif anc & self.a_heading:
                kind = "heading"
        stop = count - self.path_len
        if stop < 0:
            stop = 0
        path = tuple([frames[k].ident for k in range(count - 1, stop - 1, -1)])
        blocks.append(self.block(
            text, tag, kind, link_chars, links, anc, frame.hits, frame.near, count, path,
            len(blocks),
        ))
        return 0

    def __call__(self, root):
        """The blocks of the subtree of ``root`` (a ``LexborNode`` or None), as ``_walk``."""
        cdef list blocks = []
        if root is None:
            return blocks
        cdef Py_ssize_t capacity = 256
        cdef Frame *frames = <Frame *> malloc(capacity * sizeof(Frame))
        if frames == NULL:
            raise MemoryError()
        try:
            self._walk(_node_ptr(root), &frames, &capacity, blocks)
        finally:
            free(frames)
        return blocks

    cdef int _walk(self, lxb_dom_node_t *root, Frame **frames_ref, Py_ssize_t *capacity, list blocks) except -1:
        # Line by line the loop of warta.page.html._walk: read that first.
        cdef Frame *frames = frames_ref[0]
        cdef Frame *top
        cdef Frame *grown
        cdef Frame closed
        cdef TagFacts statics[TAG_LAST_ENTRY]
        cdef TagFacts facts
        cdef const lxb_dom_attr_t *found[N_KINDS]
        cdef lxb_dom_node_t *node = root.first_child
        cdef lxb_dom_node_t *child
        cdef lxb_dom_node_t *nxt
        cdef uintptr_t tag_id
        cdef const lexbor_str_t *data
        cdef Py_ssize_t depth = 0
        cdef Py_ssize_t next_id = 1
        cdef Py_ssize_t link_chars = 0
        cdef Py_ssize_t link_start = 0
        cdef Py_ssize_t steps = 0
        cdef long own, anc, near, hits
        cdef bint hidden
        cdef int k
        cdef list parts = []
        cdef list links = []
        cdef list keep = []  # the tag strings the frames and facts borrow
        cdef dict dynamic = {}  # per-document tag id -> the Python walk's _TagEntry
        cdef size_t key_size
        cdef object href = None
        cdef str value
        cdef object entry, style, key, cached, text, tag
        cdef long a_link = self.a_link
        for k in range(TAG_LAST_ENTRY):
            statics[k].state = 0
        tag = "body"
        keep.append(tag)
        frames[0] = Frame(True, False, <PyObject *> tag, 0, 0, 0, 0, NULL, 0)
        top = &frames[0]
        while node != NULL:
            steps += 1
            if (steps & 0xFFFF) == 0:
                PyErr_CheckSignals()  # the page's time bound is a signal handler
            tag_id = node.local_name
            if tag_id == TAG_TEXT:
                if node.type == NODE_TEXT:
                    data = &(<const lxb_dom_character_data_t *> node).data
                    # Leading whitespace is dropped: the common blank text between tags is
                    # told from its bytes, without building a string.
                    if data.data != NULL and data.length and (
                        parts or not _ascii_space(data.data, data.length)
                    ):
                        value = _decode(data.data, data.length)
                        if parts or not value.isspace():
                            parts.append(value)
                            if top.anc & a_link:
                                link_chars += len(value)
            else:
                if tag_id < TAG_LAST_ENTRY and statics[tag_id].state != 0:
                    facts = statics[tag_id]
                else:
                    if tag_id < TAG_LAST_ENTRY:
                        entry = self._entry(node, keep)
                    elif tag_id in dynamic:
                        entry = dynamic[tag_id]
                    else:
                        entry = dynamic[tag_id] = self._entry(node, keep)
                    if entry is None:
                        facts.state = 1
                    else:
                        facts.state = 2
                        facts.tag = <PyObject *> entry[0]
                        facts.flag = entry[1]
                        facts.is_block = entry[2]
                        facts.is_cell = entry[3]
                        facts.is_a = entry[0] == "a"
                    if tag_id < TAG_LAST_ENTRY:
                        statics[tag_id] = facts
                if facts.state == 2:
                    child = node.first_child
                    own = 0
                    anc = top.anc | facts.flag
                    hidden = False
                    if node.type == NODE_ELEMENT and _scan_attrs(node, found):
                        style = _attr_value(found[K_STYLE])
                        if found[K_HIDDEN] != NULL or (style and "none" in style and self.style_hides(style)):
                            hidden = True
                        elif child != NULL:
                            key = _keyword_key(found, &key_size)
                            if key is not None:
                                cached = self.bits_cache.get(key)
                                if cached is None:
                                    cached = self.attr_bits(
                                        _attr_value(found[K_CLASS]), _attr_value(found[K_ID]),
                                        _attr_value(found[K_ROLE]), _attr_value(found[K_ITEMPROP]),
                                    )
                                    if key_size <= self.cached_key_chars:
                                        if len(self.bits_cache) >= _BITS_CACHE_SIZE:
                                            self.bits_cache.clear()
                                        self.bits_cache[key] = cached
                                own = cached
                                if _value_size(found[K_ITEMPROP]) == 11 and memcmp(
                                    found[K_ITEMPROP].value.data, b"articleBody", 11
                                ) == 0:
                                    anc |= self.a_articlebody
                        if facts.is_a and not hidden:
                            href = _attr_value(found[K_HREF])
                            link_start = len(parts)
                    elif facts.is_a:
                        href = None
                        link_start = len(parts)
                    if not hidden:
                        if facts.is_block:
                            if parts:
                                self._flush(parts, top, frames, depth + 1, link_chars, links, href, blocks)
                                parts = []
                                link_chars = 0
                                links = []
                                link_start = 0
                            near = top.own | own
                        else:
                            if facts.is_cell and parts:
                                parts.append(self.cell_sep)
                            near = top.near | own
                        if child != NULL:
                            hits = top.hits | own  # read before a realloc moves the frames
                            if depth + 1 >= capacity[0]:
                                grown = <Frame *> realloc(frames, 2 * capacity[0] * sizeof(Frame))
                                if grown == NULL:
                                    raise MemoryError()
                                frames = frames_ref[0] = grown
                                capacity[0] *= 2
                            depth += 1
                            frames[depth] = Frame(
                                facts.is_block, facts.is_a, facts.tag, anc, hits, near,
                                own, node, next_id,
                            )
                            top = &frames[depth]
                            next_id += 1
                            node = child
                            continue
                        next_id += 1
                        if facts.is_a:
                            href = None
            # Go to the next node in document order, closing the elements left on the way up.
            nxt = node.next
            while nxt == NULL and depth:
                closed = frames[depth]
                depth -= 1
                top = &frames[depth]
                if closed.is_a:
                    text = " ".join("".join(parts[link_start:]).split())
                    if text:
                        links.append((text, href))
                    href = None
                if closed.is_block and parts:
                    self._flush(parts, &closed, frames, depth + 2, link_chars, links, href, blocks)
                    parts = []
                    link_chars = 0
                    links = []
                    link_start = 0
                node = closed.node
                nxt = node.next
            node = nxt
        if parts:
            self._flush(parts, top, frames, depth + 1, link_chars, links, href, blocks)
        return 0

    cdef object _entry(self, lxb_dom_node_t *node, list keep):
        tag = _node_tag(node)
        entry = self.tag_entry(tag or "")
        if entry is not None:
            keep.append(entry)
        return entry


# The import-time check: probe pages with what the walk meets on real pages (custom tags and
# attributes, names longer than Lexbor's 16-byte short strings, duplicate and valueless
# attributes, comments, templates, foreign content, tables, invalid UTF-8, hidden subtrees).
_LONG = "x" * 40
PROBE_PAGES = (
    b"<!DOCTYPE html><html lang=id><head><title>T \xc3\xa9</title><meta property='og:title' "
    b"content='A'><style>p{}</style><script>var a='<p>';</script></head><body class='home page'>"
    b"<!-- a comment --><header role=banner><nav id=menu><ul><li><a href='/a'>Home</a></li>"
    b"<li><a href='/b' class=''>News <b>now</b></a></li></ul></nav></header>"
    b"<main><article itemscope itemprop=articleBody data-very-long-attribute-name-here='v'>"
    b"<h1 CLASS='Title' ID=h>Headline \xe2\x80\x94 here</h1><p>Text with <a href=/x>a link</a>"
    b" and <em>emphasis</em>.<br>After break</p><div hidden><p>hidden</p></div>"
    b"<div style='display: none'><p>gone</p></div><div style='color:red'>shown</div>"
    b"<my-custom-element-with-a-long-name class=widget>custom <x-y>inner</x-y></my-custom-"
    b"element-with-a-long-name><table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"
    b"<pre>  code\n   line  </pre><blockquote><p>quote</p></blockquote><template><p>t</p>"
    b"</template><svg><a xlink:href='/s'>svg</a></svg><math><mi>x</mi></math><dl><dt>term"
    b"<dd>def</dl><figure><img src=a.jpg alt=''><figcaption>cap</figcaption></figure>"
    b"<p class id=\"\" role itemprop>empty attrs</p><p class=a class=b>dup</p>"
    b"<div role=complementary class='sidebar widget'><span>side</span></div>"
    b"<p>bad \xff\xfe utf8 \xc3</p><p title='\xff'>x</p><select><option>o</select>"
    b"<button>b</button><iframe src=x></iframe><noscript>ns</noscript><a>no href</a>"
    b"<a href=/l><div>block in link</div></a><p>   </p><p>\n</p><b><p>bold p</p></b>"
    b"</article></main><aside><p>aside</p></aside><footer><p>&copy; 2024 &amp; co</p>"
    b"</footer><frameset></frameset></body></html>",
    ("<html><body><div id=" + _LONG + " class='" + _LONG + " nav' role=" + _LONG + " itemprop="
     + _LONG + " style='" + _LONG + "'><p>long</p>" + "<div>" * 300 + "deep"
     + "</div>" * 300 + "<" + _LONG + " " + _LONG + "=1>x</" + _LONG + "></div>"
     + "<table><td>1<td>2<tr><td>3</table><li>loose<li>items<h2>h <a href=#>in</a></h2>"
     + "<p>unclosed<p>paras<center>c</center><address>ad</address></body></html>").encode(),
    b"plain text, no tags at all",
    b"<p>one</p>",
    b"",
)


def _python_probe(root):
    """What :func:`probe_nodes` should read, through selectolax's Python API."""
    out = []
    node = root
    while node is not None:
        parent = node.parent
        nxt = node.next
        child = node.child
        if node.is_element_node:
            attrs = node.attributes
            found = (bool(attrs), *(attrs.get(name) for name in ATTR_NAMES[:6]), ATTR_NAMES[6] in attrs)
        else:
            found = None
        out.append((
            node.mem_id, parent.mem_id if parent is not None else 0,
            nxt.mem_id if nxt is not None else 0, child.mem_id if child is not None else 0,
            node.tag_id, node.tag, node.text_content, found,
        ))
        if child is not None:
            node = child
            continue
        while node.mem_id != root.mem_id and node.next is None:
            node = node.parent
        if node.mem_id == root.mem_id:
            break
        node = node.next
    return out


def _block_facts(blocks):
    return [
        tuple(getattr(block, name) for name in type(block).__slots__) for block in blocks
    ]


def check(walker, python_walk):
    """Why ``walker`` must not be used (a mismatch with the Python API or the Python walk on the
    probe pages), or None when it agrees everywhere."""
    from selectolax.lexbor import LexborHTMLParser

    for number, page in enumerate(PROBE_PAGES):
        tree = LexborHTMLParser(page)
        root = tree.root
        if root is None:
            continue
        compiled = probe_nodes(root)
        expected = _python_probe(root)
        compiled[0] = compiled[0][:1] + (0,) + compiled[0][2:]  # the root's parent: not compared
        expected[0] = expected[0][:1] + (0,) + expected[0][2:]
        if compiled != expected:
            where = next(
                (i for i, (a, b) in enumerate(zip(compiled, expected, strict=False)) if a != b),
                min(len(compiled), len(expected)),
            )
            return f"probe page {number}: node {where} reads differently"
        for start in (tree.body, tree.root, tree.head):
            if _block_facts(walker(start)) != _block_facts(python_walk(start)):
                return f"probe page {number}: blocks differ"
    return None
