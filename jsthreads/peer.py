"""The peer corpus (Bun's JSTests/threads, kept outside the repo in ../shared/peer-corpus): which
of its files are tests, how their jsc `//@` directives and options map onto jsthreads runs, which
missing language features a test needs, and the checked-in expectations file that lists every
known failure. corpus.py runs the tests (`jsthreads corpus --peer DIR`); this module only reads
and decides, so it is testable without an engine.

A peer test passes when it exits 0 (the tests check themselves; there are no .expected files)
and fails on an uncaught exception, a non-zero exit or a timeout. It is a skip when a directive
says so, when it prints a premise-skip line (`THREADS-PREMISE-SKIP: ...`, `SKIP: ...`) and exits
0, or when every run it asks for needs a jsc option jsthreads cannot honour ("unsupported").
The shell helpers the tests call come from `jsthreads run --shell-helpers` (shell_shim.js).
"""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path
from typing import Iterable

MANIFEST = "MANIFEST.tsv"
# Per-run timeout unless --timeout says otherwise: several race tests run for 5-10 s on this
# 2-core machine, and the shell's own runner is as patient.
DEFAULT_TIMEOUT = 30.0
# MANIFEST.tsv classes that are tests; the others are harness files, fixtures and configuration.
TEST_CLASSES = ("portable", "shimmable")
ENGINE_ARGS = ("--shell-helpers",)

# ---------------------------------------------------------------------------------------------
# jsc options (from `//@ requireOptions(...)` and `//@ runDefault(...)`)
#
# IGNORED options only tune JSC (JIT tiers, GC pacing, its own verifiers) or switch on features
# that are always on in jsthreads (threads, the shared heap); running without them is the same
# test. `$vm` is the exception: jsc defines it only under --useDollarVM=1, and tests that do not
# ask for it check `typeof $vm` to use it "only when present", so a run without the option gets
# JSTHREADS_DOLLAR_VM=0 and the shell shim leaves $vm out, as jsc would. Parallel mode (`--useThreadGIL=0` and friends) is ignored too: jsthreads picks the
# mode itself and runs every test under both unless `threadsRequireGILOff/On` restricts it.
# MAPPED options become engine environment. Any other option makes that run UNSUPPORTED.

IGNORED_OPTIONS = frozenset("""
    useJSThreads useVMLite useSharedAtomStringTable useSharedGCHeap
    useThreadGILOffUnsafe useThreadGIL useJSThreadsSingleOwnerWithGIL useSharedArrayBuffer
    useShadowRealm thresholdForJITAfterWarmUp thresholdForJITSoon thresholdForOptimizeAfterWarmUp
    thresholdForOptimizeSoon thresholdForFTLOptimizeAfterWarmUp thresholdForFTLOptimizeSoon
    useFTLJIT useJIT useConcurrentJIT osrExitCountForReoptimization
    osrExitCountForReoptimizationFromLoop jitPolicyScale validateExceptionChecks
    verifyConcurrentButterfly validateButterflyTagDiscipline verifyHeap countJSThreadsCounters
    useGenerationalGC useConcurrentSharedGCMarking forceButterflySWBit forceSegmentedButterflies
    useStructureAllocationLock gcPauseScale minimumGCPauseMS maximumMutatorUtilization
    forceDidDeferGCWork maxHeapSizeAsRAMSizeMultiple forceRAMSize destroy-vm
""".split())
# Collecting all the time is what JSTHREADS_GC_STRESS does (a collection at every slow path).
MAPPED_OPTIONS = {"collectContinuously": {"JSTHREADS_GC_STRESS": "1"},
                  "can-block-is-false": {"JSTHREADS_CAN_BLOCK_IS_FALSE": "1"}}
# Options whose value is passed on: jsc option name -> engine environment variable.
VALUED_OPTIONS = {"maxJSThreads": "JSTHREADS_MAX_THREADS"}
DOLLAR_VM_OPTION, DOLLAR_VM_OFF = "useDollarVM", ("JSTHREADS_DOLLAR_VM", "0")


