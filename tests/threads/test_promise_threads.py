"""Promise reactions run on the thread that registered them (specs/threads.md THR-15, THR-16;
specs/interpreter.md INT-13), through `jsthreads run` in both modes. Each case prints what it
observes; the expected output is exact, so a reaction on the wrong thread, a lost reaction or a
wrong order fails."""
import pytest

MODES = ["--threads", "--gil"]

CASES = {
    # THR-15: an async function resumes on its own thread although another thread resolved p.
    "await_resumes_on_home_thread": (r"""
        async function f(p) { const a = Thread.current.id; await p; return [a, Thread.current.id]; }
        let resolve; const p = new Promise(r => resolve = r);
        const r = f(p);
        new Thread(() => resolve(1)).join();
        r.then(v => console.log(v));
    """, "[ 0, 0 ]\n"),
    # THR-15, THR-16: a then() on main, settled later by a running thread, is delivered to main,
    # and the pending reaction keeps main's event loop alive until it is.
    "then_on_main_settled_later_keeps_main_alive": (r"""
        let resolve; const p = new Promise(r => resolve = r);
        p.then(v => console.log('got', v, 'on', Thread.current.id));
        new Thread(() => { let s = 0; for (let i = 0; i < 300000; i++) s += i; resolve(s); });
        console.log('main script done');
    """, "main script done\ngot 44999850000 on 0\n"),
    # A spawned thread awaits a promise main resolves later (from a timer): it resumes on itself.
    "spawned_thread_awaits_promise_main_resolves": (r"""
        let resolve; const p = new Promise(r => resolve = r);
        const box = { awaiting: false, done: false };
        const t = new Thread(async () => {
            const before = Thread.current.id;
            box.awaiting = true;
            const v = await p;
            console.log('thread', before, 'resumed on', Thread.current.id, 'with', v);
            box.done = true;
        });
        // Resolve once the thread awaits, and stay alive until it resumed: the run ends when
        // main is idle (THR-11), which on a loaded machine can come before thread 1 runs again.
        (function poll() {
            if (box.awaiting && !box.done) resolve('from main');
            if (!box.done) setTimeout(poll, 1);
        })();
    """, "thread 1 resumed on 1 with from main\n"),
    # THR-15, THR-16: a thread whose function has returned (and been joined) keeps its event
    # loop for its pending reaction; main settles the promise later and the reaction runs there.
    "finished_thread_function_still_gets_its_reaction": (r"""
        let resolve; const p = new Promise(r => resolve = r);
        const box = { ran: false };
        const t = new Thread(() => {
            p.then(v => { console.log('reaction ran on', Thread.current.id, v); box.ran = true; });
            return 'registered';
        });
        console.log(t.join());
        // Main stays alive until the reaction ran: the run ends when main is idle (THR-11), and
        // on a loaded machine the process could exit before thread 1 got to run it.
        setTimeout(() => {
            resolve('late');
            (function wait() { if (!box.ran) setTimeout(wait, 1); })();
        }, 30);
    """, "registered\nreaction ran on 1 late\n"),
    # THR-16: an await chain crossing threads several times; every step resumes on its home.
    "await_chain_crossing_threads": (r"""
        function later(v) {
            return new Promise(r => new Thread(() => { let s = 0; for (let i = 0; i < 50000; i++) s += i; r(v); }));
        }
        async function worker(tag) {
            const seen = [];
            for (let i = 0; i < 4; i++) { await later(i); seen.push(Thread.current.id); }
            return tag + ':' + seen.join(',');
        }
        (async () => {
            const here = Thread.current.id;
            const fromThread = new Thread(async () => {
                const me = Thread.current.id;
                const s = await worker('t');
                return s === 't:' + [me, me, me, me].join(',');
            });
            const mine = await worker('m');
            console.log(mine === 'm:' + [here, here, here, here].join(','), await fromThread.asyncJoin());
        })();
    """, "true true\n"),
    # THR-16: a never-settled promise in a single-threaded program still exits 0, like node.
    "never_settled_single_thread_exits": (r"""
        new Promise(() => {}).then(() => console.log('never'));
        (async () => { await new Promise(() => {}); console.log('never'); })();
        console.log('done');
    """, "done\n"),
    # Promise.all's internal thens are homed on main: its result arrives on main, in order.
    "promise_all_across_threads": (r"""
        const ps = [], resolvers = [];
        for (let i = 0; i < 4; i++) ps.push(new Promise(r => resolvers.push(r)));
        Promise.all(ps).then(v => console.log(v.join(), 'on', Thread.current.id));
        const ts = resolvers.map((r, i) => new Thread(() => r(i * 10)));
        ts.forEach(t => t.join());
    """, "0,10,20,30 on 0\n"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_promise_threads(run_js, name, mode):
    source, expected = CASES[name]
    code, out, err = run_js(source, "main.js", mode)
    assert (code, err) == (0, ""), err
    assert out == expected


@pytest.mark.parametrize("mode", MODES)
def test_waiting_for_promise_is_a_deadlock_when_all_wait(run_js, mode):
    # THR-16 with THR-6: main awaits a promise and the only other thread blocks forever on main:
    # nobody can settle it, so the detector reports both waits and exits 1.
    code, out, err = run_js(r"""
        const main = Thread.current;
        new Promise(() => {}).then(() => console.log('never'));
        new Thread(() => main.join());
        console.log('before');
    """, "main.js", mode)
    assert code == 1
    assert out == "before\n"
    assert err == ("deadlock: all threads are blocked\n"
                   "  main (Thread 0): awaiting a promise\n  Thread 1: join(Thread 0)\n")
