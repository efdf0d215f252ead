"""test262 parse check: runs jsthreads.parse over test262's test/language tree and reports how
many positive tests parse and how many parse-negative tests raise JSSyntaxError.

Not a pytest module (the name does not match test_*.py): run it by hand,
    python tests/parse/test262_parse_check.py [-v] [--root DIR] [PATH_SUBSTRING ...]
Any exception other than JSSyntaxError is a crash and is always listed: the front end must never
show a Python traceback. Module tests and tests of features newer than ES2020 are not scored
(they are still parsed, as a crash test);
onlyStrict tests run with "use strict" prepended, noStrict/raw tests as-is, others both ways.
"""

import argparse
import multiprocessing
import os
import re
import sys
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from jsthreads.parse import JSSyntaxError, parse  # noqa: E402

DEFAULT_ROOT = "/work/shared/test262/test/language"

# Syntax from after ES2020 that the front end does not promise to handle.
POST_ES2020_FEATURES = {
    "class-fields-private", "class-fields-private-in", "class-methods-private",
    "class-static-methods-private", "class-static-fields-private", "class-static-block",
    "logical-assignment-operators", "numeric-separator-literal", "top-level-await", "hashbang",
    "import-assertions", "import-attributes", "regexp-v-flag", "regexp-duplicate-named-groups",
    "regexp-modifiers", "regexp-match-indices", "decorators", "arbitrary-module-namespace-names",
    "explicit-resource-management", "source-phase-imports", "import-defer", "json-modules",
    "class-fields-public", "class-static-fields-public",
}

_FRONTMATTER = re.compile(r"/\*---(.*?)---\*/", re.S)


def read_test(path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    match = _FRONTMATTER.search(source)
    meta = match.group(1) if match else ""
    flags = re.search(r"^\s*flags:\s*\[(.*?)\]", meta, re.M)
    flags = {f.strip() for f in flags.group(1).split(",")} if flags else set()
    features = re.search(r"^\s*features:\s*\[(.*?)\]", meta, re.M | re.S)
    features = {f.strip() for f in features.group(1).split(",")} if features else set()
    negative = bool(re.search(r"negative:\s*\n\s*phase:\s*parse", meta))
    return source, flags, features, negative


def check_file(path):
    """Return (path, kind, failures, crashes): kind is 'positive', 'negative' or None (skipped);
    failures lists the modes that gave the wrong outcome, crashes holds tracebacks."""
    source, flags, features, negative = read_test(path)
    if "module" in flags or features & POST_ES2020_FEATURES:
        # Not scored, but still a crash test: any input must parse or raise JSSyntaxError.
        try:
            parse(source, path, module="module" in flags)
        except JSSyntaxError:
            pass
        except Exception:  # noqa: BLE001
            return path, None, [], ["%s [skipped test]\n%s" % (path, traceback.format_exc())]
        return path, None, [], []
    if "onlyStrict" in flags:
        modes = ["strict"]
    elif "noStrict" in flags or "raw" in flags:
        modes = ["sloppy"]
    else:
        modes = ["sloppy", "strict"]
    failures = []
    crashes = []
    for mode in modes:
        text = '"use strict";\n' + source if mode == "strict" else source
        try:
            parse(text, path)
            ok = not negative
            detail = "parsed"
        except JSSyntaxError as error:
            ok = negative
            detail = "%s (%d:%d)" % (error.message, error.line, error.column)
        except Exception:  # noqa: BLE001 - any other exception is exactly what we look for
            crashes.append("%s [%s]\n%s" % (path, mode, traceback.format_exc()))
            ok = False
            detail = "crash"
        if not ok:
            failures.append("%s: %s" % (mode, detail))
    return path, "negative" if negative else "positive", failures, crashes


def collect(root, filters):
    paths = []
    for directory, _, files in os.walk(root):
        for name in files:
            if name.endswith(".js") and "_FIXTURE" not in name:
                path = os.path.join(directory, name)
                if not filters or any(f in path for f in filters):
                    paths.append(path)
    return sorted(paths)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failure")
    parser.add_argument("--root", default=DEFAULT_ROOT)
    parser.add_argument("filters", nargs="*", help="only paths containing one of these")
    args = parser.parse_args()
    paths = collect(args.root, args.filters)
    totals = {"positive": [0, 0], "negative": [0, 0]}
    failed = {"positive": [], "negative": []}
    crashes = []
    with multiprocessing.Pool() as pool:
        for path, kind, failures, crashed in pool.imap_unordered(check_file, paths, 64):
            crashes.extend(crashed)
            if kind is None:
                continue
            totals[kind][0] += 1
            if failures:
                failed[kind].append((path, failures))
            else:
                totals[kind][1] += 1
    if args.verbose:
        for kind in ("positive", "negative"):
            for path, failures in sorted(failed[kind]):
                print("FAIL %s %s: %s" % (kind, os.path.relpath(path, args.root),
                                          "; ".join(failures)))
    for crash in crashes:
        print("CRASH", crash)
    for kind in ("positive", "negative"):
        total, passed = totals[kind]
        print("%s: %d/%d passed (%.2f%%)" % (kind, passed, total, 100.0 * passed / max(total, 1)))
    print("crashes: %d" % len(crashes))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
