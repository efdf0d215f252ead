"""A long-lived test262 runner process: tools/test262.py starts one per job and feeds it tests,
so Python start-up and the compiler's imports are paid once per worker, not once per run.

The protocol is one JSON object per line. The worker first writes `{"ready": true, "pid": ...}`;
then, for each request `{"id", "source", "filename", "flags", "harness"}` read from stdin, it answers
`{"id", "status", "stdout", "error", "report"}` on stdout, where status is "ok", "syntax" (the
compiler rejected the script), "uncaught" (a JS exception escaped) or "internal" (a Python exception,
which the CLI would show as a traceback); report is the error as `jsthreads run` prints it on stderr
(the traceback, for "internal") and error its first line (the traceback's last). `flags` is
test262's list; it changes nothing here and is accepted so that a request describes its test fully.
`harness` (optional) is a list of `{"name", "source"}` scripts run first, in order, in the same
engine (the `$262` prelude and the harness files): each is compiled once per worker and its
bytecode reused, since compiling the harness is most of a small test's cost. The test itself is
compiled before anything runs, so a test that does not parse runs no harness, as in one file.

Each test runs in a fresh Engine, exactly as `jsthreads run` would run it (cli.py `_run`). JS
output goes to the C-level fd 1, so the worker points fd 1 at a capture file around each test
and keeps its protocol on a dup of the original fd 1, made before any redirection. It must not
judge results, time tests out or recycle itself: the parent does all three, and a crash or hang
here costs one test, reported by the parent.

    python -m jsthreads.test262_worker [--gil | --threads]
"""

import argparse
import ctypes
import json
import os
import sys
import tempfile
import traceback


class Capture:
    """Routes fd 1 (C stdio and Python's sys.stdout alike) into a temp file while a test runs."""

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="jsthreads-test262-")
        self._fd = self._file.fileno()
        self._idle = os.open(os.devnull, os.O_WRONLY)
        try:
            self._fflush = ctypes.CDLL(None).fflush  # fflush(NULL) flushes every C stream
        except (OSError, AttributeError):
            self._fflush = None
        # Between tests stray output must not reach the protocol channel.
        os.dup2(self._idle, 1)

    def _flush(self):
        sys.stdout.flush()
        if self._fflush is not None:
            self._fflush(None)

    def __enter__(self):
        self._flush()
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.dup2(self._fd, 1)
        return self

    def __exit__(self, *exc_info):
        self._flush()
        os.dup2(self._idle, 1)
        return False

    def text(self):
        size = os.fstat(self._fd).st_size
        return os.pread(self._fd, size, 0).decode("utf-8", "replace")


class SyntaxFailure(Exception):
    """A script did not compile; args[0] is the report `jsthreads run` would print."""


def compile_script(source, filename):
    from .compile import compile_source, JSSyntaxError
    try:
        return compile_source(source, filename)
    except JSSyntaxError as error:
        raise SyntaxFailure(error.format()) from None
    except RecursionError:
        raise SyntaxFailure("SyntaxError: source nesting too deep\n    at %s" % filename) from None


# (name, source) -> bytecode of a harness script; a few dozen entries at most (files x modes).
_harness_blobs = {}


def harness_blob(name, source):
    key = (name, source)
    blob = _harness_blobs.get(key)
    if blob is None:
        blob = _harness_blobs[key] = compile_script(source, name)
    return blob


def run_source(source, filename, mode, harness=()):
    """Runs one script, after the harness scripts, as `jsthreads run` runs the file that
    concatenates them: (status, the error report it would print)."""
    from .core import Engine, EngineError
    try:
        blob = compile_script(source, filename)
        scripts = [harness_blob(script["name"], script["source"]) for script in harness]
    except SyntaxFailure as failure:
        return "syntax", failure.args[0]
    engine = Engine(mode)
    try:
        for script in scripts:
            engine.run_blob(script, run_event_loop=False)
        engine.run_blob(blob)
    except EngineError as error:
        return "uncaught", error.text
    finally:
        engine.close()
    return "ok", ""


def handle(request, mode, capture):
    """One request in, one answer out; never raises for anything the test does."""
    with capture:
        try:
            status, report = run_source(request["source"], request.get("filename") or "<test262>", mode,
                                        request.get("harness") or ())
            error = report.lstrip("\n").split("\n", 1)[0].rstrip("\r")
        except Exception as exc:  # an engine or compiler bug: the CLI would print a traceback
            report = traceback.format_exc()
            status, error = "internal", traceback.format_exception_only(type(exc), exc)[-1].strip()
    return {"id": request.get("id"), "status": status, "stdout": capture.text(), "error": error,
            "report": report}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m jsthreads.test262_worker",
                                     description="Run test262 sources sent as JSON lines on stdin.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--threads", action="store_true", help="threads run in parallel (default)")
    mode.add_argument("--gil", action="store_true", help="one thread runs at a time")
    args = parser.parse_args(argv)
    engine_mode = "gil" if args.gil else "threads"

    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    capture = Capture()
    # Import the engine now, so that a broken build fails before "ready" rather than on a test.
    from . import core  # noqa: F401
    from . import compile  # noqa: F401

    def send(message):
        sys.stderr.flush()  # the parent reads a test's stderr up to its answer
        protocol.write(json.dumps(message) + "\n")
        protocol.flush()

    send({"ready": True, "pid": os.getpid()})
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        send(handle(json.loads(line), engine_mode, capture))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(130)
