"""The `performance` global (W3C High Resolution Time, builtins/global.c): its shape compared with
node, and what cannot be compared: now() is monotonic, sub-millisecond, starts near 0 at
timeOrigin, and every thread of a runtime shares the same time line."""
import textwrap

import pytest

SHAPE = r"""
    console.log(typeof performance, String(performance), Object.keys(performance).length);
    const proto = Object.getPrototypeOf(performance);
    for (const k of ["now", "timeOrigin", "toJSON"]) {
        const d = Object.getOwnPropertyDescriptor(proto, k);
        console.log(k, typeof d.value, typeof d.get, d.enumerable, d.configurable);
    }
    const g = Object.getOwnPropertyDescriptor(globalThis, "performance");
    console.log(g.enumerable, g.configurable, performance.now.length, performance.now.name);
    console.log(typeof performance.now(), typeof performance.timeOrigin, typeof performance.toJSON().timeOrigin);
    console.log(performance.toJSON().timeOrigin === performance.timeOrigin);
"""


def test_shape_matches_node(same_as_node):
    same_as_node(SHAPE)


@pytest.mark.parametrize("mode", ["--threads", "--gil"])
def test_now_is_monotonic_high_resolution_and_shared_by_threads(run_js, mode):
    source = textwrap.dedent(r"""
        const first = performance.now();
        let last = first, fractional = false, backwards = false;
        for (let i = 0; i < 100000; i++) {
            const t = performance.now();
            if (t < last) backwards = true;
            if (t !== Math.floor(t)) fractional = true;
            last = t;
        }
        const wall = performance.timeOrigin + performance.now();
        console.log(first >= 0 && first < 30000, !backwards, fractional, Math.abs(wall - Date.now()) < 50);
        const mark = performance.now();
        const seen = new Thread(() => performance.now()).join();
        console.log(seen >= mark && seen <= performance.now());
        const start = performance.now();
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
        const slept = performance.now() - start;
        console.log(slept >= 29 && slept < 1000);
    """)
    assert run_js(source, "main.js", mode) == (0, "true true true true\ntrue\ntrue\n", "")
