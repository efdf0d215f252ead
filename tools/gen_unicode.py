"""Generates csrc/builtins/unicode_data.h from Python's unicodedata (and str.upper/lower, which
implement the full, language-independent case mappings of SpecialCasing.txt).

Used by builtins/string.c for toUpperCase/toLowerCase and normalize. Run it after a Python
upgrade that changes unicodedata.unidata_version: `python tools/gen_unicode.py`.
It also writes csrc/regexp/unicode_tables.h for the regexp engine (Canonicalize in both modes,
group-name identifier characters, and the \\p{...} property sets) and the property names that
the literal validator accepts, jsthreads/parse/regexp_properties.py; it never touches other files.

unicodedata has no Script, Script_Extensions or most binary properties (and trails test262's
Unicode version), so the \\p{...} sets come from node's ICU instead: `node` on PATH or --node.
Script value aliases come from perl's Unicode::UCD plus NEWER_SCRIPTS. The outputs are checked
in, so building never needs node or perl; only regenerating does.
`python tools/gen_unicode.py --regexp-only` rewrites just the regexp files.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import unicodedata

OUT = pathlib.Path(__file__).resolve().parent.parent / "csrc" / "builtins" / "unicode_data.h"
REGEXP_OUT = pathlib.Path(__file__).resolve().parent.parent / "csrc" / "regexp" / "unicode_tables.h"
NAMES_OUT = pathlib.Path(__file__).resolve().parent.parent / "jsthreads" / "parse" / "regexp_properties.py"
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


# Simple case foldings CaseFolding.txt gained in Unicode 15.1 for characters that existed before
# (ΐ/ΰ and the "st" ligatures, which already shared a full folding): added while unicodedata is
# older than that.
CASE_FOLDING_15_1 = {0x1FD3: 0x0390, 0x1FE3: 0x03B0, 0xFB05: 0xFB06}


def simple_case_fold(c):
    """scf(c) (CaseFolding.txt statuses C and S). unicodedata has only the full folding
    (str.casefold): when that is one character it is the simple one; otherwise the simple
    folding, where one exists, is the single-character lowercase with the same full folding."""
    if c in CASE_FOLDING_15_1 and tuple(map(int, unicodedata.unidata_version.split("."))) < (15, 1):
        return CASE_FOLDING_15_1[c]
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


# The binary properties of ECMA-262's table "Binary Unicode property aliases", as (canonical name,
# alias or None).
BINARY_PROPERTIES = [
    ("ASCII", None), ("ASCII_Hex_Digit", "AHex"), ("Alphabetic", "Alpha"), ("Any", None),
    ("Assigned", None), ("Bidi_Control", "Bidi_C"), ("Bidi_Mirrored", "Bidi_M"),
    ("Case_Ignorable", "CI"), ("Cased", None), ("Changes_When_Casefolded", "CWCF"),
    ("Changes_When_Casemapped", "CWCM"), ("Changes_When_Lowercased", "CWL"),
    ("Changes_When_NFKC_Casefolded", "CWKCF"), ("Changes_When_Titlecased", "CWT"),
    ("Changes_When_Uppercased", "CWU"), ("Dash", None), ("Default_Ignorable_Code_Point", "DI"),
    ("Deprecated", "Dep"), ("Diacritic", "Dia"), ("Emoji", None), ("Emoji_Component", "EComp"),
    ("Emoji_Modifier", "EMod"), ("Emoji_Modifier_Base", "EBase"), ("Emoji_Presentation", "EPres"),
    ("Extended_Pictographic", "ExtPict"), ("Extender", "Ext"), ("Grapheme_Base", "Gr_Base"),
    ("Grapheme_Extend", "Gr_Ext"), ("Hex_Digit", "Hex"), ("IDS_Binary_Operator", "IDSB"),
    ("IDS_Trinary_Operator", "IDST"), ("ID_Continue", "IDC"), ("ID_Start", "IDS"),
    ("Ideographic", "Ideo"), ("Join_Control", "Join_C"), ("Logical_Order_Exception", "LOE"),
    ("Lowercase", "Lower"), ("Math", None), ("Noncharacter_Code_Point", "NChar"),
    ("Pattern_Syntax", "Pat_Syn"), ("Pattern_White_Space", "Pat_WS"), ("Quotation_Mark", "QMark"),
    ("Radical", None), ("Regional_Indicator", "RI"), ("Sentence_Terminal", "STerm"),
    ("Soft_Dotted", "SD"), ("Terminal_Punctuation", "Term"), ("Unified_Ideograph", "UIdeo"),
    ("Uppercase", "Upper"), ("Variation_Selector", "VS"), ("White_Space", "space"),
    ("XID_Continue", "XIDC"), ("XID_Start", "XIDS"),
]

# Scripts encoded after Unicode 14 (the version of perl's Unicode::UCD on our machines), with
# their PropertyValueAliases.txt names: short, long.
NEWER_SCRIPTS = [
    ("Kawi", "Kawi"), ("Nagm", "Nag_Mundari"),                                    # 15.0
    ("Gara", "Garay"), ("Gukh", "Gurung_Khema"), ("Krai", "Kirat_Rai"), ("Onao", "Ol_Onal"),
    ("Sunu", "Sunuwar"), ("Todr", "Todhri"), ("Tutg", "Tulu_Tigalari"),           # 16.0
    ("Berf", "Beria_Erfe"), ("Sidt", "Sidetic"), ("Tayo", "Tai_Yo"), ("Tols", "Tolong_Siki"),  # 17.0
]

# Runs in node: reads a JSON list of property expressions ("L", "sc=Adlm", ...) and prints, per
# expression, its code point ranges, or null when V8 rejects the name. One global match over a
# string of every non-surrogate code point finds the runs; the 2048 surrogates (which would pair
# up inside such a string) are tested one by one.
NODE_PROBE = r"""
const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
const parts = [];
for (let c = 0; c < 0x110000; c++) if (c < 0xD800 || c > 0xDFFF) parts.push(String.fromCodePoint(c));
const all = parts.join("");
const toCp = (i) => i < 0xD800 ? i : i < 0xF800 ? i + 0x800 : 0x10000 + ((i - 0xF800) >> 1);
const out = {};
for (const q of queries) {
    let re, one;
    try { re = new RegExp("\\p{" + q + "}+", "gu"); one = new RegExp("^\\p{" + q + "}$", "u"); }
    catch (e) { out[q] = null; continue; }
    const ranges = [];
    for (const m of all.matchAll(re)) ranges.push([toCp(m.index), toCp(m.index + m[0].length - 1)]);
    for (let c = 0xD800; c <= 0xDFFF; c++) if (one.test(String.fromCharCode(c))) ranges.push([c, c]);
    out[q] = ranges;
}
process.stdout.write(JSON.stringify({unicode: process.versions.unicode, sets: out}));
"""


def script_aliases():
    """[(short, long, other aliases...)] for every Script value: perl's Unicode::UCD (the
    PropertyValueAliases.txt of its Unicode version) plus NEWER_SCRIPTS."""
    perl = ('use Unicode::UCD qw(prop_values prop_value_aliases);'
            'print join(",", prop_value_aliases("sc", $_)), "\\n" for sort(prop_values("sc"));')
    text = subprocess.run(["perl", "-e", perl], check=True, capture_output=True, text=True).stdout
    scripts = [tuple(line.split(",")) for line in text.split()]
    known = {s[0] for s in scripts}
    return scripts + [s for s in NEWER_SCRIPTS if s[0] not in known]


def node_property_sets(node, queries):
    """{expression: ranges or None} from node's ICU, plus its Unicode version."""
    result = subprocess.run([node, "-e", NODE_PROBE], input=json.dumps(queries), check=True,
                            capture_output=True, text=True)
    data = json.loads(result.stdout)
    sets = {}
    for q, ranges in data["sets"].items():
        if ranges is None:
            sets[q] = None
            continue
        merged = []
        for a, b in sorted(ranges):
            if merged and a <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        sets[q] = merged
    return sets, data["unicode"]


