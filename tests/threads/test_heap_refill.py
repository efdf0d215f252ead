"""HEAP-17 (specs/heap.md): a refill formats its empty block after dropping the heap lock, so
threads that refill at once format side by side. Here four threads and main allocate in many size
classes at once, long enough for several collections, so empty blocks are taken, reformatted for
other size classes (the dirty-block zeroing) and refilled concurrently; every cell must come out
zeroed and intact. Runs without GC stress (stress refills hand out 32 cells, not whole blocks)."""
import pytest

MODES = ["--threads", "--gil"]

SOURCE = r"""
function work(seed) {
    let bad = 0;
    for (let round = 0; round < 12; round++) {
        const kept = [];
        for (let n = 1; n <= 260; n += 7) {
            // Arrays of n holes and objects with n/8 properties: butterflies of many size classes.
            const a = new Array(n);
            for (let i = 0; i < n; i += 3) a[i] = seed + i;
            const o = {};
            for (let k = 0; k < (n >> 3); k++) o['p' + k] = k * seed;
            kept.push([a, o, 'x'.repeat(n) + seed]);
        }
        for (let j = 0; j < 3000; j++) kept.push({ j, s: String(j * seed) });   // small cells
        for (let idx = 0, n = 1; n <= 260; n += 7, idx++) {
            const [a, o, s] = kept[idx];
            if (a.length !== n || s.length !== n + String(seed).length) bad++;
            for (let i = 0; i < n; i++) if (a[i] !== (i % 3 === 0 ? seed + i : undefined)) { bad++; break; }
            for (let k = 0; k < (n >> 3); k++) if (o['p' + k] !== k * seed) { bad++; break; }
            if (Object.keys(o).length !== (n >> 3)) bad++;
        }
        for (let j = 0; j < 3000; j++) {
            const c = kept[38 + j];
            if (c.j !== j || c.s !== String(j * seed)) { bad++; break; }
        }
    }
    return bad;
}
const threads = [];
for (let k = 1; k <= 4; k++) threads.push(new Thread(work, k));
console.log([work(5), ...threads.map(t => t.join())].join(' '));
"""


@pytest.mark.parametrize("mode", MODES)
def test_threads_refilling_at_once_get_zeroed_intact_cells(run_js, mode):
    code, out, err = run_js(SOURCE, "main.js", mode)
    assert (code, out, err) == (0, "0 0 0 0 0\n", "")
