"""TID reuse (specs/threads.md THR-20, specs/objectmodel.md OM-17): a dead thread's TID is handed
out again only after a collection rewrote every live object and restricted structure that named
it to THREAD_TID_NONE. JSTHREADS_TID_LIMIT shrinks the TID space so that a few hundred threads
reuse every TID many times (the 32766-thread run is corpus/threads/thread_tid_reuse_many.js)."""
import pytest

MODES = ["--threads", "--gil"]

# Main has TID 0, so 7 TIDs remain for Threads: every test below starts far more over its life.
SMALL = {"JSTHREADS_TID_LIMIT": "8"}


@pytest.mark.parametrize("race", [None, "11"])
@pytest.mark.parametrize("mode", MODES)
def test_restricted_object_of_a_dead_thread_stays_closed_to_reusers(run_js, mode, race):
    # Without the retirement, whichever thread got the dead thread's TID would pass the
    # restricted check (and could re-restrict the dead thread's restricted object) [OM-12, OM-17].
    env = dict(SMALL, **({"JSTHREADS_RACE": race} if race else {}))
    code, out, err = run_js(r"""
        const made = new Thread(() => {
            const closed = { secret: 1 };
            Thread.restrict(closed);
            return { closed };
        }).join();
        const verdicts = new Map();
        const ids = new Set();
        for (let round = 0; round < 60; round++) {
            const batch = [];
            for (let i = 0; i < 5; i++) batch.push(new Thread(() => {
                const seen = [];
                try { made.closed.secret; seen.push('read'); } catch (e) { seen.push(e.name); }
                try { made.closed.secret = 2; seen.push('wrote'); } catch (e) { seen.push(e.name); }
                try { Thread.restrict(made.closed); seen.push('restricted'); } catch (e) { seen.push(e.message); }
                return seen.join('|');
            }));
            for (const t of batch) {
                ids.add(t.id);
                const v = t.join();
                verdicts.set(v, (verdicts.get(v) || 0) + 1);
            }
        }
        for (const [v, n] of verdicts) console.log(n, v);
        console.log('distinct Thread ids:', ids.size);
        try { made.closed.secret; } catch (e) { console.log('main:', e.name); }
    """, "main.js", mode, env=env)
    assert (code, err) == (0, "")
    assert out == ("300 ConcurrentAccessError|ConcurrentAccessError|"
                   "Thread.restrict called from a non-owning thread\n"
                   "distinct Thread ids: 300\n"
                   "main: ConcurrentAccessError\n")


@pytest.mark.parametrize("mode", MODES)
def test_dead_threads_objects_stay_correct_when_reusers_write_them(run_js, mode):
    # Objects and arrays a dead thread made with flat, unshared storage (SW clear) are grown by
    # threads that reuse TIDs, several at once: every add and every element store survives, so
    # no reuser took the owner's lock-free paths on storage others write into [OM-2, OM-4, OM-7].
    code, out, err = run_js(r"""
        const made = [];
        for (let i = 0; i < 10; i++)
            made.push(new Thread(() => ({ props: { seed: 1 }, list: [0], dict: (() => {
                const d = { x: 1, y: 2 }; delete d.x; return d; })() })).join());
        let round = 0;
        for (; round < 40; round++) {
            const batch = [];
            for (let w = 0; w < 4; w++) batch.push(new Thread((w, round) => {
                for (const m of made) {
                    for (let j = 0; j < 8; j++) {
                        const k = (round * 4 + w) * 8 + j;
                        m.props['p' + k] = k;
                        m.list[k + 1] = k;
                        m.dict['d' + k] = k;
                    }
                }
            }, w, round));
            for (const t of batch) t.join();
        }
        const n = round * 4 * 8;
        let bad = 0;
        for (const m of made) {
            for (let k = 0; k < n; k++)
                if (m.props['p' + k] !== k || m.list[k + 1] !== k || m.dict['d' + k] !== k) bad++;
            if (Object.keys(m.props).length !== n + 1 || m.list.length !== n + 1 ||
                Object.keys(m.dict).length !== n + 1) bad++;
        }
        console.log('missing or wrong:', bad);
    """, "main.js", mode, env=SMALL)
    assert (code, err, out) == (0, "", "missing or wrong: 0\n")


@pytest.mark.parametrize("mode", MODES)
def test_tid_space_full_of_live_threads_still_throws(run_js, mode):
    # 7 TIDs for Threads, all live (waiting on a flag): the 8th Thread gets the RangeError at once,
    # and once they finish and are joined, Threads start again (their TIDs are retired).
    code, out, err = run_js(r"""
        const flag = { go: 0 };
        const live = [];
        for (let i = 0; i < 7; i++)
            live.push(new Thread(() => { while (Atomics.load(flag, 'go') === 0) Atomics.wait(flag, 'go', 0, 5); return 1; }));
        try { new Thread(() => 0); console.log('started'); } catch (e) { console.log(e.name + ': ' + e.message); }
        Atomics.store(flag, 'go', 1);
        Atomics.notify(flag, 'go');
        let sum = 0;
        for (const t of live) sum += t.join();
        for (let i = 0; i < 20; i++) sum += new Thread(() => 1).join();
        console.log(sum);
    """, "main.js", mode, env=SMALL)
    assert (code, err) == (0, "")
    assert out == "RangeError: too many live Threads (or thread-ID space exhausted)\n27\n"
