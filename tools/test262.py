"""Runs the test262 subset in ../shared/test262 through jsthreads, following
../shared/test262/INTERPRETING.md: harness files, default and strict runs, flags, negative and
async tests. Owns the frontmatter parser (a YAML subset, no YAML dependency), the `$262` prelude,
the known-failures list (tools/test262-known-failures.txt) and the batch workers' supervision.

By default each job feeds tests to one long-lived worker (jsthreads/test262_worker.py) that runs
them in fresh engines, the prelude and harness files as separate scripts it compiles once (see
build_scripts); `--isolated` runs `jsthreads run FILE` on the concatenated file once per run
instead, as does an engine given by JSTHREADS_ENGINE_CMD (see jsthreads.corpus.engine_command()).
Both are judged alike. Engines run with JSTHREADS_UNHANDLED_REJECTIONS=none (see engine_env).
The list only shrinks: a failing run that is not listed fails the tool, and so does a listed run
that now passes, until `--update-known` rewrites the list.

    python tools/test262.py                       # the smoke list (~3,000 files, ~6,000 runs)
    python tools/test262.py --list core -j 2      # everything the engine targets
    python tools/test262.py test/built-ins/Array -k from
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import contextlib
import dataclasses
import functools
import io
import json
import os
import queue
import re
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterator, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from jsthreads.corpus import (ENGINE_ENV, engine_command, engine_environment, kill_live_processes,  # noqa: E402
                              run_process)

DEFAULT_ROOT = (REPO / ".." / "shared" / "test262").resolve()
DEFAULT_KNOWN = Path(__file__).resolve().with_name("test262-known-failures.txt")
DEFAULT_TIMEOUT = 10.0
MODES = ("default", "strict")

# The host's answer to [[CanBlock]] for the main agent: jsthreads' main thread may block (join,
# Lock, Atomics.wait), so tests that require it not to are skipped.
CAN_BLOCK = True

# Defines `$262` (INTERPRETING.md, "Host-Defined Functions") as a writable, configurable,
# non-enumerable global. A property the engine already provides on a native `$262` wins, so a
# real createRealm or detachArrayBuffer shows up here as soon as the engine has one. ES5 only:
# it runs before every test, on an engine that may not support much yet. evalScript must run a
# Script (its let/const join the global lexical scope), which indirect eval cannot do: the
# engine's shell helper does, and indirect eval is only the fallback for engines without it.
PRELUDE = r"""
(function (global) {
  var host = (typeof global.$262 === "object" && global.$262 !== null) ? global.$262 : {};
  // The engine's shell helpers (JSTHREADS_SHELL_HELPERS=1, see engine_env) evaluate a real
  // script; the hidden global that carries them is removed before the test can see it.
  var shell = global.$jstShell;
  if (shell !== undefined) delete global.$jstShell;
  var evalScript = host.evalScript ||
    (shell && typeof shell.evalScript === "function" ? function (source) { return shell.evalScript(source); }
                                                       : function (source) { return (0, eval)(source); });
  function unsupported(name) {
    return function () { throw new Error("$262." + name + " is not supported by this host"); };
  }
  var agent = host.agent || {
    start: unsupported("agent.start"),
    broadcast: unsupported("agent.broadcast"),
    getReport: function () { return null; },
    sleep: function (ms) { var end = Date.now() + ms; while (Date.now() < end) {} },
    monotonicNow: function () { return Date.now(); }
  };
  var $262 = {
    global: global,
    evalScript: evalScript,
    gc: host.gc || function () {},
    createRealm: host.createRealm,
    detachArrayBuffer: host.detachArrayBuffer,
    agent: agent
  };
  Object.defineProperty(global, "$262", { value: $262, writable: true, enumerable: false, configurable: true });
})(this);
""".lstrip().encode()


# ---------------------------------------------------------------------------------------------
# Frontmatter: the YAML subset test262 uses between `/*---` and `---*/`. Top-level keys start at
# column 0; a value is a scalar, a flow list `[a, b]`, a block list of `- item` lines, a one-level
# mapping (`negative:` with `phase:`/`type:`), or a `|`/`>` block scalar. Indented lines belong to
# the key above them, which keeps prose in `info: |` blocks from being read as keys.

FRONTMATTER = re.compile(r"/\*---(.*?)---\*/", re.DOTALL)
TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_$][\w$-]*):(?:[ \t]+(.*))?[ \t]*$")


def parse_frontmatter(source: str) -> dict[str, object]:
    match = FRONTMATTER.search(source)
    return parse_yaml_subset(match.group(1)) if match else {}


def parse_yaml_subset(text: str) -> dict[str, object]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result: dict[str, object] = {}
    index = 0
    while index < len(lines):
        match = TOP_LEVEL_KEY.match(lines[index])
        index += 1
        if not match:
            continue
        body = []
        while index < len(lines) and (not lines[index].strip() or lines[index][0] in " \t"):
            body.append(lines[index])
            index += 1
        result[match.group(1)] = _yaml_value((match.group(2) or "").strip(), body)
    return result


def _yaml_value(head: str, body: list[str]) -> object:
    if head.startswith("["):
        flow = " ".join([head, *(line.strip() for line in body)])
        inner = flow[1:flow.index("]")] if "]" in flow else flow[1:]
        return [_unquote(item.strip()) for item in inner.split(",") if item.strip()]
    if head[:1] in ("|", ">"):
        content = [line for line in body]
        while content and not content[-1].strip():
            content.pop()
        indent = min((len(line) - len(line.lstrip()) for line in content if line.strip()), default=0)
        content = [line[indent:] for line in content]
        return "\n".join(content) if head[0] == "|" else " ".join(line for line in content if line)
    items = [line.strip() for line in body if line.strip()]
    if not head and items and items[0].startswith("-"):
        return [_unquote(item[1:].strip()) for item in items if item.startswith("-")]
    if not head and items:
        mapping = {}
        for item in items:
            key, _, value = item.partition(":")
            mapping[key.strip()] = _unquote(value.strip())
        return mapping
    return _unquote(" ".join([head, *items]).strip())


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


@dataclasses.dataclass(frozen=True)
class Test262Test:
    path: str  # relative to the test262 root, e.g. "test/built-ins/Array/from/this-null.js"
    file: Path
    includes: tuple[str, ...]
    flags: frozenset[str]
    negative: dict[str, str] | None  # {"phase": ..., "type": ...}
    features: tuple[str, ...]

    @property
    def folder(self) -> str:
        """The report group: two path components below test/, e.g. `built-ins/Array`."""
        parts = Path(self.path).parts
        return "/".join(parts[1:3]) if parts[:1] == ("test",) and len(parts) > 3 else "(other)"


def load_test262_test(root: Path, file: Path) -> Test262Test:
    source = file.read_bytes().decode("utf-8", errors="replace")
    meta = parse_frontmatter(source)
    negative = meta.get("negative")
    try:
        path = file.resolve().relative_to(root).as_posix()
    except ValueError:
        path = file.resolve().as_posix()
    return Test262Test(
        path=path,
        file=file,
        includes=tuple(_as_list(meta.get("includes"))),
        flags=frozenset(_as_list(meta.get("flags"))),
        negative=negative if isinstance(negative, dict) else None,
        features=tuple(_as_list(meta.get("features"))),
    )


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def run_modes(test: Test262Test) -> tuple[list[str], str]:
    """The modes a test runs in (INTERPRETING.md, "Strict Mode"), or none and the reason why."""
    flags = test.flags
    if "module" in flags:
        return [], "module code is not supported"
    if test.negative and test.negative.get("phase") == "resolution":
        return [], "module resolution is not supported"
    if "CanBlockIsFalse" in flags and CAN_BLOCK:
        return [], "requires [[CanBlock]] false"
    if "CanBlockIsTrue" in flags and not CAN_BLOCK:
        return [], "requires [[CanBlock]] true"
    if "raw" in flags or "noStrict" in flags:
        return ["default"], ""
    if "onlyStrict" in flags:
        return ["strict"], ""
    return list(MODES), ""


# ---------------------------------------------------------------------------------------------
# Building and judging one run


class Harness:
    def __init__(self, root: Path):
        self.folder = root / "harness"

    @functools.lru_cache(maxsize=None)
    def read(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()


def harness_names(test: Test262Test) -> list[str]:
    """The harness files a test runs after the prelude, in order (INTERPRETING.md, `includes`)."""
    if "raw" in test.flags:
        return []
    names = ["assert.js", "sta.js"]
    if "async" in test.flags:
        names.append("doneprintHandle.js")
    return names + [name for name in test.includes if name not in names]


def build_source(test: Test262Test, mode: str, harness: Harness) -> bytes:
    """The file the engine runs: bytes throughout, since line-terminator tests hold bare CR."""
    body = test.file.read_bytes()
    if "raw" in test.flags:
        return body
    # `"use strict";\n` must open the file to make the whole script strict; the rest follows, one
    # part per line so that a harness file without a final newline cannot merge into the next.
    parts = [b'"use strict";'] if mode == "strict" else []
    parts += [PRELUDE, *(harness.read(name) for name in harness_names(test)), body]
    return b"\n".join(parts)


def build_scripts(test: Test262Test, mode: str, harness: Harness) -> tuple[list[tuple[str, bytes]], bytes]:
    """The same run as build_source, as separate scripts of one realm: [(name, prelude or harness
    file)] run in order, then the test. Each is strict in strict mode. Batch workers compile each
    harness script once and reuse it, which is most of a run's compile time (the test is small)."""
    body = test.file.read_bytes()
    if "raw" in test.flags:
        return [], body
    prefix = b'"use strict";\n' if mode == "strict" else b""
    scripts = [("$262-prelude.js", prefix + PRELUDE)]
    scripts += [(name, prefix + harness.read(name)) for name in harness_names(test)]
    return scripts, prefix + body


