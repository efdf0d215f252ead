"""The `jsthreads` command: run | repl | corpus | disasm.

Owns argument parsing and exit codes (0 success, 1 uncaught JS error or syntax error, 2 bad
usage or a missing file), and printing errors the way specs/interpreter.md describes. Never
shows a Python traceback for anything a JS program does.
"""

import argparse
import sys
from pathlib import Path


def _run(args):
    from .compile import compile_source, JSSyntaxError
    if args.eval is not None:
        source, filename = args.eval, "<eval>"
    elif args.file is None:
        print("jsthreads run: give a FILE or -e CODE", file=sys.stderr)
        return 2
    else:
        path = Path(args.file)
        try:
            source = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            print("jsthreads: cannot open %s: no such file" % args.file, file=sys.stderr)
            return 2
        except (OSError, UnicodeDecodeError) as error:
            print("jsthreads: cannot read %s: %s" % (args.file, error), file=sys.stderr)
            return 2
        filename = args.file
    try:
        blob = compile_source(source, filename)
    except JSSyntaxError as error:
        sys.stdout.flush()
        print(error.format(), file=sys.stderr)
        return 1
    except RecursionError:
        print("SyntaxError: source nesting too deep\n    at %s" % filename, file=sys.stderr)
        return 1
    from .core import Engine, EngineError
    engine = Engine("gil" if args.gil else "threads")
    try:
        engine.run_blob(blob)
    except EngineError as error:
        sys.stdout.flush()
        print(error.text, file=sys.stderr)
        return 1
    finally:
        sys.stdout.flush()
    return 0


def _repl(args):
    from .repl import main as repl_main
    return repl_main(args)


def _disasm(args):
    from .disasm import main as disasm_main
    return disasm_main([args.file])


def _corpus(args):
    from . import corpus
    return corpus.run(args)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="jsthreads", description="JavaScript with shared-memory threads")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a JavaScript file")
    run.add_argument("file", nargs="?")
    run.add_argument("-e", dest="eval", metavar="CODE", help="run CODE instead of a file")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument("--threads", action="store_true", help="threads run in parallel (default)")
    mode.add_argument("--gil", action="store_true", help="one thread runs at a time (the oracle)")
    run.set_defaults(handler=_run)
    repl = commands.add_parser("repl", help="interactive prompt")
    repl.add_argument("--gil", action="store_true")
    repl.set_defaults(handler=_repl)
    disasm = commands.add_parser("disasm", help="print the bytecode of every function")
    disasm.add_argument("file")
    disasm.set_defaults(handler=_disasm)
    corpus_parser = commands.add_parser("corpus", help="run corpus tests under --gil/--threads")
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["corpus"]:
        # The runner pulls in rich and concurrency modules: import it only when asked for.
        from . import corpus
        corpus.add_arguments(corpus_parser)
    corpus_parser.set_defaults(handler=_corpus)
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
