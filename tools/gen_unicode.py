"""Generates csrc/builtins/unicode_data.h from Python's unicodedata (and str.upper/lower, which
implement the full, language-independent case mappings of SpecialCasing.txt).

Used by builtins/string.c for toUpperCase/toLowerCase and normalize. Run it after a Python
upgrade that changes unicodedata.unidata_version: `python tools/gen_unicode.py`.
It also writes csrc/regexp/unicode_tables.h for the regexp engine (Canonicalize in both modes,
group-name identifier characters, and the \\p{...} property sets). It only writes those two
headers; it never touches other files.
"""
import pathlib
import sys
import unicodedata

OUT = pathlib.Path(__file__).resolve().parent.parent / "csrc" / "builtins" / "unicode_data.h"
REGEXP_OUT = pathlib.Path(__file__).resolve().parent.parent / "csrc" / "regexp" / "unicode_tables.h"
MAX_CP = 0x110000
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def utf16(s):
    units = []
    for ch in s:
        c = ord(ch)
        if c >= 0x10000:
            c -= 0x10000
            units += [0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)]
        else:
            units.append(c)
    return units


def is_surrogate(c):
    return 0xD800 <= c <= 0xDFFF


def case_tables(convert):
    """Simple (one code point to one) deltas as runs with stride 1 or 2, plus the multi-unit
    special mappings. Runs: (start, count, stride, delta)."""
    deltas = {}
    special = {}
    for c in range(MAX_CP):
        if is_surrogate(c):
            continue
        mapped = convert(chr(c))
        if len(mapped) == 1:
            if ord(mapped) != c:
                deltas[c] = ord(mapped) - c
        else:
            special[c] = utf16(mapped)
    runs = []
    codes = sorted(deltas)
    i = 0
    while i < len(codes):
        start = codes[i]
        delta = deltas[start]
        best = (1, 1)
        for stride in (1, 2):
            count = 1
            while start + count * stride in deltas and deltas[start + count * stride] == delta and \
                    all(start + count * stride - k not in deltas for k in range(1, stride)):
                count += 1
            if count > best[0]:
                best = (count, stride)
        count, stride = best
        runs.append((start, count, stride, delta))
        covered = {start + k * stride for k in range(count)}
        while i < len(codes) and codes[i] in covered:
            i += 1
    return runs, special


def final_sigma_properties():
    """Case_Ignorable and Cased as ranges, probed through str.lower()'s Final_Sigma rule (CPython
    implements it with exactly these two properties). A case-ignorable character is skipped
    before its cased-ness is ever asked, so Cased is only meaningful for the others."""
    ignorable, cased = [], []
    for c in range(MAX_CP):
        if is_surrogate(c):
            continue
        ch = chr(c)
        before = ("A" + ch + "\u03a3").lower()[-1] == "\u03c2"
        after = ("A\u03a3" + ch).lower()[1] == "\u03c2"
        if before and after:
            ignorable.append(c)
        elif before:
            cased.append(c)
    return to_ranges(ignorable), to_ranges(cased)


def to_ranges(codes):
    ranges = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return ranges


def ccc_runs():
    runs = []
    c = 0
    while c < MAX_CP:
        ccc = unicodedata.combining(chr(c)) if not is_surrogate(c) else 0
        if ccc == 0:
            c += 1
            continue
        start = c
        while c < MAX_CP and not is_surrogate(c) and unicodedata.combining(chr(c)) == ccc:
            c += 1
        runs.append((start, c - start, ccc))
    return runs


def decompositions():
    """Per code point (Hangul syllables excluded: they decompose algorithmically) its full NFD
    and NFKD expansions, as code points."""
    entries = []
    for c in range(MAX_CP):
        if is_surrogate(c) or HANGUL_FIRST <= c <= HANGUL_LAST:
            continue
        ch = chr(c)
        nfd = unicodedata.normalize("NFD", ch)
        nfkd = unicodedata.normalize("NFKD", ch)
        if nfd != ch or nfkd != ch:
            entries.append((c, [ord(x) for x in nfd], [ord(x) for x in nfkd]))
    return entries