def emit_pairs(lines, name, rows, per_line=6):
    """A `static const uint32_t name[][2]` table of {first, second} rows."""
    lines.append(f"static const uint32_t {name}[][2] = {{")
    cells = [f"{{0x{a:X}, 0x{b:X}}}," for a, b in rows]
    for i in range(0, len(cells), per_line):
        lines.append("    " + " ".join(cells[i:i + per_line]))
    lines.append("};")


def regexp_property_sets(node):
    """The \\p{...} sets as [(names, kind, ranges)], all from node's ICU so that every set is of
    one Unicode version (unicodedata lags behind). kind: 1 General_Category value, 2 binary
    property, 3 Script value (names "sc=..."), 4 Script_Extensions value ("scx=..."). A name V8
    rejects is left out, so we accept exactly what node accepts."""
    groups = []
    for short, (long, aliases, _) in CATEGORY_GROUPS.items():
        groups.append(([short, long] + aliases, 1, short))
    for short, (long, aliases) in GENERAL_CATEGORIES.items():
        groups.append(([short, long] + aliases, 1, short))
    for name, alias in BINARY_PROPERTIES:
        groups.append(([name] + ([alias] if alias else []), 2, name))
    for aliases in script_aliases():
        groups.append((["sc=" + a for a in aliases], 3, "sc=" + aliases[0]))
        groups.append((["scx=" + a for a in aliases], 4, "scx=" + aliases[0]))
    probe = [name for names, _, _ in groups for name in names]
    sets, version = node_property_sets(node, probe)
    result = []
    for names, kind, key in groups:
        accepted = [n for n in names if sets[n] is not None]
        if not accepted:
            print(f"node rejects {names}: left out", file=sys.stderr)
            continue
        assert all(sets[n] == sets[accepted[0]] for n in accepted), names
        result.append((accepted, kind, sets[accepted[0]]))
    return result, version


