"""The corpus runner: finds corpus tests, reads their directives, runs each one in a subprocess
under `--gil` and/or `--threads`, compares the result with `NAME.expected`, and reports (rich
progress bar, summary table, diffs, JSON). `jsthreads corpus` reaches it through
`add_arguments`/`run`; the pytest plugin (pytest_corpus.py) uses `discover`/`run_one`.
`jsthreads corpus --peer DIR` runs the peer corpus through the same machinery, with peer.py
deciding what its tests are, how its `//@` directives map, and checking the expectations file.

It must not import the engine: every run is a child process, so a crash or hang fails one test
and never the runner. This module is the only parser of the `// @` directives (STYLE.md §8).
tools/test262.py and tools/bench.py take the engine command from `engine_command()` here.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import difflib
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterable, Sequence

MODES = ("gil", "threads")
DEFAULT_TIMEOUT = 10.0

# Tests may point every tool at another engine (a fake one in tests/tools, a TSAN build) through
# this variable, a shell-style command line; `run FILE --gil|--threads` is appended to it.
ENGINE_ENV = "JSTHREADS_ENGINE_CMD"
# The engine's race amplifier reads its seed from here (safepoints yield at seeded random points).
RACE_ENV = "JSTHREADS_RACE"

# Files that support tests rather than being tests: loaded helpers, fixtures.
HELPER_DIRS = frozenset({"harness", "resources"})


def engine_command() -> list[str]:
    """The command that starts the engine CLI, before its `run ...` arguments.

    Runs happen in each test's folder, so words of an override that name existing files relative
    to the current directory (`node tests/tools/fake_engine.js`) are made absolute here.
    """
    override = os.environ.get(ENGINE_ENV, "").strip()
    if override:
        return [str(Path(word).resolve()) if _is_relative_file(word) else word for word in shlex.split(override)]
    return [sys.executable, "-m", "jsthreads"]


def _is_relative_file(word: str) -> bool:
    return not word.startswith("-") and not os.path.isabs(word) and os.sep in word and os.path.isfile(word)


def engine_environment() -> dict[str, str]:
    """The environment for engine processes. `python -m jsthreads` puts the cwd (a test's folder) on
    sys.path, not the checkout, so the default command gets this checkout's package on PYTHONPATH:
    the engine that runs is the one beside this runner, installed or not."""
    env = dict(os.environ)
    if not env.get(ENGINE_ENV, "").strip():
        checkout = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [checkout, env.get("PYTHONPATH")]))
    return env


# ---------------------------------------------------------------------------------------------
# Directives
#
# A test may open with `//` comment lines; among them, `// @name: value` lines configure the run.
# The set is fixed: an unknown name is an error for that test rather than a silent no-op, so a
# typo cannot quietly disable a check. `//@ ...` (no space) is the JSC shell's syntax, used by the
# peer corpus, and is deliberately not ours.

DIRECTIVE_LINE = re.compile(r"//\s+@([A-Za-z][\w-]*)\s*(?::(.*))?$")
DIRECTIVE_START = re.compile(r"//\s+@[A-Za-z]")
KNOWN_DIRECTIVES = ("exit", "flags", "modes", "repeat", "skip", "timeout")


@dataclasses.dataclass(frozen=True)
class Directives:
    modes: tuple[str, ...] = MODES
    timeout: float | None = None  # seconds; None: the runner's default
    repeat: int = 1
    skip: str | None = None  # the reason, when the test is skipped
    exit: int | None = None  # expected exit code; None: inferred from NAME.expected
    error: str | None = None  # a bad or unknown directive: the test fails with this message
    flags: tuple[str, ...] = ()  # `// @flags: --opt ...`: engine options after `run FILE --MODE`


def parse_directives(text: str) -> Directives:
    """Reads the directives in the leading `//` comment lines of a test's source."""
    values: dict[str, object] = {}
    errors: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        line = line.strip()
        if not line.startswith("//"):
            break
        match = DIRECTIVE_LINE.match(line)
        if not match:
            if DIRECTIVE_START.match(line):
                errors.append(f"malformed directive {line!r} (write `// @name: value`)")
            continue
        name, raw = match.group(1), (match.group(2) or "").strip()
        if name not in KNOWN_DIRECTIVES:
            errors.append(f"unknown directive @{name} (known: {', '.join(KNOWN_DIRECTIVES)})")
        elif name in values:
            errors.append(f"duplicate directive @{name}")
        else:
            try:
                values[name] = _directive_value(name, raw)
            except ValueError as error:
                errors.append(f"bad directive @{name}: {raw!r} ({error})")
    return Directives(**values, error="; ".join(errors) or None)  # type: ignore[arg-type]


def _directive_value(name: str, raw: str) -> object:
    if name == "modes":
        modes = [mode for mode in re.split(r"[\s,]+", raw) if mode]
        unknown = [mode for mode in modes if mode not in MODES]
        if not modes or unknown:
            raise ValueError(f"modes are {' and '.join(MODES)}")
        return tuple(mode for mode in MODES if mode in modes)
    if name == "timeout":
        timeout = float(raw)
        if not timeout > 0:
            raise ValueError("must be positive")
        return timeout
    if name == "repeat":
        repeat = int(raw)
        if repeat < 1:
            raise ValueError("must be at least 1")
        return repeat
    if name == "exit":
        return int(raw)
    if name == "flags":
        flags = tuple(raw.split())
        if not flags or any(not flag.startswith("--") for flag in flags):
            raise ValueError("give engine options such as --max-threads=4")
        return flags
    return raw or "skipped by directive"  # skip


# ---------------------------------------------------------------------------------------------
# Discovery


@dataclasses.dataclass(frozen=True)
class CorpusTest:
    path: Path  # absolute
    name: str  # how reports show it: relative to the current directory when inside it
    directives: Directives

    @property
    def expected_path(self) -> Path:
        return self.path.with_suffix(".expected")

    def expected(self) -> str | None:
        """The expected output, or None when the test only has to exit with the right code."""
        try:
            return self.expected_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return None


def is_helper(path: Path, root: Path) -> bool:
    """True for support files below `root`: inside a harness/resources folder or named `_*`."""
    relative = path.relative_to(root) if path != root else Path(path.name)
    return path.name.startswith("_") or any(part in HELPER_DIRS for part in relative.parts[:-1])


def load_test(path: Path, name: str | None = None) -> CorpusTest:
    path = path.resolve()
    text = path.read_text(encoding="utf-8", errors="replace")
    return CorpusTest(path=path, name=name or display_name(path), directives=parse_directives(text))


def display_name(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[str | Path], filter: str | Sequence[str] | None = None) -> list[CorpusTest]:
    """Tests named by `paths` (files, or folders searched recursively for *.js), sorted by name.

    A file named explicitly is always a test; helper rules apply only inside folders. `filter`
    keeps the tests whose name contains the substring (any of them, when a list).
    """
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw).resolve()
        if path.is_file():
            found[path] = None
        elif path.is_dir():
            for candidate in sorted(path.rglob("*.js")):
                if candidate.is_file() and not is_helper(candidate, path):
                    found[candidate] = None
        else:
            raise FileNotFoundError(f"no such file or folder: {raw}")
    filters = [filter] if isinstance(filter, str) else list(filter or [])
    tests = [load_test(path) for path in found]
    if filters:
        tests = [test for test in tests if any(f in test.name for f in filters)]
    return sorted(tests, key=lambda test: test.name)