def compositions():
    """Primary composites: (first, second) -> composite, excluding composition exclusions."""
    pairs = []
    for c in range(MAX_CP):
        if is_surrogate(c) or HANGUL_FIRST <= c <= HANGUL_LAST:
            continue
        d = unicodedata.decomposition(chr(c))
        if not d or d.startswith("<"):
            continue
        parts = [int(x, 16) for x in d.split()]
        if len(parts) != 2:
            continue
        if unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) != chr(c):
            continue   # excluded from composition
        pairs.append((parts[0], parts[1], c))
    pairs.sort()
    return pairs


def emit_array(lines, ctype, name, rows, per_line=8):
    lines.append(f"static const {ctype} {name}[] = {{")
    for i in range(0, len(rows), per_line):
        lines.append("    " + " ".join(rows[i:i + per_line]))
    lines.append("};")


def main():
    lines = [
        "/*",
        " * Generated by tools/gen_unicode.py from Python's unicodedata "
        f"(Unicode {unicodedata.unidata_version}); do not edit.",
        " * Case runs: {start, count, stride, delta}: start + k*stride maps to itself + delta.",
        " * Special case mappings: {code point, length, UTF-16 units}. Combining classes: {start,",
        " * count, class}. Decompositions: {code point, NFD offset, NFD length, NFKD offset, NFKD",
        " * length} into unicode_decomposition_pool (code points). Compositions: sorted pairs.",
        " * Case_Ignorable and Cased (for Final_Sigma): sorted inclusive ranges.",
        " */",
        "#ifndef JST_UNICODE_DATA_H",
        "#define JST_UNICODE_DATA_H",
        "#include <stdint.h>",
        "",
        "typedef struct CaseRun { uint32_t start; uint16_t count; uint8_t stride; int32_t delta; } CaseRun;",
        "typedef struct CaseSpecial { uint32_t code_point; uint8_t length; uint16_t units[3]; } CaseSpecial;",
        "typedef struct CombiningRun { uint32_t start; uint16_t count; uint8_t ccc; } CombiningRun;",
        "typedef struct Decomposition { uint32_t code_point; uint16_t nfd_offset; uint8_t nfd_length;",
        "                               uint16_t nfkd_offset; uint8_t nfkd_length; } Decomposition;",
        "typedef struct Composition { uint32_t first, second, composite; } Composition;",
        "typedef struct CodeRange { uint32_t first, last; } CodeRange;",
        "",
    ]
    for name, convert in (("upper", str.upper), ("lower", str.lower)):
        runs, special = case_tables(convert)
        emit_array(lines, "CaseRun", f"unicode_{name}_runs",
                   [f"{{0x{s:X}, {n}, {st}, {d}}}," for s, n, st, d in runs], 4)
        rows = []
        for c in sorted(special):
            units = special[c]
            assert len(units) <= 3, (hex(c), units)
            padded = units + [0] * (3 - len(units))
            rows.append(f"{{0x{c:X}, {len(units)}, {{{', '.join(hex(u) for u in padded)}}}}},")
        emit_array(lines, "CaseSpecial", f"unicode_{name}_special", rows, 3)
        lines.append("")
    ignorable, cased = final_sigma_properties()
    emit_array(lines, "CodeRange", "unicode_case_ignorable",
               [f"{{0x{a:X}, 0x{b:X}}}," for a, b in ignorable], 6)
    emit_array(lines, "CodeRange", "unicode_cased", [f"{{0x{a:X}, 0x{b:X}}}," for a, b in cased], 6)
    lines.append("")
    emit_array(lines, "CombiningRun", "unicode_combining_runs",
               [f"{{0x{s:X}, {n}, {k}}}," for s, n, k in ccc_runs()], 6)
    lines.append("")
    pool = []
    index = {}

    def intern(seq):
        key = tuple(seq)
        if key not in index:
            index[key] = len(pool)
            pool.extend(seq)
        return index[key]

    rows = []
    for c, nfd, nfkd in decompositions():
        a, b = intern(nfd), intern(nfkd)
        assert a < 65536 and b < 65536 and len(nfd) < 256 and len(nfkd) < 256
        rows.append(f"{{0x{c:X}, {a}, {len(nfd)}, {b}, {len(nfkd)}}},")
    emit_array(lines, "Decomposition", "unicode_decompositions", rows, 3)
    emit_array(lines, "uint32_t", "unicode_decomposition_pool", [f"0x{x:X}," for x in pool], 10)
    lines.append("")
    emit_array(lines, "Composition", "unicode_compositions",
               [f"{{0x{a:X}, 0x{b:X}, 0x{c:X}}}," for a, b, c in compositions()], 4)
    lines += ["", "#endif", ""]
    OUT.write_text("\n".join(lines))
    print(f"wrote {OUT}", file=sys.stderr)