@dataclasses.dataclass
class Run:
    test: Test262Test
    mode: str
    status: str  # "pass" | "fail" | "timeout" | "crash" (a batch worker died)
    reason: str = ""
    duration: float = 0.0
    exit_code: int | None = None
    stdout: str = ""
    stderr: str = ""
    known: bool = False  # listed in the known-failures file
    # Batch mode: the crash of a first attempt, in a worker that had run other tests, when a rerun
    # in a fresh worker did not crash. Worth a look (state leaking between engines?), not a failure.
    crashed_earlier: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "pass"


def judge(test: Test262Test, exit_code: int | None, stdout: str, stderr: str) -> tuple[bool, str]:
    """Whether a finished run passed (INTERPRETING.md, "Test Results"), and why not."""
    first = stderr.lstrip("\n").split("\n", 1)[0].rstrip("\r")
    got = first or (f"exit code {exit_code}, no error output" if exit_code else "no error")
    if first.startswith("Traceback (most recent call last)"):
        # The engine itself crashed: its last line says more than the traceback's first.
        got = "engine crashed: " + stderr.strip().splitlines()[-1]
    if test.negative:
        kind, phase = test.negative.get("type", ""), test.negative.get("phase", "")
        if phase in ("parse", "early"):
            # A parse error is printed without "Uncaught": nothing ran, not even $DONOTEVALUATE.
            ok = exit_code != 0 and (first == kind or first.startswith(kind + ":"))
            return ok, "" if ok else f"expected a parse-time {kind}, got: {got}"
        ok = exit_code != 0 and re.match(rf"Uncaught {re.escape(kind)}(:|$)", first) is not None
        return ok, "" if ok else f"expected an uncaught {kind}, got: {got}"
    if "async" in test.flags:
        failure = next((line for line in stdout.splitlines() if "Test262:AsyncTestFailure" in line), None)
        if failure:
            return False, failure.strip()
        if "Test262:AsyncTestComplete" not in stdout:
            return False, f"no Test262:AsyncTestComplete printed; {got}"
        return True, ""
    if exit_code != 0:
        return False, got
    return True, ""