# ---------------------------------------------------------------------------------------------
# Running one process
#
# Each child gets its own session so that a timeout (or Ctrl-C in the runner) kills it together
# with anything it spawned. Live children are tracked so that an interrupted run can kill them:
# being in their own session, they do not receive the terminal's SIGINT.


@dataclasses.dataclass
class ProcessOutcome:
    exit_code: int | None  # None when killed on timeout
    stdout: str
    stderr: str
    duration: float
    timed_out: bool


_live_processes: set[subprocess.Popen] = set()
_live_lock = threading.Lock()


def run_process(command: Sequence[str], *, cwd: Path | str | None = None, env: dict[str, str] | None = None,
                timeout: float) -> ProcessOutcome:
    """Runs `command` to completion or until `timeout` seconds pass, then kills its process group."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    with _live_lock:
        _live_processes.add(process)
    timed_out = False
    try:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(process)
            try:
                stdout, stderr = process.communicate(timeout=5)
            except subprocess.TimeoutExpired:
                # Something outside the group still holds the pipes; give up on the output.
                stdout, stderr = b"", b""
    finally:
        with _live_lock:
            _live_processes.discard(process)
    duration = time.perf_counter() - start
    return ProcessOutcome(
        exit_code=None if timed_out else process.returncode,
        stdout=stdout.decode("utf-8", errors="replace"),
        stderr=stderr.decode("utf-8", errors="replace"),
        duration=duration,
        timed_out=timed_out,
    )


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_live_processes() -> None:
    """Kills every child still running (used when the runner is interrupted)."""
    with _live_lock:
        processes = list(_live_processes)
    for process in processes:
        _kill_group(process)


# ---------------------------------------------------------------------------------------------
# Running and judging one test


@dataclasses.dataclass
class Result:
    test: str
    mode: str
    repeat: int  # 0-based index of this run among the test's repeats
    status: str  # "pass" | "fail" | "timeout" | "skip"
    duration: float = 0.0
    exit_code: int | None = None
    output: str = ""  # stdout followed by stderr, as the engine wrote them
    expected_output: str | None = None
    expected_exit: int = 0
    message: str = ""  # why it failed or was skipped
    race_seed: int | None = None
    command: str = ""  # a shell line that reproduces the run

    @property
    def ok(self) -> bool:
        return self.status in ("pass", "skip")


UNCAUGHT_LINE = re.compile(r"^Uncaught ", re.MULTILINE)
SYNTAX_ERROR_BLOCK = re.compile(r"^SyntaxError: .*\n    at \S+:\d+:\d+$", re.MULTILINE)


def expected_exit_code(directives: Directives, expected: str | None) -> int:
    """`// @exit`, else 1 when the expected output ends in an uncaught or syntax error, else 0."""
    if directives.exit is not None:
        return directives.exit
    if expected is not None and (UNCAUGHT_LINE.search(expected) or SYNTAX_ERROR_BLOCK.search(expected)):
        return 1
    return 0


def normalize_output(text: str) -> str:
    return text.replace("\r\n", "\n").rstrip()


def run_one(test: CorpusTest, mode: str, *, timeout: float, race_seed: int | None = None, repeat: int = 0,
            engine_args: Sequence[str] = (), engine: Sequence[str] | None = None,
            extra_env: dict[str, str] | None = None) -> Result:
    """Runs `test` once under `mode` ("gil" or "threads") and judges the result.

    `timeout` applies unless the test sets `// @timeout`. The caller picks `race_seed` per repeat.
    `extra_env` adds engine environment (the peer corpus maps some jsc options onto it).
    """
    result = Result(test=test.name, mode=mode, repeat=repeat, status="skip", race_seed=race_seed)
    directives = test.directives
    if directives.error:
        result.status, result.message = "fail", directives.error
        return result
    if directives.skip:
        result.message = directives.skip
        return result
    if mode not in directives.modes:
        result.message = f"not run under {mode} (@modes: {' '.join(directives.modes)})"
        return result

    command = [*(engine or engine_command()), "run", test.path.name, f"--{mode}", *directives.flags, *engine_args]
    env = engine_environment()
    added = dict(extra_env or {})
    if race_seed is not None:
        added[RACE_ENV] = str(race_seed)
    env.update(added)
    limit = directives.timeout or timeout
    race_prefix = "".join(f"{name}={shlex.quote(value)} " for name, value in sorted(added.items()))
    result.command = f"(cd {shlex.quote(str(test.path.parent))} && {race_prefix}{shlex.join(command)})"

    outcome = run_process(command, cwd=test.path.parent, env=env, timeout=limit)
    expected = test.expected()
    result.duration = outcome.duration
    result.exit_code = outcome.exit_code
    result.output = outcome.stdout + outcome.stderr
    result.expected_output = expected
    result.expected_exit = expected_exit_code(directives, expected)
    if outcome.timed_out:
        result.status, result.message = "timeout", f"timed out after {limit:g} s (killed)"
    elif expected is not None and normalize_output(result.output) != normalize_output(expected):
        result.status, result.message = "fail", f"output differs from {test.expected_path.name}"
    elif outcome.exit_code != result.expected_exit:
        result.status, result.message = "fail", f"exit code {outcome.exit_code}, expected {result.expected_exit}"
    else:
        result.status = "pass"
    return result


def race_seed_for(seed: int | None, repeat: int) -> int | None:
    """Each repeat of a raced run gets its own seed, so repeats explore different interleavings."""
    return None if seed is None else seed + repeat


def describe_failure(result: Result, max_lines: int = 30) -> str:
    """A plain-text account of a failed run: the reason, how to reproduce it, then either a unified
    diff against the expected output or the tail of the output (at most `max_lines` lines)."""
    lines = [f"{result.test} [{result.mode}]: {result.message}"]
    if result.command:
        lines.append(f"reproduce: {result.command}")
    if result.status == "fail" and result.expected_output is not None and result.exit_code is not None:
        expected = normalize_output(result.expected_output).splitlines()
        actual = normalize_output(result.output).splitlines()
        diff = list(difflib.unified_diff(expected, actual, "expected", "actual", lineterm=""))
        if diff:
            lines += _clip(diff, max_lines, "diff")
            return "\n".join(lines)
    if result.command:
        output = normalize_output(result.output).splitlines()
        if output:
            lines.append("output:" if len(output) <= max_lines else f"output (last {max_lines} lines):")
            lines += output[-max_lines:]
        else:
            lines.append("(no output)")
    return "\n".join(lines)


def _clip(lines: list[str], limit: int, what: str) -> list[str]:
    if len(lines) <= limit:
        return lines
    return lines[:limit] + [f"... {len(lines) - limit} more {what} lines"]


# ---------------------------------------------------------------------------------------------
# The command line: `jsthreads corpus PATH...`


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="test files, or folders searched for *.js")
    parser.add_argument("--mode", choices=("gil", "threads", "both"), default="both",
                        help="which engine modes to run each test under (default: both)")
    parser.add_argument("--repeat", type=int, metavar="N",
                        help="run every test N times, overriding `// @repeat`")
    parser.add_argument("--timeout", type=float, default=None, metavar="S",
                        help=f"per-run timeout in seconds unless the test sets `// @timeout` "
                             f"(default: {DEFAULT_TIMEOUT:g}; with --peer: 30)")
    parser.add_argument("--race", type=int, metavar="SEED",
                        help=f"run under the race amplifier: {RACE_ENV}=SEED+i for repeat i")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="runs in parallel (default: CPU count)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every run's result to FILE")
    parser.add_argument("-k", dest="filter", action="append", metavar="FILTER",
                        help="only tests whose path contains FILTER (repeatable: any of them)")
    parser.add_argument("--engine-arg", action="append", default=[], metavar="ARG",
                        help="extra engine option after `run FILE --MODE` (repeatable; write "
                             "--engine-arg=--no-jit for options starting with a dash)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    peer = parser.add_argument_group("peer corpus (Bun's JSTests/threads; see jsthreads/peer.py)")
    peer.add_argument("--peer", type=Path, metavar="DIR",
                      help="run the portable and shimmable tests of DIR/MANIFEST.tsv with the jsc shell "
                           "helpers; PATHs, if given, narrow the selection")
    peer.add_argument("--expectations", type=Path, metavar="FILE", default=None,
                      help=f"known peer failures to check the run against (default: {PEER_EXPECTATIONS})")
    peer.add_argument("--write-expectations", action="store_true",
                      help="rewrite the expectations file from this run instead of checking it")


# The checked-in list of peer-corpus tests that do not pass yet (peer.py describes the format).
PEER_EXPECTATIONS = Path(__file__).resolve().parents[1] / "tools" / "peer-corpus-expectations.tsv"


@dataclasses.dataclass
class _Unit:
    """One test under one mode: its runs, in repeat order once all are done."""
    test: CorpusTest
    mode: str
    runs: list[Result]
    peer: "_PeerInfo | None" = None

    @property
    def status(self) -> str:
        statuses = {run.status for run in self.runs}
        for status in ("timeout", "fail", "skip"):
            if status in statuses:
                return status
        return "pass"


@dataclasses.dataclass
class _PeerInfo:
    """What the peer corpus knows about a test beyond the corpus runner's view of it."""
    path: str              # relative to the peer folder, as MANIFEST.tsv and the expectations name it
    kind: str              # portable | shimmable
    directives: object     # peer.PeerDirectives
    plans: list            # runnable peer.RunPlan, one run each per repeat
    features: frozenset    # missing language features the source (and, after the run, output) shows
    helpers: str = "-"     # MANIFEST shell_helpers column


