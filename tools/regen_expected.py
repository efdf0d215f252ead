#!/usr/bin/env python3
"""Regenerate (or check) the .expected files of the node-generated corpus.

For every test ``NAME.js`` in the given folders (default: corpus/language;
searched recursively, helper files skipped as the corpus runner skips them)
this runs ``node NAME.js`` with the working directory set to the file's folder
and compares / writes its stdout to ``NAME.expected``.

An .expected file is only written when node exits with status 0 and writes
nothing to stderr; otherwise the file is reported as a failure and left alone.

Usage:
    tools/regen_expected.py                     # write corpus/language/*.expected
    tools/regen_expected.py --check             # report differences, write nothing
    tools/regen_expected.py corpus/language/foo.js   # single files work too
    tools/regen_expected.py --node /usr/bin/node --timeout 10 DIR...

Exit status: 0 if everything was written / matched, 1 otherwise.
"""

import argparse
import importlib.util
import os
import subprocess
import sys
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIRS = [os.path.join(REPO_ROOT, "corpus", "language")]
DEFAULT_NODE = "/usr/bin/node" if os.path.exists("/usr/bin/node") else "node"


HELPER_DIRS = frozenset({"harness", "resources"})


def _load_corpus_module():
    """jsthreads/corpus.py (stdlib only, never the engine) loaded from its file, so that test
    discovery and `// @` directives follow the corpus runner exactly. None if it is missing."""
    path = os.path.join(REPO_ROOT, "jsthreads", "corpus.py")
    if not os.path.exists(path):
        return None
    try:
        spec = importlib.util.spec_from_file_location("_jsthreads_corpus_for_regen", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look the module up while it loads
        spec.loader.exec_module(module)
        return module
    except Exception as error:  # a broken runner must not stop regeneration
        print("warning: cannot load %s (%s); using built-in discovery" % (path, error), file=sys.stderr)
        return None


def collect(paths):
    """[(path, timeout or None)] for the tests named by `paths`: .js files, or folders searched
    recursively, skipping helpers (`_*.js`, files below harness/ or resources/), as the corpus
    runner does. The timeout is the test's `// @timeout`, if any."""
    corpus = _load_corpus_module()
    if corpus is not None:
        tests = []
        for p in paths:
            try:
                tests.extend(corpus.discover([p]))
            except FileNotFoundError as error:
                print("warning: %s" % error, file=sys.stderr)
        seen, out = set(), []
        for test in sorted(tests, key=lambda t: str(t.path)):
            if str(test.path) not in seen:
                seen.add(str(test.path))
                out.append((str(test.path), test.directives.timeout))
        return out
    files = []
    for p in paths:
        if os.path.isdir(p):
            for folder, dirs, names in os.walk(p):
                dirs.sort()
                rel_parts = os.path.relpath(folder, p).split(os.sep)
                if any(part in HELPER_DIRS for part in rel_parts):
                    continue
                for name in sorted(names):
                    if name.endswith(".js") and not name.startswith("_"):
                        files.append(os.path.abspath(os.path.join(folder, name)))
        elif os.path.isfile(p) and p.endswith(".js"):
            files.append(os.path.abspath(p))
        else:
            print("warning: %s is neither a folder nor a .js file" % p, file=sys.stderr)
    return [(f, None) for f in sorted(set(files))]


def run_node(node, path, timeout):
    folder = os.path.dirname(os.path.abspath(path)) or "."
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [node, os.path.basename(path)],
            cwd=folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, None, "timed out after %ss" % timeout, time.monotonic() - start
    elapsed = time.monotonic() - start
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"), elapsed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="folders (or .js files); default corpus/language")
    ap.add_argument("--check", action="store_true", help="only report files whose .expected differs from node's output")
    ap.add_argument("--node", default=DEFAULT_NODE, help="node binary (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per file (default %(default)s)")
    ap.add_argument("--slow", type=float, default=0.0, metavar="SECONDS",
                    help="also report files whose node run took longer than this (0 = off)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print only problems and the summary")
    args = ap.parse_args(argv)

    files = collect(args.paths or DEFAULT_DIRS)
    if not files:
        print("no .js files found", file=sys.stderr)
        return 1

    written = unchanged = 0
    problems = []
    for path, test_timeout in files:
        rel = os.path.relpath(path, os.getcwd())
        exp_path = path[:-3] + ".expected"
        rc, out, err, elapsed = run_node(args.node, path, max(args.timeout, test_timeout or 0))
        if args.slow and elapsed > args.slow:
            print("SLOW     %s (%.0f ms)" % (rel, elapsed * 1000))
        if rc is None:
            problems.append(rel)
            print("TIMEOUT  %s: %s" % (rel, err))
            continue
        if rc != 0 or err:
            problems.append(rel)
            first = err.strip().splitlines()
            print("NODEFAIL %s: exit %d%s" % (rel, rc, (", stderr: " + first[0]) if first else ""))
            for line in first[1:6]:
                print("         " + line)
            continue
        old = None
        if os.path.exists(exp_path):
            with open(exp_path, "rb") as f:
                old = f.read()
        if old == out:
            unchanged += 1
            continue
        if args.check:
            problems.append(rel)
            print("%s %s" % ("MISSING " if old is None else "DIFFERS ", rel))
            continue
        with open(exp_path, "wb") as f:
            f.write(out)
        written += 1
        if not args.quiet:
            print("WROTE    %s" % os.path.relpath(exp_path, os.getcwd()))

    total = len(files)
    if args.check:
        print("%d files: %d match, %d problems" % (total, unchanged, len(problems)))
    else:
        print("%d files: %d written, %d unchanged, %d problems" % (total, written, unchanged, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