# ---- csrc/regexp/unicode_tables.h ----

GENERAL_CATEGORIES = {
    # short name: (long name, other aliases)
    "Cc": ("Control", ["cntrl"]), "Cf": ("Format", []), "Cn": ("Unassigned", []),
    "Co": ("Private_Use", []), "Cs": ("Surrogate", []), "Ll": ("Lowercase_Letter", []),
    "Lm": ("Modifier_Letter", []), "Lo": ("Other_Letter", []), "Lt": ("Titlecase_Letter", []),
    "Lu": ("Uppercase_Letter", []), "Mc": ("Spacing_Mark", []), "Me": ("Enclosing_Mark", []),
    "Mn": ("Nonspacing_Mark", []), "Nd": ("Decimal_Number", ["digit"]), "Nl": ("Letter_Number", []),
    "No": ("Other_Number", []), "Pc": ("Connector_Punctuation", []), "Pd": ("Dash_Punctuation", []),
    "Pe": ("Close_Punctuation", []), "Pf": ("Final_Punctuation", []), "Pi": ("Initial_Punctuation", []),
    "Po": ("Other_Punctuation", []), "Ps": ("Open_Punctuation", []), "Sc": ("Currency_Symbol", []),
    "Sk": ("Modifier_Symbol", []), "Sm": ("Math_Symbol", []), "So": ("Other_Symbol", []),
    "Zl": ("Line_Separator", []), "Zp": ("Paragraph_Separator", []), "Zs": ("Space_Separator", []),
}
CATEGORY_GROUPS = {
    "C": ("Other", [], "Cc Cf Cn Co Cs"), "L": ("Letter", [], "Ll Lm Lo Lt Lu"),
    "LC": ("Cased_Letter", [], "Ll Lt Lu"), "M": ("Mark", ["Combining_Mark"], "Mc Me Mn"),
    "N": ("Number", [], "Nd Nl No"), "P": ("Punctuation", ["punct"], "Pc Pd Pe Pf Pi Po Ps"),
    "S": ("Symbol", [], "Sc Sk Sm So"), "Z": ("Separator", [], "Zl Zp Zs"),
}


def simple_case_fold(c):
    """scf(c) (CaseFolding.txt statuses C and S). unicodedata has only the full folding
    (str.casefold): when that is one character it is the simple one; otherwise the simple
    folding, where one exists, is the single-character lowercase with the same full folding."""
    ch = chr(c)
    full = ch.casefold()
    if len(full) == 1:
        return ord(full)
    lower = ch.lower()
    if len(lower) == 1 and lower.casefold() == full:
        return ord(lower)
    return c