def _peer_tests(args: argparse.Namespace) -> list[tuple[CorpusTest, _PeerInfo]]:
    from . import peer

    root = args.peer.resolve()
    if not (root / peer.MANIFEST).is_file():
        raise FileNotFoundError(f"no {peer.MANIFEST} in {args.peer}")
    wanted = [Path(p).resolve() for p in args.paths]
    tests = []
    for entry in peer.read_manifest(root):
        path = root / entry.path
        if wanted and not any(path == w or w in path.parents for w in wanted):
            continue
        name = display_name(path)
        if args.filter and not any(f in name for f in args.filter):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found = peer.parse_peer_directives(text)
        runnable, unsupported = found.plans()
        skip = found.skip
        if skip is None and not runnable:
            options = sorted({option for plan in unsupported for option in plan.unsupported})
            skip = "unsupported jsc option(s): " + " ".join(options)
        directives = Directives(modes=found.modes, skip=skip, error=found.error)
        info = _PeerInfo(entry.path, entry.kind, found, runnable, peer.features_in_source(text), entry.helpers)
        tests.append((CorpusTest(path=path, name=name, directives=directives), info))
    return sorted(tests, key=lambda pair: pair[0].name)


def run(args: argparse.Namespace) -> int:
    """Runs the corpus as `add_arguments` configured; returns the process exit code."""
    from rich.console import Console

    console = Console(highlight=False)
    errors = Console(stderr=True, highlight=False)
    if not args.paths and not args.peer:
        errors.print("jsthreads corpus: give test PATHs or --peer DIR", markup=False)
        return 2
    try:
        if args.peer:
            pairs = _peer_tests(args)
        else:
            pairs = [(test, None) for test in discover(args.paths, args.filter)]
    except (FileNotFoundError, ValueError) as error:
        errors.print(f"jsthreads corpus: {error}", markup=False)
        return 2
    if not pairs:
        errors.print("jsthreads corpus: no tests found", markup=False)
        return 1
    if args.repeat is not None and args.repeat < 1:
        errors.print("jsthreads corpus: --repeat must be at least 1", markup=False)
        return 2
    if args.timeout is None:
        from . import peer

        args.timeout = peer.DEFAULT_TIMEOUT if args.peer else DEFAULT_TIMEOUT

    modes = MODES if args.mode == "both" else (args.mode,)
    units: list[_Unit] = []
    work: list[tuple[_Unit, int]] = []
    for test, info in pairs:
        for mode in modes:
            if mode not in test.directives.modes:
                continue
            unit = _Unit(test, mode, [], info)
            units.append(unit)
            if test.directives.error or test.directives.skip:
                unit.runs.append(run_one(test, mode, timeout=args.timeout))
                continue
            repeats = args.repeat if args.repeat is not None else test.directives.repeat
            runs_per_repeat = len(info.plans) if info else 1
            work += [(unit, index) for index in range(repeats * runs_per_repeat)]

    engine = engine_command()
    started = time.perf_counter()
    results = _run_all(_round_robin(work), args, engine, errors)
    if results is None:
        errors.print("jsthreads corpus: interrupted", markup=False)
        return 130
    for unit, result in results:
        unit.runs.append(result)
    for unit in units:
        unit.runs.sort(key=lambda result: result.repeat)
    elapsed = time.perf_counter() - started
    if args.peer:
        from . import peer

        # A failure may show a missing feature the source did not (the harness's regexp literal).
        for unit in units:
            unit.peer.features = unit.peer.features | frozenset().union(
                *(peer.features_in_output(run.output) for run in unit.runs if not run.ok))

    _print_failures(console, units)
    _print_summary(console, units, modes, elapsed)
    if args.json:
        _write_json(args.json, units, engine, args)
    if args.peer:
        return _peer_report(console, errors, units, modes, args)
    return 0 if all(unit.status in ("pass", "skip") for unit in units) else 1


