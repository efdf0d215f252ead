"""The `jsthreads` command: run | repl | corpus | disasm.

Owns argument parsing and exit codes (0 success, 1 uncaught JS error or syntax error, 2 bad
usage or a missing file), and printing errors the way specs/interpreter.md describes. Never
shows a Python traceback for anything a JS program does.

Start-up time matters (`jsthreads run` is what every corpus test pays): a plain
`run FILE [--gil|--threads|--shell-helpers]` is recognised without argparse, the script's blob
comes from the code cache (codecache.py) when unchanged, and rich, the corpus runner and the
compiler are imported only by the paths that need them.
"""

import os
import sys

RUN_FLAGS = ("--threads", "--gil", "--shell-helpers", "--can-block-is-false")
SHELL_ENV = "JSTHREADS_SHELL_HELPERS"  # read by csrc/builtins/shell.c at runtime creation
# The threads options of the notes, read by csrc/thread.c at runtime creation (specs/threads.md).
MAX_THREADS_ENV = "JSTHREADS_MAX_THREADS"  # --max-threads N: maxJSThreads [THR-18]
CAN_BLOCK_ENV = "JSTHREADS_CAN_BLOCK_IS_FALSE"  # --can-block-is-false: the blocking gate [THR-19]


class _RunArgs:
    def __init__(self, file=None, eval=None, gil=False, shell_helpers=False, can_block_is_false=False):
        self.file, self.eval, self.gil, self.shell_helpers = file, eval, gil, shell_helpers
        self.can_block_is_false, self.max_threads = can_block_is_false, None


def _fast_run_args(arguments):
    """`run FILE` with run flags, parsed without argparse; None for anything else (argparse then
    handles it, errors and --help included)."""
    if len(arguments) < 2 or arguments[0] != "run":
        return None
    files = [word for word in arguments[1:] if not word.startswith("-")]
    flags = [word for word in arguments[1:] if word.startswith("-")]
    if len(files) != 1 or any(flag not in RUN_FLAGS for flag in flags) or len(set(flags)) != len(flags):
        return None
    if "--gil" in flags and "--threads" in flags:
        return None
    return _RunArgs(file=files[0], gil="--gil" in flags, shell_helpers="--shell-helpers" in flags,
                    can_block_is_false="--can-block-is-false" in flags)


def _read_source(name):
    """The file's bytes and text. Decoded without newline translation: a bare CR must reach the
    parser as a line terminator of its own (and inside template literals as written)."""
    with open(name, "rb") as file:
        data = file.read()
    return data, data.decode("utf-8")


def _run(args):
    if args.eval is not None:
        source_bytes, source, filename = None, args.eval, "<eval>"
    elif args.file is None:
        print("jsthreads run: give a FILE or -e CODE", file=sys.stderr)
        return 2
    else:
        filename = args.file
        try:
            source_bytes, source = _read_source(filename)
        except FileNotFoundError:
            print("jsthreads: cannot open %s: no such file" % filename, file=sys.stderr)
            return 2
        except (OSError, UnicodeDecodeError) as error:
            print("jsthreads: cannot read %s: %s" % (filename, error), file=sys.stderr)
            return 2
    from . import codecache
    try:
        if source_bytes is None:
            from .compile import compile_source
            blob = compile_source(source, filename)
        else:
            blob = codecache.compile_cached(source_bytes, source, filename)
    except RecursionError:
        print("SyntaxError: source nesting too deep\n    at %s" % filename, file=sys.stderr)
        return 1
    except Exception as error:
        from .compile import JSSyntaxError
        if not isinstance(error, JSSyntaxError):
            raise
        sys.stdout.flush()
        print(error.format(), file=sys.stderr)
        return 1
    if args.shell_helpers:
        os.environ[SHELL_ENV] = "1"
    if args.can_block_is_false:
        os.environ[CAN_BLOCK_ENV] = "1"
    if args.max_threads is not None:
        os.environ[MAX_THREADS_ENV] = str(args.max_threads)
    from .core import Engine, EngineError
    engine = Engine("gil" if args.gil else "threads")
    try:
        if args.shell_helpers:
            _run_shell_prelude(engine, codecache, filename, "gil" if args.gil else "threads")
        engine.run_blob(blob)
        if args.shell_helpers:
            engine.run_blob(_compile_internal(codecache, "$jstShell.finish();", "<shell>"))
    except EngineError as error:
        sys.stdout.flush()
        print(error.text, file=sys.stderr)
        return 1
    finally:
        sys.stdout.flush()
    return 0