def run_test(test: Test262Test, mode: str, *, harness: Harness, workdir: Path, timeout: float,
             engine: Sequence[str], engine_args: Sequence[str], env: dict[str, str]) -> Run:
    fd, name = tempfile.mkstemp(dir=workdir, prefix=f"{mode}-", suffix=f"-{test.file.name}")
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(build_source(test, mode, harness))
        outcome = run_process([*engine, "run", temp.name, *engine_args], cwd=workdir, env=env, timeout=timeout)
    finally:
        temp.unlink(missing_ok=True)
    run = Run(test, mode, "fail", duration=outcome.duration, exit_code=outcome.exit_code,
              stdout=outcome.stdout, stderr=outcome.stderr)
    if outcome.timed_out:
        run.status, run.reason = "timeout", f"timed out after {timeout:g} s"
    else:
        passed, run.reason = judge(test, outcome.exit_code, outcome.stdout, outcome.stderr)
        run.status = "pass" if passed else "fail"
    return run


# ---------------------------------------------------------------------------------------------
# Batch mode: each job owns one long-lived `python -m jsthreads.test262_worker` (see its docstring
# for the JSON-lines protocol), which runs test after test in a fresh Engine each. The parent keeps
# everything that must survive a bad test: the clock (a worker silent for --timeout seconds is
# killed), crash detection (EOF on its stdout), recycling, and judging, which reuses `judge` on the
# exit code, stdout and stderr that `jsthreads run` would have produced, so that both modes agree.
#
# A worker's stderr goes to a log file in the work folder. It writes nothing there between tests,
# so what the log gained while a test ran is that test's stderr (console.error, or the fatal
# message of a crash) and is judged the same way as a subprocess's stderr.

