"""The peer corpus (jsthreads/peer.py and `jsthreads corpus --peer`): jsc `//@` directives and
option mapping, premise skips, missing-feature classification, the only-shrinks expectations
check, and the jsc shell helpers of `jsthreads run --shell-helpers` (shell_shim.js + shell.c)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from jsthreads import peer

PEER_CORPUS = Path("/work/shared/peer-corpus/bun-threads")
NO_VM = ("JSTHREADS_DOLLAR_VM", "0")
REPO = Path(__file__).resolve().parents[2]


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# --- directives and options ------------------------------------------------------------------


def test_directives_read_options_modes_and_flags():
    found = peer.parse_peer_directives(
        '//@ requireOptions("--useJSThreads=1", "--useDollarVM=1")\n'
        "//@ threadsRequireGILOff\n"
        "//@ threadsNoAmplify\n"
        '//@ threadsEnv("GIGACAGE_ENABLED=0")\n'
        "load('../harness.js', 'caller relative');\n")
    assert found.options == ("--useJSThreads=1", "--useDollarVM=1")
    assert found.modes == ("threads",) and found.no_amplify and found.error is None
    assert found.env == (("GIGACAGE_ENABLED", "0"),)


def test_gil_on_directive_and_skip_with_reason():
    assert peer.parse_peer_directives("//@ threadsRequireGILOn\n").modes == ("gil",)
    assert peer.parse_peer_directives("//@ skip\n").skip == "//@ skip"
    assert peer.parse_peer_directives("//@ skip (bench-only: needs reportBench)\n").skip == \
        "//@ skip (bench-only: needs reportBench)"


def test_unknown_directive_is_an_error_not_a_silent_no_op():
    assert "unknown //@ directive runFTLNoCJIT" in peer.parse_peer_directives("//@ runFTLNoCJIT\n").error


def test_runs_differing_only_in_ignored_options_collapse_into_one():
    found = peer.parse_peer_directives(
        '//@ requireOptions("--useJSThreads=1")\n'
        "//@ runDefault()\n"
        '//@ runDefault("--thresholdForJITSoon=10", "--useFTLJIT=0")\n')
    runnable, unsupported = found.plans()
    assert runnable == [peer.RunPlan(env=(NO_VM,))] and unsupported == []


def test_collect_continuously_maps_to_gc_stress_and_unknown_options_are_unsupported():
    found = peer.parse_peer_directives(
        '//@ requireOptions("--useJSThreads=1", "--collectContinuously=1")\n'
        '//@ runDefault()\n'
        '//@ runDefault("--watchdog=100")\n')
    runnable, unsupported = found.plans()
    assert runnable == [peer.RunPlan(env=(NO_VM, ("JSTHREADS_GC_STRESS", "1")))]
    assert [plan.unsupported for plan in unsupported] == [("--watchdog=100",)]


def test_threads_options_map_to_the_engine_environment():
    # THR-18, THR-19: maxJSThreads passes its value on; the blocking gate is a switch.
    found = peer.parse_peer_directives(
        '//@ requireOptions("--useJSThreads=1", "--maxJSThreads=4")\n'
        '//@ runDefault("--can-block-is-false")\n')
    runnable, unsupported = found.plans()
    assert runnable == [peer.RunPlan(env=(("JSTHREADS_CAN_BLOCK_IS_FALSE", "1"), NO_VM, ("JSTHREADS_MAX_THREADS", "4")))]
    assert unsupported == []
    assert peer.map_options(["--maxJSThreads=lots"]).unsupported == ("--maxJSThreads=lots",)


def test_dollar_vm_only_for_tests_that_ask_for_it():
    # jsc defines $vm only under --useDollarVM=1, and tests without it use $vm "only when present".
    assert peer.map_options(["--useJSThreads=1", "--useDollarVM=1"]) == peer.RunPlan()
    assert peer.map_options(["--useJSThreads=1"]) == peer.RunPlan(env=(NO_VM,))
    assert peer.map_options(["--useDollarVM=1", "--useDollarVM=false"]) == peer.RunPlan(env=(NO_VM,))
    found = peer.parse_peer_directives('//@ requireOptions("--useJSThreads=1")\n'
                                       '//@ runDefault("--useDollarVM=1")\n//@ runDefault()\n')
    assert found.plans()[0] == [peer.RunPlan(), peer.RunPlan(env=(NO_VM,))]


def test_premise_skip_lines_at_line_start_only():
    assert peer.premise_skip("x\nTHREADS-PREMISE-SKIP: GIL on\n") == "THREADS-PREMISE-SKIP: GIL on"
    assert peer.premise_skip("SKIP: needs $vm\n") == "SKIP: needs $vm"
    assert peer.premise_skip("PASS\nnot a SKIP: line\n") is None


# --- missing-feature classification ----------------------------------------------------------


@pytest.mark.parametrize("source, feature", [
    ("const a = new Int32Array(new SharedArrayBuffer(8));", "typed arrays"),
    ("waitUntil(() => done);", "Date"),
    ("const t = Date.now();", "Date"),
    ("if (/^x+$/.test(s)) print(1);", "RegExp"),
    ("const p = new Proxy({}, {});", "Proxy"),
    ("Reflect.ownKeys(o);", "Reflect"),
    ("const big = 2n ** 64n;", "BigInt"),
])
def test_features_found_in_source(source, feature):
    assert feature in peer.features_in_source(source)


def test_comments_and_division_are_not_features():
    source = "// uses Date and Proxy in prose only\n/* new Int32Array */\nconst x = a / b / c;\nprint(x);\n"
    assert peer.features_in_source(source) == frozenset()


def test_features_found_in_engine_errors():
    assert peer.features_in_output("Uncaught ReferenceError: Date is not defined") == {"Date"}
    assert peer.features_in_output("SyntaxError: Regular expressions are not supported yet") == {"RegExp"}
    assert peer.features_in_output("Uncaught Error: expected 1 but got 2") == frozenset()


# --- manifest and expectations ---------------------------------------------------------------


def test_manifest_keeps_portable_and_shimmable_tests_only(tmp_path):
    write(tmp_path, "MANIFEST.tsv",
          "path\tclass\tshell_helpers\tdescription\tdirectives\tsource\n"
          "a/one.js\tportable\t-\tfirst\t-\tx\n"
          "a/two.js\tshimmable\tgc,noInline\tsecond\t-\tx\n"
          "harness.js\tharness\t-\thelpers\t-\tx\n"
          "threads.yaml\tconfig\t-\tconfig\t-\tx\n")
    entries = peer.read_manifest(tmp_path)
    assert [(e.path, e.kind, e.helpers) for e in entries] == [("a/one.js", "portable", "-"),
                                                              ("a/two.js", "shimmable", "gc,noInline")]


def test_expectations_round_trip_and_reject_bad_lines(tmp_path):
    path = tmp_path / "expect.tsv"
    peer.write_expectations(path, [peer.Expectation("b.js", "threads", "timeout", "hangs\tin join"),
                                   peer.Expectation("a.js", "gil", "fail", "needs Date")])
    read = peer.read_expectations(path)
    assert list(read) == [("a.js", "gil"), ("b.js", "threads")]
    assert read[("b.js", "threads")].reason == "hangs in join"
    path.write_text("a.js\tgil\tpass\n")
    with pytest.raises(ValueError, match="expect.tsv:1"):
        peer.read_expectations(path)
    assert peer.read_expectations(tmp_path / "missing.tsv") == {}


def test_expectations_only_shrink():
    listed = {("a.js", "gil"): peer.Expectation("a.js", "gil", "fail", ""),
              ("b.js", "gil"): peer.Expectation("b.js", "gil", "timeout", ""),
              ("c.js", "gil"): peer.Expectation("c.js", "gil", "fail", "")}
    outcomes = {("a.js", "gil"): "pass", ("b.js", "gil"): "fail", ("d.js", "gil"): "timeout",
                ("e.js", "gil"): "skip", ("f.js", "gil"): "pass"}
    problems = peer.check_expectations(outcomes, listed)
    assert len(problems) == 2
    assert problems[0].startswith("unexpected pass: a.js [gil]")
    assert problems[1].startswith("new failure: d.js [gil] (timeout)")


def test_failure_reason_prefers_missing_features_then_the_error_line():
    assert peer.failure_reason("Uncaught Error: x", "exit 1", frozenset({"Date"})) == "needs Date"
    assert peer.failure_reason("PASS 1\nUncaught TypeError: boom\n    at f", "exit 1", frozenset()) == \
        "Uncaught TypeError: boom"
    assert peer.failure_reason("", "timed out after 10 s (killed)", frozenset()) == "timed out after 10 s (killed)"


# --- the shell helpers (real engine) ---------------------------------------------------------


def test_shell_helpers_absent_without_the_flag(run_js):
    code, out, err = run_js("console.log(typeof quit, typeof load, typeof $vm, typeof $jstShell)")
    assert (code, out) == (0, "undefined undefined undefined undefined\n")


def test_print_load_caller_relative_and_global_lexicals(tmp_path, run_js):
    write(tmp_path, "lib/outer.js", 'load("./inner/inner.js", "caller relative");\nconst OUTER = 1;\n')
    write(tmp_path, "lib/inner/inner.js", "function inner() { return 'inner'; }\nlet INNER = 2;\n")
    code, out, err = run_js('load("lib/outer.js", "caller relative");\n'
                            'print(inner(), OUTER + INNER, "x", 3);\n'
                            '$.evalScript("let viaEval = 7"); print(viaEval);\n', "main.js", "--shell-helpers")
    assert (code, out, err) == (0, "inner 3 x 3\n7\n", "")


def test_load_of_a_missing_file_is_a_js_error(run_js):
    code, out, err = run_js('try { load("nope.js"); } catch (e) { print(e.message.startsWith("Could not open file")); }',
                            "main.js", "--shell-helpers")
    assert (code, out) == (0, "true\n")


def test_async_test_counts_are_checked_at_exit(run_js):
    ok = run_js("asyncTestStart(2); Promise.resolve().then(asyncTestPassed); setTimeout(asyncTestPassed, 1);",
                "main.js", "--shell-helpers")
    assert ok[0] == 0
    code, out, err = run_js("asyncTestStart(2); asyncTestPassed();", "main.js", "--shell-helpers")
    assert code == 1 and "asyncTestStart(2) but asyncTestPassed() was called 1 time(s)" in err


def test_quit_drain_microtasks_and_vm_mode(run_js):
    source = ('Promise.resolve().then(() => print("job")); drainMicrotasks(); print("after");\n'
              'print($vm.useThreadGIL(), typeof preciseTime(), noInline(print) === print); gc(); $vm.gc();\n'
              'quit(3); print("not reached");\n')
    assert run_js(source, "main.js", "--shell-helpers", "--gil") == (3, "job\nafter\ntrue number true\n", "")
    code, out, err = run_js(source, "main.js", "--shell-helpers")
    assert code == 3 and out.splitlines()[2] == "false number true"


def test_bench_folder_gets_its_harness_with_capped_iterations(tmp_path, run_js):
    # Tools/threads/bench-gate.sh loads bench/harness.js first; the shim does it for a folder named
    # bench, capping warm-up and measured runs at 1 + 3 (the checksum is still checked each run).
    write(tmp_path, "bench/harness.js",
          "function reportBench(name, fn, expected, warmup, measured) {\n"
          "  for (let i = 0; i < warmup + measured; i++) if (fn() !== expected) throw new Error('bad');\n"
          "  print('BENCH', name, warmup, measured);\n}\n")
    write(tmp_path, "bench/b.js", "let calls = 0;\nreportBench('b', () => { calls++; return 7; }, 7, 20, 50);\n"
                                  "print(calls);\nreportBench('c', () => 8, 9);\n")
    code, out, err = run_js((tmp_path / "bench/b.js").read_text(), "bench/b.js", "--shell-helpers")
    assert code == 1 and out == "BENCH b 1 3\n4\n" and "Error: bad" in err


def test_vm_is_absent_when_the_runner_says_so(run_js):
    source = "print(typeof $vm, jscOptions().useDollarVM, typeof gc, typeof gcHeapSize)"
    assert run_js(source, "main.js", "--shell-helpers", env={"JSTHREADS_DOLLAR_VM": "0"}) == \
        (0, "undefined false function function\n", "")
    assert run_js(source, "main.js", "--shell-helpers") == (0, "object true function function\n", "")


@pytest.mark.parametrize("mode", ["--threads", "--gil"])
def test_vm_hooks_report_the_engines_state(run_js, mode):
    source = textwrap.dedent('''
        const chain = o => $vm.getStructureTransitionList(o);
        const a = {}, b = {x: 1}, c = {x: 1, y: 2}, d = {y: 2, x: 1};
        // One root (the prototype's initial structure), then one id per added key.
        print(chain(a).length, chain(b).length, chain(c).length, chain(b)[0] === chain(a)[0]);
        print(chain(c)[1] === chain(b)[1], chain(d)[1] !== chain(c)[1], chain(c)[2] !== chain(d)[2]);
        class P { constructor(v) { this.v = v; } }
        print(JSON.stringify(chain(new P(1))) === JSON.stringify(chain(new P(2))), chain(new P(1))[0] !== chain(a)[0]);
        const e = {x: 1, y: 2}; delete e.y;              // a dictionary: [root, itself]
        print(chain(e).length, chain(e)[0] === chain(a)[0]);
        const main = $vm.currentButterflyTID();
        const r = new Thread(o => [$vm.currentButterflyTID(), $vm.butterflyOwnerTID({}), $vm.butterflyOwnerTID(o)], a).join();
        print(main, $vm.butterflyOwnerTID(a), r[0] !== main, r[1] === r[0], r[2] === main);
        const stops = $vm.jsThreadsStopRequestCount(); gc(); gc();
        print($vm.jsThreadsStopRequestCount() - stops);
        const sparse = [1, 2]; sparse[1e6] = 3;
        print($vm.indexingMode([1, 2]), $vm.indexingMode({}), $vm.indexingMode(sparse));
        const before = gcHeapSize(); let keep = []; for (let i = 0; i < 20000; i++) keep.push({i});
        print(gcHeapSize() - before > 20000 * 16);
        for (const bad of [() => chain(1), () => $vm.butterflyOwnerTID("s")])
            try { bad(); } catch (err) { print(err.name, err.message); }
    ''')
    code, out, err = run_js(source, "main.js", "--shell-helpers", mode)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1 2 3 true", "true true true", "true true", "2 true", "0 0 true true true", "2",
        "ArrayWithContiguous NonArrayWithContiguous ArrayWithArrayStorage", "true",
        "TypeError $vm.getStructureTransitionList expects an object",
        "TypeError $vm.butterflyOwnerTID expects an object"]


@pytest.mark.parametrize("mode", ["--threads", "--gil"])
def test_release_weak_refs_lets_the_next_gc_reclaim_at_once(run_js, mode):
    # WeakRef targets are kept until the job ends [HEAP-15]; releaseWeakRefs() ends that at once
    # (ClearKeptObjects), and a gc() then frees them even with another thread attached and parked.
    source = textwrap.dedent('''
        const gate = {stop: 0};
        const sleeper = new Thread(() => { while (!Atomics.load(gate, "stop")) Atomics.wait(gate, "stop", 0, 20); });
        function make(refs) { for (let i = 0; i < 300; i++) refs.push(new WeakRef({i, pad: [i]})); }
        const alive = refs => refs.filter(r => r.deref() !== undefined).length;
        const kept = []; make(kept); gc();
        print("kept during the job:", alive(kept));
        const freed = []; make(freed); releaseWeakRefs(); gc();
        const n = alive(freed);
        print("after releaseWeakRefs:", n <= 10 ? "at most 10" : n);
        Atomics.store(gate, "stop", 1); Atomics.notify(gate, "stop"); sleeper.join();
    ''')
    assert run_js(source, "main.js", "--shell-helpers", mode) == \
        (0, "kept during the job: 300\nafter releaseWeakRefs: at most 10\n", "")


# --- `jsthreads corpus --peer` end to end (real engine) --------------------------------------


def make_peer_corpus(root: Path) -> Path:
    write(root, "MANIFEST.tsv",
          "path\tclass\tshell_helpers\tdescription\tdirectives\tsource\n"
          "t/pass.js\tportable\t-\tpasses\t-\tx\n"
          "t/fail.js\tportable\t-\tthrows\t-\tx\n"
          "t/premise.js\tshimmable\tquit\tpremise skip\t-\tx\n"
          "t/watchdog.js\tshimmable\t-\tunsupported option\t-\tx\n"
          "t/gil-off.js\tportable\t-\tthreads only\t-\tx\n"
          "harness.js\tharness\t-\thelpers\t-\tx\n")
    write(root, "harness.js", "function check(v) { if (!v) throw new Error('check failed'); }\n")
    write(root, "t/pass.js", '//@ requireOptions("--useJSThreads=1")\nload("../harness.js", "caller relative");\ncheck(1); print("PASS");\n')
    write(root, "t/fail.js", 'load("../harness.js", "caller relative");\ncheck(0);\n')
    write(root, "t/premise.js", 'print("THREADS-PREMISE-SKIP: needs the moon"); quit(0);\n')
    write(root, "t/watchdog.js", '//@ requireOptions("--watchdog=100")\nfor (;;) {}\n')
    write(root, "t/gil-off.js", '//@ threadsRequireGILOff\n//@ requireOptions("--useDollarVM=1")\nprint($vm.useThreadGIL());\n')
    return root


def test_peer_run_checks_expectations_both_ways(tmp_path, cli):
    root = make_peer_corpus(tmp_path / "peer")
    expectations = tmp_path / "expect.tsv"
    arguments = ("corpus", "--peer", str(root), "--expectations", str(expectations), "-q", "-j", "2")
    code, out, err = cli(*arguments)
    assert code == 1
    assert "new failure: t/fail.js [gil] (fail)" in out and "new failure: t/fail.js [threads] (fail)" in out
    assert "t/pass.js" not in out.split("peer corpus")[1]

    assert cli(*arguments, "--write-expectations")[0] == 0
    lines = [line for line in expectations.read_text().splitlines() if not line.startswith("#")]
    assert lines == ["t/fail.js\tgil\tfail\tUncaught Error: check failed",
                     "t/fail.js\tthreads\tfail\tUncaught Error: check failed"]
    assert cli(*arguments)[0] == 0

    expectations.write_text(expectations.read_text() + "t/pass.js\tgil\tfail\told\n")
    code, out, err = cli(*arguments)
    assert code == 1 and "unexpected pass: t/pass.js [gil]" in out


def test_peer_skips_and_modes_in_json(tmp_path, cli):
    import json
    root = make_peer_corpus(tmp_path / "peer")
    report = tmp_path / "run.json"
    cli("corpus", "--peer", str(root), "--expectations", str(tmp_path / "none.tsv"), "-q", "--json", str(report),
        "-k", "premise", "-k", "watchdog", "-k", "gil-off")
    results = {(r["peer_path"], r["mode"]): r for r in json.loads(report.read_text())["results"]}
    assert results[("t/premise.js", "gil")]["status"] == "skip"
    assert results[("t/premise.js", "gil")]["message"] == "THREADS-PREMISE-SKIP: needs the moon"
    assert results[("t/watchdog.js", "threads")]["message"] == "unsupported jsc option(s): --watchdog=100"
    assert ("t/gil-off.js", "gil") not in results and results[("t/gil-off.js", "threads")]["status"] == "pass"


@pytest.mark.skipif(not (PEER_CORPUS / "MANIFEST.tsv").is_file(), reason="the shared peer corpus is not on this machine")
def test_a_few_real_peer_tests_match_the_checked_in_expectations(cli):
    code, out, err = cli("corpus", "--peer", str(PEER_CORPUS), "-q", "-j", "2",
                         "-k", "api/lock-basic.js", "-k", "api/thread-ctor-errors.js", "-k", "api/thread-exc.js",
                         "-k", "api/condition-basic.js")
    assert code == 0, out + err


def test_corpus_needs_paths_or_a_peer_folder(tmp_path, cli):
    code, out, err = cli("corpus", cwd=tmp_path)
    assert code == 2 and "give test PATHs or --peer DIR" in err
    code, out, err = cli("corpus", "--peer", str(tmp_path), cwd=tmp_path)
    assert code == 2 and "no MANIFEST.tsv in" in err


def test_flaky_expectations_accept_either_outcome_and_survive_rewrites(tmp_path, cli):
    listed = {("a.js", "gil"): peer.Expectation("a.js", "gil", "flaky", "torn read now and then")}
    assert peer.check_expectations({("a.js", "gil"): "pass"}, listed) == []
    assert peer.check_expectations({("a.js", "gil"): "fail"}, listed) == []
    root = make_peer_corpus(tmp_path / "peer")
    expectations = tmp_path / "expect.tsv"
    expectations.write_text("t/pass.js\tthreads\tflaky\trace\n")
    assert cli("corpus", "--peer", str(root), "--expectations", str(expectations), "-q", "-k", "t/pass",
               "--write-expectations")[0] == 0
    assert "t/pass.js\tthreads\tflaky\trace" in expectations.read_text()


def test_failure_reason_names_jsc_only_hooks():
    reason = peer.failure_reason("Uncaught TypeError: undefined is not a function\n    at x.js:3:5", "exit 1",
                                 frozenset(), "gc,$vm.createDestructionProbe,$vm.destructionProbeCounts")
    assert reason == "needs JSC-only hook(s) $vm.createDestructionProbe, $vm.destructionProbeCounts"
    assert peer.failure_reason("Uncaught Error: bad count", "exit 1", frozenset(), "$vm.createGlobalObject") == \
        "Uncaught Error: bad count"


def test_unprovided_hooks_are_the_ones_the_shim_documents_as_absent():
    shim = (REPO / "jsthreads" / "shell_shim.js").read_text()
    header, body = shim.split("(function (shell, global)", 1)
    for name in peer.UNPROVIDED_HELPERS:
        short = name.removeprefix("$vm.")
        assert short in header, name
        assert not re.search(rf"\b{re.escape(short)}\s*\(", body), f"{name} is defined after all"