@dataclasses.dataclass(frozen=True)
class RunPlan:
    """How jsthreads runs one peer test: engine environment, or why it cannot."""
    env: tuple[tuple[str, str], ...] = ()
    unsupported: tuple[str, ...] = ()  # options no jsthreads run can honour


def map_options(options: Iterable[str]) -> RunPlan:
    env: dict[str, str] = {}
    unsupported = []
    dollar_vm = False
    for option in options:
        name, _, value = option.lstrip("-").partition("=")
        if name in IGNORED_OPTIONS:
            continue
        if name == DOLLAR_VM_OPTION:
            dollar_vm = value not in ("0", "false")  # the last one wins, as in jsc
            continue
        if name in VALUED_OPTIONS:
            if value.isdigit():
                env[VALUED_OPTIONS[name]] = value
            else:
                unsupported.append(option)
            continue
        if name in MAPPED_OPTIONS and value not in ("0", "false"):
            env.update(MAPPED_OPTIONS[name])
        elif name not in MAPPED_OPTIONS:
            unsupported.append(option)
    if not dollar_vm:
        env[DOLLAR_VM_OFF[0]] = DOLLAR_VM_OFF[1]
    return RunPlan(env=tuple(sorted(env.items())), unsupported=tuple(unsupported))


# ---------------------------------------------------------------------------------------------
# `//@` directives

DIRECTIVE = re.compile(r"^//@\s*([A-Za-z]\w*)\s*(.*)$")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
KNOWN = ("requireOptions", "runDefault", "skip", "threadsRequireGILOff", "threadsRequireGILOn",
         "threadsEnv", "threadsNoAmplify")


@dataclasses.dataclass(frozen=True)
class PeerDirectives:
    options: tuple[str, ...] = ()             # requireOptions, for every run
    variants: tuple[tuple[str, ...], ...] = ()  # runDefault(...) each: one run with these extra options
    skip: str | None = None
    modes: tuple[str, ...] = ("gil", "threads")
    env: tuple[tuple[str, str], ...] = ()     # threadsEnv("NAME=value")
    no_amplify: bool = False                  # threadsNoAmplify: timing test, never raced
    error: str | None = None

    def plans(self) -> tuple[list[RunPlan], list[RunPlan]]:
        """The distinct runs the test asks for, split into (runnable, unsupported).

        Without runDefault there is one run; each runDefault is one run with its options added to
        requireOptions (jsc's semantics). Runs that differ only in ignored options are one run.
        """
        variants = self.variants or ((),)
        runnable: list[RunPlan] = []
        unsupported: list[RunPlan] = []
        for extra in variants:
            plan = map_options(self.options + extra)
            plan = dataclasses.replace(plan, env=tuple(sorted(dict(plan.env + self.env).items())))
            target = unsupported if plan.unsupported else runnable
            if plan not in target:
                target.append(plan)
        return runnable, unsupported


def parse_peer_directives(text: str) -> PeerDirectives:
    """Reads every `//@` line of a peer test (jsc's run-jsc-stress-tests syntax)."""
    options: list[str] = []
    variants: list[tuple[str, ...]] = []
    values: dict[str, object] = {}
    errors: list[str] = []
    env: list[tuple[str, str]] = []
    for line in text.splitlines():
        match = DIRECTIVE.match(line.strip())
        if not match:
            continue
        name, rest = match.group(1), match.group(2).strip()
        arguments = tuple(re.sub(r"\\(.)", r"\1", s) for s in STRING.findall(rest))
        if name == "requireOptions":
            options += arguments
        elif name == "runDefault":
            variants.append(arguments)
        elif name == "skip":
            reason = rest.strip("() ") if rest else ""
            values["skip"] = "//@ skip" + (f" ({reason})" if reason else "")
        elif name == "threadsRequireGILOff":
            values["modes"] = ("threads",)
        elif name == "threadsRequireGILOn":
            values["modes"] = ("gil",)
        elif name == "threadsNoAmplify":
            values["no_amplify"] = True
        elif name == "threadsEnv":
            for argument in arguments:
                key, sep, value = argument.partition("=")
                if sep:
                    env.append((key, value))
                else:
                    errors.append(f"bad threadsEnv argument {argument!r}")
        else:
            errors.append(f"unknown //@ directive {name} (known: {', '.join(KNOWN)})")
    return PeerDirectives(options=tuple(options), variants=tuple(variants), env=tuple(env),
                          error="; ".join(errors) or None, **values)  # type: ignore[arg-type]