def canonicalize_non_unicode(c):
    """Canonicalize for non-unicode patterns (§22.2.2.7.3): toUpperCase when it gives one code
    unit, unless that maps a non-ASCII character to ASCII."""
    upper = chr(c).upper()
    if len(upper) != 1:
        return c
    u = ord(upper)
    if c >= 128 and u < 128:
        return c
    return u


def binary_properties(categories):
    """Binary properties unicodedata can give exactly (or, for ID_Start/ID_Continue, through
    str.isidentifier's XID sets). name -> set of code points."""
    props = {}
    cps = range(MAX_CP)
    props["Any"] = None  # every code point
    props["ASCII"] = set(range(128))
    props["Assigned"] = {c for c in cps if categories[c] != "Cn"}
    props["ASCII_Hex_Digit"] = {ord(x) for x in "0123456789abcdefABCDEF"}
    props["Hex_Digit"] = props["ASCII_Hex_Digit"] | set(range(0xFF10, 0xFF1A)) | \
        set(range(0xFF21, 0xFF27)) | set(range(0xFF41, 0xFF47))
    props["Bidi_Mirrored"] = {c for c in cps if unicodedata.mirrored(chr(c))}
    props["White_Space"] = {c for c in cps if chr(c).isspace() and not 0x1C <= c <= 0x1F} | {0x85}
    props["XID_Start"] = {c for c in cps if chr(c).isidentifier() and c != ord("_")}
    props["XID_Continue"] = {c for c in cps if ("a" + chr(c)).isidentifier()}
    # ID_Start differs from XID_Start only by a few NFKC-unstable characters; these two are
    # the ones the identifier grammar cares about (Other_ID_Start katakana voicing marks).
    props["ID_Start"] = props["XID_Start"] | {0x309B, 0x309C}
    props["ID_Continue"] = props["XID_Continue"] | props["ID_Start"]
    props["Changes_When_Lowercased"] = {c for c in cps if not 0xD800 <= c <= 0xDFFF and
                                        unicodedata.normalize("NFD", chr(c)).lower() != unicodedata.normalize("NFD", chr(c))}
    props["Changes_When_Uppercased"] = {c for c in cps if not 0xD800 <= c <= 0xDFFF and
                                        unicodedata.normalize("NFD", chr(c)).upper() != unicodedata.normalize("NFD", chr(c))}
    props["Changes_When_Titlecased"] = {c for c in cps if not 0xD800 <= c <= 0xDFFF and
                                        unicodedata.normalize("NFD", chr(c)).title() != unicodedata.normalize("NFD", chr(c))}
    props["Changes_When_Casefolded"] = {c for c in cps if not 0xD800 <= c <= 0xDFFF and
                                        unicodedata.normalize("NFD", chr(c)).casefold() != unicodedata.normalize("NFD", chr(c))}
    props["Changes_When_Casemapped"] = props["Changes_When_Lowercased"] | props["Changes_When_Uppercased"] | \
        props["Changes_When_Titlecased"]
    # CPython's islower/isupper of one character test exactly the derived Lowercase and
    # Uppercase properties (makeunicodedata.py's LOWER_MASK and UPPER_MASK); Cased is their union
    # with Lt by definition (UAX #44).
    props["Lowercase"] = {c for c in cps if chr(c).islower()}
    props["Uppercase"] = {c for c in cps if chr(c).isupper()}
    props["Cased"] = props["Lowercase"] | props["Uppercase"] | {c for c in cps if categories[c] == "Lt"}
    ignorable, _ = final_sigma_properties()
    props["Case_Ignorable"] = {c for a, b in ignorable for c in range(a, b + 1)}
    return props


BINARY_ALIASES = {
    "ASCII_Hex_Digit": "AHex", "Hex_Digit": "Hex", "Bidi_Mirrored": "Bidi_M", "White_Space": "space",
    "XID_Start": "XIDS", "XID_Continue": "XIDC", "ID_Start": "IDS", "ID_Continue": "IDC",
    "Changes_When_Lowercased": "CWL", "Changes_When_Uppercased": "CWU", "Changes_When_Titlecased": "CWT",
    "Changes_When_Casefolded": "CWCF", "Changes_When_Casemapped": "CWCM", "Case_Ignorable": "CI",
    "Lowercase": "Lower", "Uppercase": "Upper",
}


