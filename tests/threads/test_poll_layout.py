"""The cache-line layout behind issue 4's 2-thread figures (specs/safepoints.md SP-6, thread.h):
every safepoint poll reads Runtime.stop_requested, race_seed and gil_yield_request, so no field
that threads write in the normal course (safepoint_lock at every blocked-region change, the GIL
bookkeeping, the sync locks, TID hand-out) may share their cache lines; otherwise one thread's
Lock wait costs every other thread a cache miss at each loop back edge. Checked by compiling a
probe against csrc/thread.h, so a reordering that breaks the layout fails here."""

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CSRC = REPO / "csrc"

PROBE = r"""
#include <stddef.h>
#include <stdio.h>
#include "thread.h"
#define LINE(f) (offsetof(Runtime, f) / 64)
#define REPORT(f) printf(#f " %zu %zu\n", offsetof(Runtime, f), LINE(f))
int main(void) {
    REPORT(threads_lock); REPORT(threads); REPORT(next_tid);
    REPORT(stop_requested); REPORT(gc_stress); REPORT(race_seed);
    REPORT(safepoint_lock); REPORT(safepoint_running); REPORT(gil_mutex); REPORT(gil_slice_end_ms);
    REPORT(gil_yield_request); REPORT(gil_handovers); REPORT(sync_roots_lock);
    printf("align %zu\n", _Alignof(Runtime));
    return 0;
}
"""


def layout(tmp_path):
    source = tmp_path / "probe.c"
    source.write_text(PROBE)
    binary = tmp_path / "probe"
    built = subprocess.run(["gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-I", str(CSRC), "-I", str(CSRC / "gen"),
                            str(source), "-o", str(binary)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    out = subprocess.run([str(binary)], capture_output=True, text=True, check=True).stdout
    fields = {}
    for line in out.splitlines():
        name, *numbers = line.split()
        fields[name] = tuple(int(n) for n in numbers)
    return fields


def test_poll_words_own_their_cache_lines(tmp_path):
    fields = layout(tmp_path)
    line = {name: value[1] for name, value in fields.items() if len(value) == 2}
    assert fields["align"][0] >= 64   # so the offsets below are real cache-line boundaries
    assert fields["stop_requested"][0] % 64 == 0 and fields["gil_yield_request"][0] % 64 == 0
    # stop_requested shares its line only with what is constant after start-up.
    assert line["race_seed"] == line["gc_stress"] == line["stop_requested"]
    for written in ("threads_lock", "threads", "next_tid", "safepoint_lock", "safepoint_running", "gil_mutex",
                    "gil_handovers", "sync_roots_lock"):
        assert line[written] != line["stop_requested"], written
        assert line[written] != line["gil_yield_request"], written
    # gil_yield_request is alone on its line in --threads mode too: nothing else there at all.
    others = [name for name in line if name != "gil_yield_request"]
    assert all(line[name] != line["gil_yield_request"] for name in others)
