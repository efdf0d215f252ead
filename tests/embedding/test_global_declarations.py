"""Scripts evaluated from several Python threads at once on one runtime (specs/bytecode.md BC-6)."""
import threading

import pytest

import jsthreads

CHUNK = 100   # rounds compiled ahead at a time: both scripts of each fit Runtime.eval's cache (256)


def scripts(r, count):
    names = ["g%d_%d" % (r, n) for n in range(count)]
    return "".join("let %s = 1; " % n for n in names), "".join("var %s = 2; " % n for n in reversed(names))


@pytest.mark.parametrize("mode", ["threads", "gil"])
@pytest.mark.parametrize("race", [None, "7"])
def test_racing_scripts_declare_their_globals_in_one_step(mode, race, monkeypatch):
    """Two Python threads evaluate scripts at once over the same 40 names, one with `let`, the other
    with `var` in reverse order. Each script's checks and bindings are one step, so each round
    exactly one wins whole and the other throws a SyntaxError having bound nothing; interleaved,
    both could pass their checks and fail half-way (names left in their TDZ beside vars)."""
    rounds, count = 4 * CHUNK, 40
    if race:   # the race amplifier (read when a Runtime starts) yields at random safepoints
        monkeypatch.setenv("JSTHREADS_RACE", race)
    sources = [scripts(r, count) for r in range(rounds)]
    filenames = ("lexical.js", "var.js")
    won = {filename: [] for filename in filenames}
    errors = []
    with jsthreads.Runtime(mode=mode) as rt:
        barrier = threading.Barrier(2)

        def declare(index, first):
            for r in range(first, first + CHUNK):
                barrier.wait()
                try:
                    rt.eval(sources[r][index], filename=filenames[index])
                    won[filenames[index]].append(True)
                except jsthreads.JSError as error:
                    won[filenames[index]].append(False)
                    if "has already been declared" not in str(error):
                        errors.append(str(error))

        for first in range(0, rounds, CHUNK):
            # Compiled ahead (in scratch runtimes), so that the two prologues, not the two
            # compilations, run side by side.
            for index, filename in enumerate(filenames):
                with jsthreads.Runtime(mode=mode) as scratch:
                    for r in range(first, first + CHUNK):
                        scratch.eval(sources[r][index], filename=filename)
            threads = [threading.Thread(target=declare, args=(index, first)) for index in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)
        assert not errors, errors[:3]
        bad = []
        for r in range(rounds):
            lexical_won, var_won = won["lexical.js"][r], won["var.js"][r]
            readers = ",".join("() => g%d_%d" % (r, n) for n in range(count))
            seen = rt.eval("[%s].map(read => { try { return read(); } catch (e) { return e.name; } })" % readers)
            if lexical_won == var_won or set(seen) != {1 if lexical_won else 2}:
                bad.append((r, lexical_won, var_won, sorted(set(map(str, seen)))))
        assert not bad, bad[:3]