def _execute(unit: _Unit, index: int, args: argparse.Namespace, engine: list[str]) -> Result:
    """Run `index` of a unit. A peer test makes len(plans) runs per repeat, one per plan."""
    if unit.peer is None:
        return run_one(unit.test, unit.mode, timeout=args.timeout, race_seed=race_seed_for(args.race, index),
                       repeat=index, engine_args=args.engine_arg, engine=engine)
    from . import peer

    plans = unit.peer.plans
    plan = plans[index % len(plans)]
    seed = None if unit.peer.directives.no_amplify else race_seed_for(args.race, index // len(plans))
    result = run_one(unit.test, unit.mode, timeout=args.timeout, race_seed=seed, repeat=index,
                     engine_args=[*peer.ENGINE_ARGS, *args.engine_arg], engine=engine, extra_env=dict(plan.env))
    if result.status == "pass":
        reason = peer.premise_skip(result.output)
        if reason:
            result.status, result.message = "skip", reason
    return result


def _round_robin(work: list[tuple[_Unit, int]]) -> list[tuple[_Unit, int]]:
    """Every unit's first run, then every unit's second, and so on. Queued back to back, the
    repeats of one test would run beside each other under --jobs; a busy-wait test then shares the
    cores with its own spinning twin, and each of its handoffs waits out a scheduler slice."""
    return sorted(work, key=lambda item: item[1])


def _run_all(work: list[tuple[_Unit, int]], args: argparse.Namespace, engine: list[str],
             errors) -> list[tuple[_Unit, Result]] | None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    def one(unit: _Unit, index: int) -> tuple[_Unit, Result]:
        return unit, _execute(unit, index, args, engine)

    results: list[tuple[_Unit, Result]] = []
    failures = 0
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=errors, disable=args.quiet, transient=False)
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs))
    try:
        with progress:
            task = progress.add_task("corpus", total=len(work))
            futures = [executor.submit(one, unit, index) for unit, index in work]
            for future in concurrent.futures.as_completed(futures):
                unit, result = future.result()
                results.append((unit, result))
                if not result.ok:
                    failures += 1
                    progress.update(task, description=f"corpus ([red]{failures} failed[/red])")
                progress.advance(task)
    except KeyboardInterrupt:
        executor.shutdown(wait=False, cancel_futures=True)
        kill_live_processes()
        return None
    executor.shutdown()
    return results