WORKER_MAX_TESTS = 500  # recycle after this many tests, to bound leaks in the engine or compiler
WORKER_MAX_RSS = 1 << 30  # or once its resident set exceeds this many bytes
WORKER_START_TIMEOUT = 60.0  # seconds for a worker to import the engine and say it is ready


def worker_command(engine_args: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "jsthreads.test262_worker", *engine_args]


def engine_env() -> dict[str, str]:
    """The environment of every engine the tool starts: test262 judges rejections through its
    own callbacks, so the engine's unhandled-rejection report (which would end a run with an
    error the test never made) is off; the shell helpers give the prelude a real evalScript."""
    return dict(engine_environment(), JSTHREADS_UNHANDLED_REJECTIONS="none", JSTHREADS_SHELL_HELPERS="1")


def cli_source_text(data: bytes) -> str:
    """The script as `jsthreads run` reads it from a file: `Path.read_text(encoding="utf-8")`, which
    also turns CR LF and lone CR into LF. Raises UnicodeDecodeError as the CLI's read would."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


class WorkerStartError(Exception):
    """A worker died or stayed silent before saying it was ready: the engine cannot be run at all."""


class WorkerStopped(Exception):
    """The pool was stopped (the run was interrupted) while a slot wanted a worker."""


@dataclasses.dataclass
class Exchange:
    answer: dict | None  # None: the worker died or timed out
    stderr: str  # what the worker wrote to stderr during the test
    duration: float
    timed_out: bool = False
    exit_code: int | None = None  # when it died


class Worker:
    """One worker process, its stdout line buffer and its stderr log."""

    def __init__(self, command: Sequence[str], env: dict[str, str], cwd: Path, log: Path):
        self.log = log
        with open(log, "ab") as stderr:
            # Its own session, like run_process's children: Ctrl-C reaches only the parent,
            # which then kills every worker (WorkerPool.stop).
            self.process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=stderr, start_new_session=True)
        self.tests = 0
        self._buffer = bytearray()

    def wait_ready(self, timeout: float) -> None:
        try:
            line = self._read_line(timeout)
        except TimeoutError:
            line = None
        try:
            ready = line is not None and json.loads(line).get("ready") is True
        except ValueError:
            ready = False
        if not ready:
            self.kill()
            tail = "\n".join(self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:])
            raise WorkerStartError(f"the test262 worker did not start ({self.death()}):\n{tail}")

    def exchange(self, request: dict, timeout: float) -> Exchange:
        """Sends one request and waits up to `timeout` seconds for its answer."""
        offset = self.log.stat().st_size
        start = time.perf_counter()
        self.tests += 1
        answer, timed_out = None, False
        try:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
            line = self._read_line(timeout)
            answer = json.loads(line) if line is not None else None
        except TimeoutError:
            timed_out = True
        except (BrokenPipeError, ValueError):  # died before reading, or wrote a torn line
            answer = None
        duration = time.perf_counter() - start
        if answer is None:
            self.kill()
        with open(self.log, "rb") as log:
            log.seek(offset)
            stderr = log.read().decode("utf-8", errors="replace")
        exit_code = None if answer is not None or timed_out else self.process.returncode
        return Exchange(answer, stderr, duration, timed_out, exit_code)

    def _read_line(self, timeout: float) -> bytes | None:
        """The next line of the worker's stdout; None at EOF; TimeoutError after `timeout` s."""
        deadline = time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while (end := self._buffer.find(b"\n")) < 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            if not select.select([fd], [], [], remaining)[0]:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return None
            self._buffer += chunk
        line = bytes(self._buffer[:end])
        del self._buffer[:end + 1]
        return line

    def rss(self) -> int:
        """Resident set size in bytes (Linux /proc; 0 where unavailable)."""
        try:
            pages = int(Path(f"/proc/{self.process.pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            return 0
        return pages * os.sysconf("SC_PAGE_SIZE")

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                pipe.close()
            except OSError:
                pass

    def death(self) -> str:
        """How the process ended, for reports."""
        code = self.process.returncode
        if code is None:
            return "no answer"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"


class WorkerPool:
    """Starts workers and knows every live one, so that stop() (Ctrl-C) can kill them all."""

    def __init__(self, command: Sequence[str], env: dict[str, str], workdir: Path):
        self.command, self.env, self.workdir = list(command), env, workdir
        self._lock = threading.Lock()
        self._live: set[Worker] = set()
        self._started = 0
        self.stopped = False

    def start(self) -> Worker:
        with self._lock:
            if self.stopped:
                raise WorkerStopped
            self._started += 1
            worker = Worker(self.command, self.env, self.workdir, self.workdir / f"worker-{self._started}.log")
            self._live.add(worker)
        worker.wait_ready(WORKER_START_TIMEOUT)
        return worker

    def retire(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self._live.discard(worker)

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            workers = list(self._live)
            self._live.clear()
        for worker in workers:
            worker.kill()


def _batch_slot(pool: WorkerPool, pending: collections.deque, results: queue.Queue, harness: Harness,
                timeout: float) -> None:
    """One job: takes runs off `pending` until it is empty, starting workers as needed."""
    worker: Worker | None = None
    try:
        while not pool.stopped:
            try:
                test, mode = pending.popleft()
            except IndexError:
                break
            first_crash = ""
            for attempt in range(2):
                if worker is None:
                    worker = pool.start()
                fresh = worker.tests == 0
                run, alive = run_in_worker(test, mode, worker, harness=harness, timeout=timeout)
                if pool.stopped:
                    return  # the run was interrupted: this answer may be the kill's doing
                if not alive or worker.tests >= WORKER_MAX_TESTS or worker.rss() > WORKER_MAX_RSS:
                    pool.retire(worker)
                    worker = None
                # A crash may be the work of an earlier test in the same worker (a corrupted heap,
                # say), which `jsthreads run` would never see: only a crash in a fresh worker counts.
                if run.status != "crash" or fresh or attempt:
                    break
                first_crash = run.reason
            run.crashed_earlier = first_crash if run.status != "crash" else ""
            results.put(run)
    except WorkerStopped:
        pass
    except BaseException as error:  # WorkerStartError, or a bug here: the main thread re-raises it
        results.put(error)
    finally:
        if worker is not None:
            pool.retire(worker)


def run_in_worker(test: Test262Test, mode: str, worker: Worker, *, harness: Harness,
                  timeout: float) -> tuple[Run, bool]:
    """One run in a worker, judged like run_test; also whether the worker survived it."""
    filename = f"{mode}-{test.file.name}"
    try:
        scripts, body = build_scripts(test, mode, harness)
        source = cli_source_text(body)
        harness_scripts = [{"name": name, "source": _harness_text(data)} for name, data in scripts]
    except UnicodeDecodeError as error:
        stderr = f"jsthreads: cannot read {filename}: {error}\n"  # what cli.py prints, exit code 2
        passed, reason = judge(test, 2, "", stderr)
        return Run(test, mode, "pass" if passed else "fail", reason, exit_code=2, stderr=stderr), True
    request = {"id": worker.tests + 1, "source": source, "filename": filename, "flags": sorted(test.flags),
               "harness": harness_scripts}
    exchange = worker.exchange(request, timeout)
    run = Run(test, mode, "fail", duration=exchange.duration, stderr=exchange.stderr)
    answer = exchange.answer
    if exchange.timed_out:
        run.status, run.reason = "timeout", f"timed out after {timeout:g} s"
        return run, False
    if answer is None or answer.get("id") != request["id"]:
        last = exchange.stderr.strip().splitlines()[-1:] if exchange.stderr.strip() else []
        run.status, run.exit_code = "crash", exchange.exit_code
        run.reason = "; ".join([f"crash: worker {worker.death()}", *last])
        return run, False
    # Rebuild what `jsthreads run` would have printed, then judge it as a subprocess's output.
    status = answer["status"]
    run.stdout = answer.get("stdout", "")
    run.exit_code = 0 if status == "ok" else 1
    if status != "ok":
        run.stderr += (answer.get("report") or answer.get("error", "")).rstrip("\n") + "\n"
    passed, run.reason = judge(test, run.exit_code, run.stdout, run.stderr)
    run.status = "pass" if passed else "fail"
    return run, True


@functools.lru_cache(maxsize=None)
def _harness_text(data: bytes) -> str:
    return cli_source_text(data)


# ---------------------------------------------------------------------------------------------
# Selecting tests


def read_list(root: Path, name: str) -> list[Path]:
    path = root / f"{name}.txt" if name in ("smoke", "core") else Path(name)
    files = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            files.append(root / line)
    return files


def expand_paths(root: Path, paths: Sequence[str]) -> list[Path]:
    """Files and folders named on the command line, relative to the cwd, the root or root/test."""
    files: list[Path] = []
    for raw in paths:
        candidates = [Path(raw), root / raw, root / "test" / raw]
        path = next((candidate for candidate in candidates if candidate.exists()), None)
        if path is None:
            raise FileNotFoundError(f"no such test file or folder: {raw}")
        if path.is_dir():
            files += sorted(file for file in path.rglob("*.js") if "_FIXTURE" not in file.name)
        else:
            files.append(path)
    return files


# ---------------------------------------------------------------------------------------------
# Known failures: `path mode` lines, sorted; a bare path stands for every mode.

KNOWN_HEADER = """\
# test262 runs that fail today: one `path mode` per line (mode: default or strict), sorted.
# tools/test262.py fails on a failing run missing from this list and on a listed run that passes.
# Regenerate with `python tools/test262.py --update-known` (entries of tests not run are kept).
"""


def read_known(path: Path) -> set[tuple[str, str | None]]:
    entries: set[tuple[str, str | None]] = set()
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        test_path, _, mode = line.partition(" ")
        entries.add((test_path, mode.strip() or None))
    return entries


def is_known(known: set[tuple[str, str | None]], path: str, mode: str) -> bool:
    return (path, mode) in known or (path, None) in known


def write_known(path: Path, known: set[tuple[str, str | None]], runs: list[Run]) -> None:
    ran_paths = {run.test.path for run in runs}
    ran = {(run.test.path, run.mode) for run in runs}
    # Keep what this run did not test; a bare path is replaced once any of its modes ran.
    kept = {(p, m) for p, m in known if (p not in ran_paths if m is None else (p, m) not in ran)}
    kept |= {(run.test.path, run.mode) for run in runs if not run.passed}
    lines = sorted(p if m is None else f"{p} {m}" for p, m in kept)
    path.write_text(KNOWN_HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The command line


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Run test262 through jsthreads.")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="test files or folders (relative to the cwd, the test262 root or its test/); "
                             "default: the --list")
    parser.add_argument("--list", default="smoke", metavar="smoke|core|FILE",
                        help="which tests to run when no PATH is given (default: smoke)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, metavar="DIR",
                        help=f"the test262 checkout (default: {DEFAULT_ROOT})")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="runs in parallel (default: CPU count)")
    parser.add_argument("-k", dest="filter", action="append", metavar="FILTER",
                        help="only tests whose path contains FILTER (repeatable: any of them)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                        help=f"per-run timeout in seconds, counted as a failure (default: {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--known-failures", type=Path, default=DEFAULT_KNOWN, metavar="FILE",
                        help="the known-failures list (default: tools/test262-known-failures.txt)")
    parser.add_argument("--update-known", action="store_true",
                        help="rewrite the known-failures list from this run's results")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every run's result to FILE")
    parser.add_argument("--engine-arg", action="append", default=[], metavar="ARG",
                        help="extra engine option after `run FILE` (repeatable; --engine-arg=--threads)")
    parser.add_argument("--isolated", action="store_true",
                        help="run each test in its own `jsthreads run` process instead of in long-lived "
                             "workers (slower; implied when JSTHREADS_ENGINE_CMD is set)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from rich.console import Console

    args = build_parser().parse_args(argv)
    console = Console(highlight=False)
    errors = Console(stderr=True, highlight=False)
    root = args.root.resolve()
    try:
        files = expand_paths(root, args.paths) if args.paths else read_list(root, args.list)
    except (FileNotFoundError, OSError) as error:
        errors.print(f"test262: {error}", markup=False)
        return 2
    if args.filter:
        files = [file for file in files if any(f in file.as_posix() for f in args.filter)]
    missing = [file for file in files if not file.is_file()]
    if missing:
        errors.print(f"test262: {len(missing)} listed files are missing, e.g. {missing[0]}", markup=False)
        files = [file for file in files if file.is_file()]

    work: list[tuple[Test262Test, str]] = []
    skipped: list[tuple[Test262Test, str]] = []
    for file in files:
        test = load_test262_test(root, file)
        modes, why = run_modes(test)
        if not modes:
            skipped.append((test, why))
        work += [(test, mode) for mode in modes]
    if not work:
        errors.print("test262: no tests to run", markup=False)
        return 1

    # Workers run this checkout's engine in-process; an engine given as a command can only be
    # run one process per test.
    batch = not args.isolated and not os.environ.get(ENGINE_ENV, "").strip()
    if not batch and not args.isolated:
        errors.print(f"test262: {ENGINE_ENV} is set: one process per run (--isolated)", markup=False)
    known = read_known(args.known_failures)
    started = time.perf_counter()
    try:
        runs = _run_all(work, args, root, known, errors, batch)
    except WorkerStartError as error:
        errors.print(f"test262: {error}", markup=False)
        return 2
    if runs is None:
        errors.print("test262: interrupted", markup=False)
        return 130
    elapsed = time.perf_counter() - started
    for run in runs:
        run.known = is_known(known, run.test.path, run.mode)
    runs.sort(key=lambda run: (run.test.path, run.mode))

    new_failures = [run for run in runs if not run.passed and not run.known]
    unexpected_passes = [run for run in runs if run.passed and run.known]
    _print_tables(console, runs, skipped, elapsed)
    _print_list(console, "crashed a worker that had run other tests, but not a fresh one",
                [run for run in runs if run.crashed_earlier], lambda run: run.crashed_earlier)
    if args.json:
        _write_json(args.json, runs, skipped, worker_command(args.engine_arg) if batch else engine_command())
    if args.update_known:
        write_known(args.known_failures, known, runs)
        console.print(f"updated {args.known_failures}: {len(new_failures)} runs added, "
                      f"{len(unexpected_passes)} removed")
        return 0
    _print_list(console, "new failures", new_failures, lambda run: run.reason)
    _print_list(console, "unexpected passes (listed as known failures)", unexpected_passes, lambda run: "")
    if unexpected_passes:
        console.print("[yellow]Run with --update-known to remove them from the list.[/yellow]")
    if new_failures or unexpected_passes:
        console.print(f"[red]FAILED[/red]: {len(new_failures)} new failures, "
                      f"{len(unexpected_passes)} unexpected passes")
        return 1
    console.print("[green]OK[/green]: no new failures")
    return 0


def _run_all(work, args, root: Path, known, errors, batch: bool) -> list[Run] | None:
    """Runs every (test, mode) with a progress bar; None when interrupted. Raises WorkerStartError."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    harness = Harness(root)
    runs: list[Run] = []
    new = 0
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=errors, disable=args.quiet)
    runner = _batch_runs if batch else _isolated_runs
    try:
        with tempfile.TemporaryDirectory(prefix="test262-") as workdir, progress:
            task = progress.add_task("test262", total=len(work))
            # closing(): an interrupt in this loop's body still runs the runner's cleanup.
            with contextlib.closing(runner(work, args, harness, Path(workdir))) as results:
                for run in results:
                    runs.append(run)
                    if not run.passed and not is_known(known, run.test.path, run.mode):
                        new += 1
                        progress.update(task, description=f"test262 ([red]{new} new failures[/red])")
                    progress.advance(task)
    except KeyboardInterrupt:
        return None
    return runs


def _isolated_runs(work, args, harness: Harness, workdir: Path) -> Iterator[Run]:
    """--isolated: one engine process per run, in finishing order."""
    engine, env = engine_command(), engine_env()
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs))
    finished = False
    try:
        futures = [executor.submit(run_test, test, mode, harness=harness, workdir=workdir, timeout=args.timeout,
                                   engine=engine, engine_args=args.engine_arg, env=env)
                   for test, mode in work]
        for future in concurrent.futures.as_completed(futures):
            yield future.result()
        finished = True
    finally:
        if finished:
            executor.shutdown()
        else:
            executor.shutdown(wait=False, cancel_futures=True)
            kill_live_processes()


def _batch_runs(work, args, harness: Harness, workdir: Path) -> Iterator[Run]:
    """The default: --jobs slot threads, each feeding one worker process, in finishing order."""
    pool = WorkerPool(worker_command(args.engine_arg), engine_env(), workdir)
    pending = collections.deque(work)
    results: queue.Queue = queue.Queue()
    slots = [threading.Thread(target=_batch_slot, args=(pool, pending, results, harness, args.timeout),
                              name=f"test262-slot-{index}", daemon=True)
             for index in range(max(1, min(args.jobs, len(work))))]
    try:
        for slot in slots:
            slot.start()
        for _ in range(len(work)):
            result = results.get()
            if isinstance(result, BaseException):
                raise result
            yield result
    finally:
        pool.stop()
        pending.clear()
        for slot in slots:
            slot.join(timeout=10)


def _print_tables(console, runs: list[Run], skipped, elapsed: float) -> None:
    from rich.table import Table

    by_folder: dict[str, list[Run]] = collections.defaultdict(list)
    for run in runs:
        by_folder[run.test.folder].append(run)
    table = Table(title="test262", title_justify="left")
    table.add_column("folder")
    table.add_column("runs", justify="right")
    table.add_column("passing", justify="right", style="green")
    table.add_column("failing", justify="right", style="red")
    table.add_column("%", justify="right")
    table.add_column("new failures", justify="right", style="bold red")

    def row(name: str, group: list[Run], **style) -> None:
        passing = sum(run.passed for run in group)
        new = sum(1 for run in group if not run.passed and not run.known)
        table.add_row(name, str(len(group)), str(passing), str(len(group) - passing),
                      f"{100 * passing / len(group):.1f}", str(new or ""), **style)

    for folder in sorted(by_folder):
        row(folder, by_folder[folder])
    table.add_section()
    row("total", runs, style="bold")
    console.print(table)
    passing = sum(run.passed for run in runs)
    console.print(f"{passing} / {len(runs)} runs passing ({100 * passing / len(runs):.1f}%), "
                  f"{len(skipped)} tests skipped, {elapsed:.1f} s")


def _print_list(console, title: str, runs: list[Run], detail, limit: int = 50) -> None:
    if not runs:
        return
    console.print(f"[bold]{title} ({len(runs)}):[/bold]")
    for run in runs[:limit]:
        reason = detail(run)
        console.print(f"  {run.test.path} {run.mode}" + (f": {reason}" if reason else ""), markup=False,
                      soft_wrap=True)
    if len(runs) > limit:
        console.print(f"  ... and {len(runs) - limit} more (see --json)")


def _write_json(path: Path, runs: list[Run], skipped, engine: list[str]) -> None:
    records = []
    for run in runs:
        record = {"path": run.test.path, "mode": run.mode, "status": run.status, "known_failure": run.known,
                  "duration": round(run.duration, 4), "exit_code": run.exit_code, "reason": run.reason}
        if run.crashed_earlier:
            record["crashed_earlier"] = run.crashed_earlier
        if not run.passed:
            record["stdout"], record["stderr"] = run.stdout[-4000:], run.stderr[-4000:]
        records.append(record)
    records += [{"path": test.path, "mode": None, "status": "skip", "reason": why} for test, why in skipped]
    path.write_text(json.dumps({"engine": engine, "results": records}, indent=1) + "\n",
                    encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