def _compile_internal(codecache, source, filename):
    return codecache.compile_cached(source.encode("utf-8"), source, filename)


def _run_shell_prelude(engine, codecache, filename, mode):
    """The jsc shell helpers (shell_shim.js) for peer-corpus tests, configured with the test's
    folder (for load's paths) and the engine mode (for $vm.useThreadGIL)."""
    import json
    shim_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shell_shim.js")
    shim_bytes, shim = _read_source(shim_path)
    engine.run_blob(codecache.compile_cached(shim_bytes, shim, "<shell_shim.js>"), False)
    folder = os.path.dirname(os.path.abspath(filename)) if filename != "<eval>" else os.getcwd()
    config = "$jstShell.configure(%s);" % json.dumps({"dir": folder, "mode": mode})
    engine.run_blob(_compile_internal(codecache, config, "<shell>"), False)


def _repl(args):
    from .repl import main as repl_main
    return repl_main(args)


def _disasm(args):
    from .disasm import main as disasm_main
    return disasm_main((["--profile"] if args.profile else []) + [args.file])


def _corpus(args):
    from . import corpus
    return corpus.run(args)


def _thread_cap(text):
    import argparse
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 32766:
        raise argparse.ArgumentTypeError("--max-threads takes an integer from 0 to 32766")
    return value


def _parse(arguments):
    import argparse
    parser = argparse.ArgumentParser(prog="jsthreads", description="JavaScript with shared-memory threads")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a JavaScript file")
    run.add_argument("file", nargs="?")
    run.add_argument("-e", dest="eval", metavar="CODE", help="run CODE instead of a file")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument("--threads", action="store_true", help="threads run in parallel (default)")
    mode.add_argument("--gil", action="store_true", help="one thread runs at a time (the oracle)")
    run.add_argument("--shell-helpers", action="store_true",
                     help="define the jsc shell helpers (print, load, $vm, ...) for peer-corpus tests")
    run.add_argument("--max-threads", type=_thread_cap, metavar="N",
                     help="at most N spawned Threads live at once (maxJSThreads; default 32766)")
    run.add_argument("--can-block-is-false", action="store_true",
                     help="main (every thread under --gil) may not block: join of a running thread, "
                          "contended hold, Condition.wait and blocking Atomics.wait throw TypeError")
    run.set_defaults(handler=_run)
    repl = commands.add_parser("repl", help="interactive prompt")
    repl.add_argument("--gil", action="store_true")
    repl.set_defaults(handler=_repl)
    disasm = commands.add_parser("disasm", help="print the bytecode of every function")
    disasm.add_argument("file")
    disasm.add_argument("--profile", action="store_true",
                        help="run the program first, then show the value kinds each instruction saw")
    disasm.set_defaults(handler=_disasm)
    corpus_parser = commands.add_parser("corpus", help="run corpus tests under --gil/--threads")
    if arguments[:1] == ["corpus"]:
        # The runner pulls in rich and concurrency modules: import it only when asked for.
        from . import corpus
        corpus.add_arguments(corpus_parser)
    corpus_parser.set_defaults(handler=_corpus)
    return parser.parse_args(arguments)


def main(argv=None):
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _fast_run_args(arguments) or _parse(arguments)
        return args.handler(args) if hasattr(args, "handler") else _run(args)
    except KeyboardInterrupt:
        return 130