def _peer_report(console, errors, units: list[_Unit], modes: Sequence[str], args: argparse.Namespace) -> int:
    """The peer corpus's own account after the usual summary: the pass rate over tests that need no
    missing language feature (the issue's target), those that do, and the expectations check.
    Returns the exit code: 0 when the run matches the expectations file."""
    from rich.table import Table

    from . import peer

    table = Table(title="peer corpus", title_justify="left")
    # "tests" and "rate" count the tests that need no missing feature; "w/ features" the others.
    for column in ("mode", "tests", "passed", "failing", "skipped", "rate", "w/ features", "passed"):
        table.add_column(column, justify="left" if column == "mode" else "right")
    for mode in modes:
        mine = [unit for unit in units if unit.mode == mode]
        plain = [unit for unit in mine if not unit.peer.features]
        featured = [unit for unit in mine if unit.peer.features]
        counted = [unit for unit in plain if unit.status != "skip"]
        passed = sum(unit.status == "pass" for unit in counted)
        rate = f"{100 * passed / len(counted):.0f}%" if counted else "-"
        table.add_row(mode, str(len(plain)), str(passed), str(len(counted) - passed),
                      str(len(plain) - len(counted)), rate, str(len(featured)),
                      str(sum(unit.status == "pass" for unit in featured)))
    console.print(table)
    console.print("rate: passed / (tests - skipped), over the tests that need no typed arrays, Date, RegExp, "
                  "Proxy, Reflect or BigInt; skips are by directive, premise line or unsupported jsc option",
                  soft_wrap=True)

    path = args.expectations or PEER_EXPECTATIONS
    outcomes = {(unit.peer.path, unit.mode): unit.status for unit in units}
    if args.write_expectations:
        # Pairs that did not run this time (filtered, other mode) keep their lines, and so do flaky ones.
        kept = [e for key, e in _read_expectations_or_empty(path, errors).items()
                if key not in outcomes or e.outcome == peer.FLAKY]
        kept_keys = {(e.path, e.mode) for e in kept}
        fresh = []
        for unit in units:
            if unit.status in peer.NOT_PASSING and (unit.peer.path, unit.mode) not in kept_keys:
                bad = next(run for run in unit.runs if not run.ok)
                fresh.append(peer.Expectation(unit.peer.path, unit.mode, unit.status,
                                              peer.failure_reason(bad.output, bad.message, unit.peer.features,
                                                                  unit.peer.helpers)))
        peer.write_expectations(path, kept + fresh)
        console.print(f"wrote {len(kept) + len(fresh)} expectations to {display_name(path)}")
        return 0
    try:
        expectations = peer.read_expectations(path)
    except ValueError as error:
        errors.print(f"jsthreads corpus: {error}", markup=False)
        return 2
    problems = peer.check_expectations(outcomes, expectations)
    for problem in problems:
        console.print("EXPECTATIONS " + problem, style="red", soft_wrap=True, markup=False)
    verdict = "[red]FAILED[/red]" if problems else "[green]OK[/green]"
    console.print(f"{verdict}: peer run against {display_name(path)}: {len(problems)} problem(s)", soft_wrap=True)
    return 1 if problems else 0