def emit_pairs(lines, name, rows, per_line=6):
    """A `static const uint32_t name[][2]` table of {first, second} rows."""
    lines.append(f"static const uint32_t {name}[][2] = {{")
    cells = [f"{{0x{a:X}, 0x{b:X}}}," for a, b in rows]
    for i in range(0, len(cells), per_line):
        lines.append("    " + " ".join(cells[i:i + per_line]))
    lines.append("};")


def regexp_tables():
    categories = [unicodedata.category(chr(c)) for c in range(MAX_CP)]
    lines = [
        "/*",
        " * Generated by tools/gen_unicode.py from Python's unicodedata "
        f"(Unicode {unicodedata.unidata_version}); do not edit.",
        " * Case pairs: {c, Canonicalize(c)} for every c that Canonicalize changes, sorted (unicode:",
        " * simple case folding; non-unicode: the single-unit toUpperCase rule). Properties: inclusive",
        " * ranges in regex_property_pool; each name (with its aliases) gives an offset and a count.",
        " * Script and Script_Extensions are missing: unicodedata does not have them.",
        " */",
        "#ifndef JST_REGEXP_UNICODE_TABLES_H",
        "#define JST_REGEXP_UNICODE_TABLES_H",
        "#include <stdint.h>",
        "",
        "typedef struct RegexPropertyName { const char *name; uint32_t offset, count; uint8_t kind; } RegexPropertyName;",
        "enum { REGEX_PROPERTY_CATEGORY = 1, REGEX_PROPERTY_BINARY = 2 };",
        "",
    ]
    for name, canon, limit in (("unicode", simple_case_fold, MAX_CP),
                               ("legacy", canonicalize_non_unicode, 0x10000)):
        pairs = [(c, canon(c)) for c in range(limit)]
        pairs = [(c, k) for c, k in pairs if c != k]
        emit_pairs(lines, f"regex_case_pairs_{name}", pairs)
    lines.append("")
    start = {c for c in range(MAX_CP) if chr(c).isidentifier()}
    cont = {c for c in range(MAX_CP) if ("a" + chr(c)).isidentifier()}
    emit_pairs(lines, "regex_id_start", to_ranges(sorted(start)))
    emit_pairs(lines, "regex_id_continue", to_ranges(sorted(cont)))
    lines.append("")
    pool = []
    names = []

    def add(name_list, codes, kind):
        ranges = to_ranges(sorted(codes)) if codes is not None else [(0, MAX_CP - 1)]
        offset = len(pool)
        pool.extend(ranges)
        for n in name_list:
            names.append((n, offset, len(ranges), kind))

    by_category = {}
    for c, k in enumerate(categories):
        by_category.setdefault(k, []).append(c)
    for short, (long, aliases, members) in CATEGORY_GROUPS.items():
        codes = [c for m in members.split() for c in by_category.get(m, [])]
        add([short, long] + aliases, codes, 1)
    for short, (long, aliases) in GENERAL_CATEGORIES.items():
        add([short, long] + aliases, by_category.get(short, []), 1)
    for name, codes in binary_properties(categories).items():
        add([name] + ([BINARY_ALIASES[name]] if name in BINARY_ALIASES else []), codes, 2)
    names.sort()
    emit_pairs(lines, "regex_property_pool", pool)
    emit_array(lines, "RegexPropertyName", "regex_property_names",
               [f'{{"{n}", {o}, {k}, {kind}}},' for n, o, k, kind in names], 2)
    lines += ["", "#endif", ""]
    REGEXP_OUT.write_text("\n".join(lines))
    print(f"wrote {REGEXP_OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
    regexp_tables()