def regexp_names_module(sets, version):
    """jsthreads/parse/regexp_properties.py: the names validate_regex accepts in \\p{...}."""
    by_kind = {k: sorted(n for names, kind, _ in sets if kind == k for n in names) for k in (1, 2, 3)}
    values = sorted(n.split("=", 1)[1] for n in by_kind[3])

    def frozen(name, items):
        body = "".join(f"    {item!r},\n" for item in items)
        return f"{name} = frozenset([\n{body}])\n"

    text = (f'"""Generated by tools/gen_unicode.py from node\'s ICU (Unicode {version}); do not edit.\n'
            "The property names and values RegExp property escapes accept (with the C tables in\n"
            'csrc/regexp/unicode_tables.h, which come from the same run)."""\n\n'
            + frozen("GENERAL_CATEGORY_VALUES", by_kind[1]) + "\n"
            + frozen("BINARY_PROPERTIES", by_kind[2]) + "\n"
            + frozen("SCRIPT_VALUES", values))
    NAMES_OUT.write_text(text)
    print(f"wrote {NAMES_OUT}", file=sys.stderr)


def regexp_tables(node):
    sets, version = regexp_property_sets(node)
    lines = [
        "/*",
        " * Generated by tools/gen_unicode.py; do not edit. Case pairs and identifier characters come",
        f" * from Python's unicodedata (Unicode {unicodedata.unidata_version}); the property sets from node's ICU",
        f" * (Unicode {version}; Script value aliases from perl's Unicode::UCD plus newer scripts).",
        " * Case pairs: {c, Canonicalize(c)} for every c that Canonicalize changes, sorted (unicode:",
        " * simple case folding; non-unicode: the single-unit toUpperCase rule). Properties: inclusive",
        " * ranges in regex_property_pool; each name (with its aliases) gives an offset and a count.",
        " * Script values are named \"sc=Value\", Script_Extensions values \"scx=Value\".",
        " */",
        "#ifndef JST_REGEXP_UNICODE_TABLES_H",
        "#define JST_REGEXP_UNICODE_TABLES_H",
        "#include <stdint.h>",
        "",
        "typedef struct RegexPropertyName { const char *name; uint32_t offset, count; uint8_t kind; } RegexPropertyName;",
        "enum { REGEX_PROPERTY_CATEGORY = 1, REGEX_PROPERTY_BINARY = 2, REGEX_PROPERTY_SCRIPT = 3,",
        "       REGEX_PROPERTY_SCRIPT_EXTENSIONS = 4 };",
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
    for name_list, kind, ranges in sets:
        offset = len(pool)
        pool.extend(ranges)
        for n in name_list:
            names.append((n, offset, len(ranges), kind))
    names.sort()
    emit_pairs(lines, "regex_property_pool", pool)
    emit_array(lines, "RegexPropertyName", "regex_property_names",
               [f'{{"{n}", {o}, {k}, {kind}}},' for n, o, k, kind in names], 2)
    lines += ["", "#endif", ""]
    REGEXP_OUT.write_text("\n".join(lines))
    print(f"wrote {REGEXP_OUT}", file=sys.stderr)
    regexp_names_module(sets, version)


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--node", default=shutil.which("node"),
                        help="the node binary whose ICU gives the \\p{...} sets (default: node on PATH)")
    parser.add_argument("--regexp-only", action="store_true",
                        help="write only the regexp tables, not csrc/builtins/unicode_data.h")
    args = parser.parse_args()
    if not args.node:
        sys.exit("gen_unicode.py: node is needed for the RegExp property tables (--node PATH)")
    if not args.regexp_only:
        main()
    regexp_tables(args.node)