# A line the test prints, at the start of its output line, to say a premise is missing.
PREMISE_SKIP = re.compile(r"^(?:THREADS-PREMISE-SKIP|PREMISE-SKIP|SKIP):\s*(.*)$", re.MULTILINE)


def premise_skip(stdout: str) -> str | None:
    """The reason of the first premise-skip line in a passing run's output, else None."""
    match = PREMISE_SKIP.search(stdout)
    return match.group(0).strip() if match else None


# ---------------------------------------------------------------------------------------------
# The manifest

@dataclasses.dataclass(frozen=True)
class PeerEntry:
    path: str        # relative to the corpus folder, as in MANIFEST.tsv
    kind: str        # MANIFEST class: portable | shimmable
    helpers: str     # MANIFEST shell_helpers column ("-" when none)
    description: str


def read_manifest(root: Path) -> list[PeerEntry]:
    """The tests (portable and shimmable rows) of the corpus at root, in manifest order."""
    entries = []
    with open(root / MANIFEST, encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("class") in TEST_CLASSES and row.get("path", "").endswith(".js"):
                entries.append(PeerEntry(row["path"], row["class"], row.get("shell_helpers") or "-",
                                         row.get("description") or ""))
    return entries


# ---------------------------------------------------------------------------------------------
# Missing language features (the language-breadth issue brings them)
#
# Tests that need one are reported apart from the rest: the pass target counts only the
# tests that need none of them. Found by grep of the test without its comments, plus what the
# harness does for it (waitUntil/withTimeout read Date.now) and, after a run, by the error the
# engine printed (e.g. "Regular expressions are not supported", "Proxy is not defined").

FEATURES = {
    "typed arrays": r"\b(?:(?:Big)?(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array|(?:Shared)?ArrayBuffer|DataView|transferArrayBuffer)\b",
    "Date": r"\bDate\b|\b(?:waitUntil|withTimeout)\s*\(",
    "RegExp": r"\bRegExp\b|(?<![\w)\]\s])\s*/(?![/*\s])(?:[^/\\\n]|\\.)+/[dgimsuy]*\s*[.,;)]",
    "Proxy": r"\bProxy\b",
    "Reflect": r"\bReflect\b",
    "BigInt": r"\bBigInt\b|\b\d+n\b",
}
_FEATURE_PATTERNS = {name: re.compile(pattern) for name, pattern in FEATURES.items()}
OUTPUT_FEATURES = {
    "RegExp": re.compile(r"Regular expressions are not supported|\bRegExp is not defined"),
    "typed arrays": re.compile(r"\b(?:\w*Array|\w*ArrayBuffer|DataView) is not defined"),
    "Date": re.compile(r"\bDate is not defined"),
    "Proxy": re.compile(r"\bProxy is not defined"),
    "Reflect": re.compile(r"\bReflect is not defined"),
    "BigInt": re.compile(r"\bBigInt is not defined|BigInt literals are not supported"),
}
_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\"'])//[^\n]*", re.DOTALL)


def features_in_source(text: str) -> frozenset[str]:
    code = _COMMENT.sub(" ", text)
    return frozenset(name for name, pattern in _FEATURE_PATTERNS.items() if pattern.search(code))


def features_in_output(output: str) -> frozenset[str]:
    return frozenset(name for name, pattern in OUTPUT_FEATURES.items() if pattern.search(output))


# ---------------------------------------------------------------------------------------------
# The expectations file: every (test, mode) that does not pass, with the outcome and a reason.
# It may only shrink: a listed test that now passes fails the check until its line is removed,
# and an unlisted test that does not pass fails it too. Outcome `flaky` marks a test that
# sometimes passes (a race the engine still loses now and then): either result is accepted, and
# --write-expectations keeps the line, so only a person removes it.

