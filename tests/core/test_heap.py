"""Checks csrc/heap.c, safepoint.c, celltypes.c, string.c and atom.c through C drivers.

tests/core/heap_test.c and string_test.c are compiled with those files and stubs_heap.c (stand-ins
for error.c, the object model's trace hooks and job.c) into a temp dir, once with -O2 and once
with -O0, since conservative stack scanning must hold under both code generators. Each test runs
one C test in its own process (`heap_test NAME`); docstrings cite the invariants of specs/heap.md,
specs/safepoints.md and specs/values.md.
"""

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CSRC = REPO / "csrc"
HERE = Path(__file__).resolve().parent
SOURCES = [CSRC / name for name in ("heap.c", "safepoint.c", "celltypes.c", "string.c", "atom.c")]
DRIVERS = [HERE / name for name in ("heap_test.c", "string_test.c", "stubs_heap.c")]
FLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-pthread", "-I", str(CSRC), "-I", str(HERE)]


@pytest.fixture(scope="module", params=["-O2", "-O0"])
def driver(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("heap") / "heap_test"
    result = subprocess.run(["gcc", *FLAGS, request.param, *map(str, SOURCES + DRIVERS), "-o", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"build failed or warned ({request.param}):\n{result.stderr}"
    return out


def run(driver, name, timeout=300):
    env = {k: v for k, v in os.environ.items() if k not in ("JSTHREADS_GC_STRESS", "JSTHREADS_RACE")}
    result = subprocess.run([str(driver), name], capture_output=True, text=True, timeout=timeout, env=env)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr + result.stdout


TESTS = {}


def c_test(function):
    """Registers a pytest function as the runner of the C test of the same name (minus test_)."""
    TESTS[function.__name__[len("test_"):]] = function
    return function


def test_every_c_test_has_a_python_runner(driver):
    """The C driver's list and this file's list name the same tests."""
    listed = subprocess.run([str(driver), "--list"], capture_output=True, text=True, check=True)
    assert sorted(listed.stdout.split()) == sorted(TESTS)


def test_own_files_build_warning_free_with_plain_flags(tmp_path):
    """The owned C files compile cleanly with gcc -std=gnu11 -O2 -Wall -Wextra -Icsrc (STYLE §5)."""
    for source in SOURCES:
        result = subprocess.run(["gcc", "-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror", "-I", str(CSRC),
                                 "-c", str(source), "-o", str(tmp_path / (source.stem + ".o"))],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


@c_test
def test_celltype_table(driver):
    """Every CellType has a row in celltype_table; objects always have a trace hook [HEAP-6]."""
    run(driver, "celltype_table")


@c_test
def test_size_classes(driver):
    """Every size 0..8192 gets the smallest fitting class, 16-byte aligned, zeroed, typed; cells are
    zeroed again when reused after a collection [HEAP-1, HEAP-3]."""
    run(driver, "size_classes")


@c_test
def test_large_objects(driver):
    """Cells above 8 KiB live in the large-object space: zeroed, flagged, found from interior
    pointers, kept when rooted and freed (dropped from the index) when not [HEAP-7, HEAP-9]."""
    run(driver, "large_objects")


@c_test
def test_find_cell(driver):
    """heap_find_cell maps interior pointers to cell starts and rejects free cells, block headers
    and foreign addresses [HEAP-3, HEAP-7]."""
    run(driver, "find_cell")


@c_test
def test_collect_frees_unreachable(driver):
    """A collection frees unreachable cells and keeps rooted ones intact [HEAP-4]."""
    run(driver, "collect_frees_unreachable")


@c_test
def test_dead_block_dropped_whole(driver):
    """A pooled block with nothing marked becomes empty without a walk: its cells are no cells any
    more, their headers untouched; reusing it for another size class zeroes it first [HEAP-18]."""
    run(driver, "dead_block_dropped_whole")


@c_test
def test_register_stack_roots(driver):
    """Values in [stack_base, sp) and ts->exception are precise roots; popping frees [HEAP-6]."""
    run(driver, "register_stack_roots")


@c_test
def test_conservative_roots(driver):
    """Cells held only in C locals, registers, or by interior pointers survive [HEAP-7]."""
    run(driver, "conservative_roots")


@c_test
def test_long_chain(driver):
    """A 1,000,000-long linked chain is marked without recursion or stack overflow [HEAP-8]."""
    run(driver, "long_chain")


@c_test
def test_gc_stress(driver):
    """Under GC stress every allocation slow path collects and the heap stays valid [HEAP-11]."""
    run(driver, "gc_stress")


@c_test
def test_env_settings(driver):
    """heap_init reads JSTHREADS_GC_STRESS and JSTHREADS_RACE into the Runtime [HEAP-11, SP-8]."""
    run(driver, "env_settings")


@c_test
def test_race_reproducible(driver):
    """The race amplifier's choices depend only on seed and tid [SP-8]."""
    run(driver, "race_reproducible")


@c_test
def test_verify_detects_dangling(driver):
    """heap_verify reports a traced reference to a collected cell, naming its holder [HEAP-10]."""
    run(driver, "verify_detects_dangling")


@c_test
def test_heap_limit(driver):
    """With a heap limit, allocation past it collects and then throws out-of-memory instead of
    crashing; after freeing, allocation works again [HEAP-5]."""
    run(driver, "heap_limit")


@c_test
def test_thread_release_returns_blocks(driver):
    """A leaving thread's part-used blocks go back to the pool; its cells survive if rooted
    elsewhere [HEAP-2, SP-7]."""
    run(driver, "thread_release_returns_blocks")


@c_test
def test_threads_stop_the_world(driver):
    """Five threads: collections stop every mutator at polls or in blocked regions, and cells held
    only on each thread's native stack or in its registers survive [SP-1..SP-5, HEAP-7]."""
    run(driver, "threads_stop_the_world")


@c_test
def test_threads_gc_stress(driver):
    """As above with GC stress: threads race to stop the world; one stop at a time [SP-1, SP-4]."""
    run(driver, "threads_gc_stress")


@c_test
def test_threads_race_mode(driver):
    """As above under the JSTHREADS_RACE amplifier (yields and sleeps at polls) [SP-8]."""
    run(driver, "threads_race_mode")


@c_test
def test_threads_churn(driver):
    """Four threads attach, allocate and detach thirty times each while the creator collects under
    GC stress: registration waits out stops, detaching counts as stopping, and the heap verifies
    afterwards [SP-7, HEAP-2]."""
    run(driver, "threads_churn")


@c_test
def test_gil_threads_churn(driver):
    """The same churn under --gil: attaching takes the GIL, detaching gives it back [SP-9, SP-7]."""
    run(driver, "gil_threads_churn")


@c_test
def test_back_to_back_stops(driver):
    """A thread that stops the world 2000 times in a row does not starve a polling thread: the
    poller runs a loop turn between every two stops [SP-13]."""
    run(driver, "back_to_back_stops")


@c_test
def test_gil_stop_the_world(driver):
    """--gil: the same five threads under GC stress; the GIL holder stops the world while the others
    wait for the GIL or sit in blocked regions, and their cells survive [SP-9, SP-12]."""
    run(driver, "gil_stop_the_world")


@c_test
def test_gil_race_mode(driver):
    """--gil under the race amplifier: its yields hand the GIL over, its sleeps release it [SP-8, SP-10]."""
    run(driver, "gil_race_mode")


@c_test
def test_gil_one_runner(driver):
    """--gil: four threads, a shared counter of threads inside a stretch between polls never exceeds
    one; the holder is the runner; a blocked thread holds no GIL [SP-9]."""
    run(driver, "gil_one_runner")


@c_test
def test_gil_spin_wait(driver):
    """--gil: two threads ping-pong twenty times through a flag they only spin on (polling), which
    finishes because a waiter past the holder's time slice makes it hand over [SP-10, SP-11]."""
    run(driver, "gil_spin_wait")


@c_test
def test_gil_blocked_waits_release(driver):
    """--gil: safepoint_cond_wait gives the GIL up while waiting, and does not hold the condition's
    mutex while it waits for the GIL again (the holder needs that mutex) [SP-5, SP-12]."""
    run(driver, "gil_blocked_waits_release")


@c_test
def test_rope_flatten_deep(driver):
    """200,000 `s += x` concatenations flatten without recursion to exactly the expected text; the
    flattened rope becomes an indirection [STR-2, STR-7]."""
    run(driver, "rope_flatten_deep")


@c_test
def test_rope_flatten_right_deep(driver):
    """A 100,000-deep right-leaning rope (`s = x + s`) flattens correctly [STR-7]."""
    run(driver, "rope_flatten_right_deep")


@c_test
def test_rope_flatten_under_stress(driver):
    """Concatenation, flattening and interning stay correct with a collection every few
    allocations [STR-2, HEAP-11]."""
    run(driver, "rope_flatten_under_stress")


@c_test
def test_utf8_round_trips(driver):
    """UTF-8 in and out: surrogate pairs become 4-byte sequences, lone surrogates U+FFFD, invalid
    input one U+FFFD per maximal subpart; WTF-8 keeps encoded surrogates; width is canonical
    [STR-5]."""
    run(driver, "utf8_round_trips")


@c_test
def test_atoms_unique(driver):
    """One atom per text, across ropes, widths, GCs and racing threads; common atoms and one-unit
    strings are atoms, digits are not [STR-3, STR-4]."""
    run(driver, "atoms_unique")


@c_test
def test_array_index_detection(driver):
    """Canonical array indexes ("0", "17", "4294967294") are recognised; "01", "-0",
    "4294967295" and friends are not [STR-4]."""
    run(driver, "array_index_detection")


@c_test
def test_string_builder(driver):
    """StringBuilder stays Latin-1 until a wide unit arrives, then widens and keeps every unit."""
    run(driver, "string_builder")


@c_test
def test_string_operations(driver):
    """equals, compare, hash, index_of, substring (narrowing), concat (copy vs rope) and the
    "Invalid string length" limit [STR-5, STR-6]."""
    run(driver, "string_operations")


@c_test
def test_symbols(driver):
    """symbol_new/for/key_for: registry by text (index-like keys not interned), registered symbols
    survive collection, well-known symbols are described "Symbol.x" [STR-3, STR-4]."""
    run(driver, "symbols")
