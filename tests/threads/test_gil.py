"""The --gil mode through `jsthreads run` (specs/safepoints.md SP-9..SP-12): one thread runs JS at a
time, a spin-waiting program still finishes because the GIL is handed over after a time slice,
blocked threads hold no GIL, and collections still stop the world. No timing assertions: a hang
shows up as the subprocess timeout."""
import pytest

# Under --gil a thread gives the GIL up only at polls (function entry, loop back edges, allocation
# slow paths) or when it blocks; `o.n++` contains none, so no increment is ever lost [SP-9].
COUNTER = r"""
    const o = { n: 0 };
    const threads = [];
    for (let k = 0; k < 4; k++) threads.push(new Thread(() => { for (let i = 0; i < 20000; i++) o.n++; }));
    for (let i = 0; i < 20000; i++) o.n++;
    threads.forEach(t => t.join());
    console.log(o.n);
"""


def test_one_runner_no_lost_increments(run_js):
    """SP-9: five threads doing non-atomic `o.n++` lose no update under --gil."""
    code, out, err = run_js(COUNTER, "main.js", "--gil")
    assert (code, out, err) == (0, "100000\n", "")


def test_one_runner_under_race_amplifier(run_js):
    """SP-8, SP-9: with JSTHREADS_RACE the GIL changes hands at random polls; still nothing lost."""
    code, out, err = run_js(COUNTER, "main.js", "--gil", env={"JSTHREADS_RACE": "12345"})
    assert (code, out, err) == (0, "100000\n", "")


def test_one_runner_no_torn_pair(run_js):
    """SP-9: a writer updates two properties with no poll in between; under --gil a reader in
    another thread always sees them equal."""
    source = r"""
        const o = { a: 0, b: 0, stop: false };
        const writer = new Thread(() => { for (let i = 1; i <= 50000; i++) { o.a = i; o.b = i; } o.stop = true; });
        let torn = 0, reads = 0;
        while (!o.stop) { if (o.a !== o.b) torn++; reads++; }
        writer.join();
        console.log(torn, o.a, o.b);
    """
    code, out, err = run_js(source, "main.js", "--gil")
    assert (code, out, err) == (0, "0 50000 50000\n", "")


@pytest.mark.parametrize("mode", ["--gil", "--threads"])
def test_spin_wait_on_property_terminates(run_js, mode):
    """SP-10, SP-11: threads that only spin on a property (no blocking call) make progress: the
    spinner hands the GIL to the waiting writer after its time slice. Both directions, then a
    30-round ping-pong in which both sides spin."""
    source = r"""
        const o = { done: false, count: 0 };
        const t = new Thread(() => { while (!o.done) {} return o.count; });
        for (let i = 0; i < 1000; i++) o.count++;
        o.done = true;
        console.log(t.join());
        const flag = { go: false };
        const waiter = new Thread(() => { flag.go = true; });
        while (!flag.go) {}
        waiter.join();
        console.log('main saw the flag');
        const p = { turn: 0 };
        const partner = new Thread(() => {
            for (let i = 0; i < 30; i++) { while (p.turn !== 2 * i + 1) {} p.turn = 2 * i + 2; }
        });
        for (let i = 0; i < 30; i++) { p.turn = 2 * i + 1; while (p.turn !== 2 * i + 2) {} }
        partner.join();
        console.log(p.turn);
    """
    code, out, err = run_js(source, "main.js", mode)
    assert (code, out, err) == (0, "1000\nmain saw the flag\n60\n", "")


def test_blocked_threads_hold_no_gil(run_js):
    """SP-5, SP-9: join, a contended Lock, Condition.wait and Atomics.wait all wait in blocked
    regions; under --gil each of them gives the GIL up, or the thread it waits for could never run
    and the program would hang."""
    source = r"""
        // join: the joined thread needs the GIL to finish.
        const t = new Thread(() => { let s = 0; for (let i = 0; i < 100000; i++) s += i; return s; });
        console.log('join', t.join());
        // Lock: the holder keeps running (and needs the GIL) while main waits for the lock.
        const lock = new Lock();
        const state = { held: false, spins: 0 };
        const holder = new Thread(() => lock.hold(() => {
            state.held = true;
            for (let i = 0; i < 100000; i++) state.spins++;
        }));
        while (!state.held) {}
        lock.hold(() => console.log('lock', state.spins));
        holder.join();
        // Condition: the waiter releases the lock and the GIL; the notifier needs both.
        const cond = new Condition();
        const box = { ready: false, waiting: false };
        const consumer = new Thread(() => lock.hold(() => {
            box.waiting = true;
            while (!box.ready) cond.wait(lock);
            return 'consumed';
        }));
        while (!box.waiting) {}
        lock.hold(() => { box.ready = true; cond.notifyAll(); });
        console.log('condition', consumer.join());
        // Atomics.wait on a property: the sleeper must not keep the notifier from running.
        const cell = { v: 0 };
        const sleeper = new Thread(() => Atomics.wait(cell, 'v', 0));
        while (Atomics.notify(cell, 'v') === 0) {}   // until the sleeper is really waiting
        console.log('atomics', sleeper.join());
    """
    code, out, err = run_js(source, "main.js", "--gil")
    assert (code, out, err) == (0, "join 4999950000\nlock 100000\ncondition consumed\natomics ok\n", "")


@pytest.mark.parametrize("mode", ["--gil", "--threads"])
def test_collections_stop_the_world_under_gil(run_js, mode):
    """SP-12, HEAP-11: allocation-heavy threads under GC stress: the GIL holder collects while the
    others wait for the GIL or are blocked in join; every thread's data survives intact."""
    source = r"""
        function work(seed) {
            let list = null;
            for (let i = 0; i < 3000; i++) list = { i, s: 'v' + (seed + i), next: list };
            let sum = 0, ok = true;
            for (let n = list, i = 2999; n; n = n.next, i--) { ok = ok && n.i === i && n.s === 'v' + (seed + i); sum += n.i; }
            return ok ? sum : -1;
        }
        const threads = [];
        for (let k = 0; k < 3; k++) threads.push(new Thread(work, k * 1000));
        const mine = work(99);
        console.log(mine, threads.map(t => t.join()).join(' '));
    """
    code, out, err = run_js(source, "main.js", mode, env={"JSTHREADS_GC_STRESS": "1"})
    assert (code, out, err) == (0, "4498500 4498500 4498500 4498500\n", "")