EXPECTATIONS_HEADER = ("# Peer-corpus tests that do not pass yet (jsthreads corpus --peer): path, mode, outcome, reason.\n"
                       "# outcome: fail | timeout | flaky (may pass or fail). Only shrinks: a listed fail/timeout that\n"
                       "# passes fails the check. Regenerate with --write-expectations (keeps flaky lines).\n")
NOT_PASSING = ("fail", "timeout")
FLAKY = "flaky"


@dataclasses.dataclass(frozen=True)
class Expectation:
    path: str
    mode: str
    outcome: str  # fail | timeout
    reason: str


def read_expectations(path: Path) -> dict[tuple[str, str], Expectation]:
    expectations: dict[tuple[str, str], Expectation] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return expectations
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or fields[2] not in (*NOT_PASSING, FLAKY):
            raise ValueError(f"{path}:{number}: expected 'path<TAB>mode<TAB>fail|timeout|flaky<TAB>reason'")
        expectation = Expectation(fields[0], fields[1], fields[2], fields[3] if len(fields) > 3 else "")
        expectations[(expectation.path, expectation.mode)] = expectation
    return expectations


def write_expectations(path: Path, expectations: Iterable[Expectation]) -> None:
    lines = [EXPECTATIONS_HEADER]
    for e in sorted(expectations, key=lambda e: (e.path, e.mode)):
        reason = " ".join(e.reason.split())[:200]
        lines.append(f"{e.path}\t{e.mode}\t{e.outcome}\t{reason}\n")
    path.write_text("".join(lines), encoding="utf-8")


def check_expectations(outcomes: dict[tuple[str, str], str],
                       expectations: dict[tuple[str, str], Expectation]) -> list[str]:
    """Problems with a run against the expectations: new failures and unexpected passes.

    `outcomes` maps (path, mode) to pass | fail | timeout | skip for the pairs that ran; listed
    pairs that did not run (filtered out, other mode) are not judged. A listed pair that now
    fails differently (fail vs timeout) still counts as expected: both are "not passing".
    """
    problems = []
    for key, outcome in sorted(outcomes.items()):
        listed = expectations.get(key)
        if listed is not None and listed.outcome == FLAKY:
            continue
        if outcome in NOT_PASSING and listed is None:
            problems.append(f"new failure: {key[0]} [{key[1]}] ({outcome}); fix it or list it in the expectations")
        elif outcome == "pass" and listed is not None:
            problems.append(f"unexpected pass: {key[0]} [{key[1]}] is listed as {listed.outcome}; "
                            "remove its line (the list only shrinks)")
    return problems


# Shell helpers and $vm hooks of the MANIFEST's shell_helpers column that shell_shim.js leaves
# undefined on purpose (JSC internals with no jsthreads meaning; the shim's header says why).
UNPROVIDED_HELPERS = frozenset("""
    $vm.structureThreadLocalSetsValid $vm.createDestructionProbe $vm.destructionProbeCounts
    $vm.jsThreadsLockedTransitionCount
    $vm.callWithTimeLimit $vm.requestTermination $vm.createGlobalObject $vm.haveABadTime
    $vm.isHavingABadTime runString
""".split())
_MISSING_CALLABLE = re.compile(r"is not a function|is not defined|is not a constructor")


def failure_reason(output: str, message: str, features: frozenset[str], helpers: str = "-") -> str:
    """A one-line reason for the expectations file: missing features, else JSC-only hooks the test
    needs (MANIFEST shell_helpers) when it died calling something undefined, else the first
    error line, else the runner's message."""
    if features:
        return "needs " + ", ".join(sorted(features))
    unprovided = sorted(UNPROVIDED_HELPERS.intersection(helpers.split(",")))
    if unprovided and _MISSING_CALLABLE.search(output):
        return "needs JSC-only hook(s) " + ", ".join(unprovided)
    for line in output.splitlines():
        line = line.strip()
        if line.startswith("Uncaught ") or "Error" in line.split(":")[0]:
            return line
    return message