def _read_expectations_or_empty(path: Path, errors) -> dict:
    from . import peer

    try:
        return peer.read_expectations(path)
    except ValueError as error:
        errors.print(f"jsthreads corpus: ignoring unreadable {path}: {error}", markup=False)
        return {}


def _print_failures(console, units: list[_Unit]) -> None:
    from rich.text import Text

    for unit in units:
        if unit.status in ("pass", "skip"):
            continue
        bad = [run for run in unit.runs if not run.ok]
        first = bad[0]
        heading = Text(f"{unit.status.upper()} ", style="bold red")
        heading.append(f"{unit.test.name} [{unit.mode}]", style="bold")
        heading.append(f": {first.message}")
        if len(unit.runs) > 1:
            heading.append(f" ({len(bad)} of {len(unit.runs)} runs failed; first: repeat {first.repeat}")
            heading.append(")" if first.race_seed is None else f", race seed {first.race_seed})")
        body = Text()
        for line in describe_failure(first).splitlines()[1:]:
            style = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1], "")
            if line.startswith(("+++ ", "--- ")):
                style = "bold"
            body.append("\n" + line, style=style)
        # soft_wrap: long output lines and the reproduce command must stay copy-pastable.
        console.print(heading + body, soft_wrap=True)
        console.print()


def _print_summary(console, units: list[_Unit], modes: Sequence[str], elapsed: float) -> None:
    from rich.table import Table

    table = Table(title="corpus", title_justify="left")
    table.add_column("mode")
    for column, style in (("passed", "green"), ("failed", "red"), ("timeout", "red"), ("skipped", "yellow")):
        table.add_column(column, justify="right", style=style)
    table.add_column("runs", justify="right")
    column_of = {"pass": 0, "fail": 1, "timeout": 2, "skip": 3}
    for mode in modes:
        counts = [0, 0, 0, 0]
        runs = 0
        for unit in units:
            if unit.mode == mode:
                counts[column_of[unit.status]] += 1
                runs += sum(1 for run in unit.runs if run.command)
        table.add_row(mode, *(str(count) for count in counts), str(runs))
    console.print(table)
    bad = sum(1 for unit in units if unit.status in ("fail", "timeout"))
    verdict = "[red]FAILED[/red]" if bad else "[green]OK[/green]"
    console.print(f"{verdict}: {len(units)} test/mode pairs, {bad} not passing, {elapsed:.1f} s")


def _write_json(path: Path, units: list[_Unit], engine: list[str], args: argparse.Namespace) -> None:
    records = []
    for unit in units:
        for result in unit.runs:
            record = {
                "test": result.test, "mode": result.mode, "repeat": result.repeat, "status": result.status,
                "duration": round(result.duration, 4), "exit_code": result.exit_code,
                "expected_exit": result.expected_exit, "race_seed": result.race_seed, "message": result.message,
            }
            if unit.peer is not None:
                record["peer_path"] = unit.peer.path
                record["class"] = unit.peer.kind
                record["missing_features"] = sorted(unit.peer.features)
            if not result.ok:
                record["output"] = result.output
                record["expected_output"] = result.expected_output
                record["command"] = result.command
            records.append(record)
    document = {"engine": engine, "engine_args": args.engine_arg, "race": args.race, "results": records}
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jsthreads corpus", description="Run corpus tests through the jsthreads CLI.")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
