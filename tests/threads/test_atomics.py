"""Atomics on (object, key) (csrc/builtins/atomics.c, specs/sync.md SYNC-9..SYNC-12): the
messages and value rules of every operation, exact counters from several Threads,
wait/notify between threads, timeouts, and waitAsync. Every program runs under --threads and
--gil."""
import textwrap

import pytest

MODES = ["--threads", "--gil"]


def run_ok(run_js, mode, source, env=None):
    code, out, err = run_js(textwrap.dedent(source), "main.js", mode, env=env)
    assert code == 0, err
    assert err == ""
    return out


REPORT = """
function report(fn) {
    try { console.log(String(fn())); }
    catch (e) { console.log(e.constructor.name + ": " + e.message); }
}
"""


@pytest.mark.parametrize("mode", MODES)
def test_error_messages(run_js, mode):
    """SYNC-9, SYNC-11: dispatch and validation messages, in validation order."""
    out = run_ok(run_js, mode, REPORT + """
        const o = Object.create({ inherited: 1 });
        o.own = 1;
        o.str = "x";
        Object.defineProperty(o, "acc", { get() { return 2; }, set(v) {}, configurable: true });
        Object.defineProperty(o, "ro", { value: 3, writable: false, configurable: true });
        const frozen = Object.freeze({ word: 0, s: "x" });
        report(() => Atomics.load(o, "absent"));
        report(() => Atomics.load(o, "acc"));
        report(() => Atomics.load(o, "inherited"));
        report(() => Atomics.store(o, "acc", 1));
        report(() => Atomics.store(o, "ro", 1));
        report(() => Atomics.store(Object.preventExtensions({}), "nope", 1));
        report(() => Atomics.store(frozen, "word", 1));
        report(() => Atomics.exchange(o, "absent", 1));
        report(() => Atomics.exchange(o, "ro", 1));
        report(() => Atomics.compareExchange(o, "acc", 1, 2));
        report(() => Atomics.compareExchange(o, "ro", 999, 9));
        report(() => Atomics.add(o, "absent", 1));
        report(() => Atomics.sub(frozen, "s", 1));
        report(() => Atomics.xor(o, "str", 1));
        report(() => Atomics.wait(o, "absent", 0));
        report(() => Atomics.waitAsync(o, "acc", 0));
        report(() => Atomics.load(1, 0));
        report(() => Atomics.store(null, 0, 1));
        report(() => Atomics.notify(undefined, "k"));
        report(() => Atomics.notify(o, "absent"));
        report(() => Atomics.load(o, { toString() { throw new RangeError("key"); } }));
        report(() => Atomics.pause(1.5));
        console.log(o.ro, frozen.word, Object.prototype.toString.call(Atomics), typeof Atomics.isLockFree(4));
    """)
    assert out.splitlines() == [
        "TypeError: Atomics.load: object has no own property",
        "TypeError: Atomics.load: object has no own property",
        "TypeError: Atomics.load: object has no own property",
        "TypeError: Atomics.store: property is an accessor",
        "TypeError: Atomics.store: property is not writable",
        "TypeError: Atomics.store: cannot add a property to a non-extensible object",
        "TypeError: Atomics.store: property is not writable",
        "TypeError: Atomics.exchange: object has no own data property",
        "TypeError: Atomics.exchange: property is not writable",
        "TypeError: Atomics.compareExchange: object has no own data property",
        "TypeError: Atomics.compareExchange: property is not writable",
        "TypeError: Atomics RMW: object has no own data property",
        "TypeError: Atomics RMW: property is not writable",
        "TypeError: Atomics RMW: stored value is not a number",
        "TypeError: Atomics.wait: object has no own data property",
        "TypeError: Atomics.waitAsync: object has no own data property",
        "TypeError: Atomics.load requires an object or an integer typed array",
        "TypeError: Atomics.store requires an object or an integer typed array",
        "TypeError: Atomics.notify requires an object or an integer typed array",
        "0",
        "RangeError: key",
        "TypeError: Atomics.pause argument must be undefined or an integral Number",
        "3 0 [object Atomics] boolean",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_load_store_exchange_compare_exchange_values(run_js, mode):
    """SYNC-11: store keeps v uncoerced and creates absent properties with default attributes
    (keeping existing ones); compareExchange uses SameValueZero and returns the value read."""
    out = run_ok(run_js, mode, REPORT + """
        const o = { x: 1 };
        console.log(Atomics.load(o, "x"), Atomics.store(o, "x", 7.9), o.x);
        const describe = (obj, key) => {
            const d = Object.getOwnPropertyDescriptor(obj, key);
            return [d.value, d.writable, d.enumerable, d.configurable].join("/");
        };
        console.log(Atomics.store(o, "fresh", "v"), describe(o, "fresh"));
        const pinned = {};
        Object.defineProperty(pinned, "p", { value: 1, writable: true, enumerable: false, configurable: false });
        Atomics.store(pinned, "p", 2);
        console.log(describe(pinned, "p"));
        const ref = {};
        Atomics.store(o, "obj", ref);
        console.log(Atomics.load(o, "obj") === ref, Object.is(Atomics.load(o, "x"), 7.9));
        Atomics.store(o, "negz", -0);
        console.log(Object.is(Atomics.load(o, "negz"), -0));
        const sym = Symbol("k");
        console.log(Atomics.store(o, sym, 9), Atomics.add(o, sym, 1), o[sym]);
        console.log(Atomics.store(o, 1, "one"), o["1"]);
        const arr = [1, 2, 3];
        console.log(Atomics.store(arr, 3, 4), arr.length, Atomics.exchange(arr, 0, "a"), arr.join());
        o.n = NaN;
        console.log(Atomics.compareExchange(o, "n", NaN, 1), o.n);
        o.z = -0;
        console.log(Object.is(Atomics.compareExchange(o, "z", 0, "hit"), -0), o.z);
        o.s = "abc";
        console.log(Atomics.compareExchange(o, "s", "a" + "bc", "swapped"), Atomics.compareExchange(o, "s", "x", "no"), o.s);
        console.log(Atomics.compareExchange(o, "obj", {}, "no") === ref, Atomics.compareExchange(o, "obj", ref, "yes") === ref, o.obj);
        console.log(Atomics.exchange(o, "s", undefined), "s" in o, o.s);
    """)
    assert out.splitlines() == [
        "1 7.9 7.9",
        "v v/true/true/true",
        "2/true/false/false",
        "true true",
        "true",
        "9 9 10",
        "one one",
        "4 4 1 a,2,3,4",
        "NaN 1",
        "true hit",
        "abc swapped swapped",
        "true true yes",
        "swapped true undefined",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_read_modify_write_rules(run_js, mode):
    """SYNC-11: add/sub as doubles, and/or/xor through ToInt32 with int32 results; each returns the
    old value as read; the operand is coerced (once) after validation."""
    out = run_ok(run_js, mode, """
        const o = { x: 5 };
        console.log(Atomics.add(o, "x", 3), Atomics.sub(o, "x", 10), Atomics.add(o, "x", 0.5), o.x);
        o.x = 0.1;
        console.log(Atomics.add(o, "x", 0.2), o.x === 0.1 + 0.2);
        o.b = 6;
        console.log(Atomics.and(o, "b", 3), Atomics.or(o, "b", 5), Atomics.xor(o, "b", 1), o.b);
        o.b = 2147483648;
        console.log(Atomics.and(o, "b", -1), o.b);
        o.b = 1.9;
        console.log(Atomics.or(o, "b", 2), o.b);
        let effects = 0;
        o.c = 10;
        console.log(Atomics.add(o, "c", { valueOf() { effects++; return 2; } }), o.c, effects);
        console.log(Atomics.xor(o, "c", "5"), o.c);
        o.inf = Infinity;
        console.log(Atomics.sub(o, "inf", Infinity), o.inf);
        const arr = [1, 2, 3];
        console.log(Atomics.add(arr, 1, 10), arr[1]);
        o.x = 0;
        for (let i = 0; i < 20000; i++) Atomics.add(o, "x", 1);
        console.log(o.x);
    """)
    assert out.splitlines() == [
        "5 8 -2 -1.5", "0.1 true", "6 2 7 6", "2147483648 -2147483648", "1.9 3", "10 12 1",
        "12 9", "Infinity NaN", "2 12", "20000",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_counters_from_several_threads_are_exact(run_js, mode):
    """SYNC-11: Atomics.add, a compareExchange loop and and/or bit sets from 4 threads lose
    nothing."""
    out = run_ok(run_js, mode, """
        const o = { add: 0, cas: 0, bits: 0, sub: 100000 };
        const threads = [];
        for (let t = 0; t < 4; t++)
            threads.push(new Thread(bit => {
                for (let i = 0; i < 5000; i++) {
                    Atomics.add(o, "add", 1);
                    Atomics.sub(o, "sub", 2);
                    for (;;) {
                        const seen = Atomics.load(o, "cas");
                        if (Atomics.compareExchange(o, "cas", seen, seen + 1) === seen) break;
                    }
                }
                Atomics.or(o, "bits", 1 << bit);
            }, t));
        for (const t of threads) t.join();
        console.log(o.add, o.cas, o.sub, o.bits);
    """)
    assert out == "20000 20000 60000 15\n"


@pytest.mark.parametrize("mode", MODES)
def test_wait_notify_between_threads(run_js, mode):
    """SYNC-10, SYNC-12: not-equal and zero timeouts return at once; a waiter parked on (o, k)
    is woken by notify ("ok") and counted; ping-pong terminates; other keys and objects are
    never woken."""
    out = run_ok(run_js, mode, """
        const o = { flag: 0, ready: 0 }, other = { flag: 0 };
        console.log(Atomics.wait(o, "flag", 1), Atomics.wait(o, "flag", 0, 0), Atomics.wait(o, "flag", 0, -5));
        const t = new Thread(() => {
            Atomics.store(o, "ready", 1);
            Atomics.notify(o, "ready");
            return Atomics.wait(o, "flag", 0);
        });
        while (Atomics.load(o, "ready") === 0) Atomics.wait(o, "ready", 0);
        let woken = 0;
        while (woken === 0) {
            // Wrong key, wrong object: nobody of those.
            if (Atomics.notify(o, "ready") + Atomics.notify(other, "flag") !== 0) console.log("cross-woken");
            woken = Atomics.notify(o, "flag", 1);
            if (woken === 0) Atomics.wait(o, "ready", 1, 1);
        }
        console.log(woken, t.join());
        const pp = { turn: 0 }, ROUNDS = 100;
        const player = new Thread(() => {
            for (let i = 0; i < ROUNDS; i++) {
                while (Atomics.load(pp, "turn") !== 2 * i + 1) Atomics.wait(pp, "turn", 2 * i);
                Atomics.store(pp, "turn", 2 * i + 2);
                Atomics.notify(pp, "turn");
            }
        });
        for (let i = 0; i < ROUNDS; i++) {
            Atomics.store(pp, "turn", 2 * i + 1);
            Atomics.notify(pp, "turn");
            while (Atomics.load(pp, "turn") !== 2 * i + 2) Atomics.wait(pp, "turn", 2 * i + 1);
        }
        player.join();
        console.log(pp.turn, Atomics.notify(o, "flag"), Atomics.notify(o, "nothing", 0));
    """)
    assert out.splitlines() == ["not-equal timed-out timed-out", "1 ok", "200 0 0"]


@pytest.mark.parametrize("mode", MODES)
def test_wait_times_out_and_notify_counts_are_bounded(run_js, mode):
    """SYNC-10: a timed wait nobody notifies returns "timed-out"; notify(o, k, n) wakes at most
    n of the parked waiters."""
    out = run_ok(run_js, mode, """
        const o = { quiet: 0, k: 0, parked: 0 };
        const t = new Thread(() => Atomics.wait(o, "quiet", 0, 60));
        console.log(t.join());
        const waiters = [];
        for (let i = 0; i < 3; i++)
            waiters.push(new Thread(() => { Atomics.add(o, "parked", 1); return Atomics.wait(o, "k", 0, 5000); }));
        // Wake them two, then one, once all three are parked (a waiter counts itself first).
        let woken = 0;
        while (woken < 2) {
            if (Atomics.load(o, "parked") === 3) woken += Atomics.notify(o, "k", 2 - woken);
            Atomics.wait(o, "quiet", 0, 1);
        }
        while (woken < 3) { woken += Atomics.notify(o, "k", 1); Atomics.wait(o, "quiet", 0, 1); }
        console.log(woken, waiters.map(w => w.join()).join());
    """)
    assert out.splitlines() == ["timed-out", "3 ok,ok,ok"]


@pytest.mark.parametrize("mode", MODES)
def test_wait_async(run_js, mode):
    """SYNC-12: immediate results are {async: false}; otherwise a promise settles on a later
    turn with "ok" after notify or "timed-out" at the deadline; a pending waitAsync keeps the
    thread alive; notify counts async waiters."""
    out = run_ok(run_js, mode, """
        const o = { a: 0, b: 0, c: 0 };
        const ne = Atomics.waitAsync(o, "a", 1), zt = Atomics.waitAsync(o, "a", 0, 0);
        console.log(ne.async, ne.value, zt.async, zt.value);
        const w = Atomics.waitAsync(o, "a", 0, 60000);
        let settled = false;
        w.value.then(v => { settled = true; console.log("notified:", v); });
        console.log(w.async, w.value instanceof Promise, Atomics.notify(o, "a"), settled);
        Promise.resolve().then(() => console.log("microtask: settled", settled));
        Atomics.waitAsync(o, "b", 0, 30).value.then(v => console.log("timeout:", v));
        // Notified from another thread.
        const pending = Atomics.waitAsync(o, "c", 0);
        pending.value.then(v => console.log("cross-thread:", v));
        new Thread(() => { while (Atomics.notify(o, "c") === 0) Atomics.wait(o, "b", 0, 1); }).join();
    """)
    assert out.splitlines() == ["false not-equal false timed-out", "true true 1 false",
                                "microtask: settled false", "notified: ok", "cross-thread: ok",
                                "timeout: timed-out"]


@pytest.mark.parametrize("mode", MODES)
def test_wait_async_on_a_thread_keeps_it_alive_until_it_settles(run_js, mode):
    """SYNC-3, SYNC-12: a Thread whose fn returned still runs its waitAsync settlement."""
    out = run_ok(run_js, mode, """
        const o = { k: 0, seen: "" };
        const t = new Thread(() => {
            Atomics.waitAsync(o, "k", 0, 20).value.then(v => Atomics.store(o, "seen", v));
            return "returned";
        });
        console.log(t.join());
        while (Atomics.load(o, "seen") === "") Atomics.wait(o, "k", 0, 2);
        console.log(o.seen);
    """)
    assert out.splitlines() == ["returned", "timed-out"]


def test_collections_while_waiting_keep_async_records_alive(run_js):
    """SYNC-2: with a collection at every allocation slow path, queued tickets and waitAsync
    records survive until they settle."""
    out = run_ok(run_js, "--threads", """
        const lock = new Lock(), cond = new Condition(), o = { k: 0 };
        const results = [];
        lock.hold(() => { cond.asyncWait(lock).then(release => { results.push("cond"); release(); }); });
        const r = Atomics.waitAsync(o, "k", 0);
        r.value.then(v => results.push(v));
        const releases = [];
        for (let i = 0; i < 5; i++) lock.asyncHold(() => { results.push("hold" + i); });
        for (let i = 0; i < 200; i++) releases.push({ garbage: [i, String(i)] });
        cond.notify();
        Atomics.notify(o, "k");
        setTimeout(() => {
            console.log(results.filter(r => r.startsWith("hold")).join());
            console.log(results.filter(r => !r.startsWith("hold")).sort().join());
        }, 20);
    """, env={"JSTHREADS_GC_STRESS": "1"})
    assert out.splitlines() == ["hold0,hold1,hold2,hold3,hold4", "cond,ok"]


@pytest.mark.parametrize("mode", MODES)
def test_restricted_objects_refuse_foreign_atomics(run_js, mode):
    """SYNC-9: Atomics honour Thread.restrict: another thread's operations throw
    ConcurrentAccessError and change nothing; the owner is unaffected; notify reads no property."""
    out = run_ok(run_js, mode, """
        const o = Thread.restrict({ k: 1 });
        const t = new Thread(() => {
            const results = [];
            for (const op of [() => Atomics.load(o, "k"), () => Atomics.store(o, "k", 5),
                              () => Atomics.add(o, "k", 1), () => Atomics.compareExchange(o, "k", 1, 2),
                              () => Atomics.wait(o, "k", 0, 0), () => Atomics.notify(o, "k")])
                try { results.push(String(op())); } catch (e) { results.push(e.constructor.name); }
            return results.join(" ");
        });
        console.log(t.join());
        console.log(o.k, Atomics.add(o, "k", 1), Atomics.load(o, "k"));
    """)
    assert out.splitlines() == [
        "ConcurrentAccessError ConcurrentAccessError ConcurrentAccessError ConcurrentAccessError "
        "ConcurrentAccessError 0",
        "1 1 2",
    ]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("race", [None, "21"])
def test_rmw_racing_deletes_reads_only_real_values(run_js, mode, race):
    """SYNC-14: the slot lookup and the atomic step are one step against deletes and re-adds, so
    a compareExchange or add racing them reads a value the property really held, or throws."""
    out = run_ok(run_js, mode, """
        const o = {};
        for (let i = 0; i < 50; i++) o["x" + i] = i;
        for (let i = 0; i < 50; i++) delete o["x" + i];   // a dictionary object
        o.k = 7;
        const go = { v: 0 };
        const other = new Thread(() => {
            Atomics.store(go, "v", 1);
            const seen = {};
            for (let i = 0; i < 3000; i++) {
                let read;
                try { read = Atomics.compareExchange(o, "k", 7, 9); }
                catch (e) { read = e.constructor.name; }
                seen[read] = true;
                try { Atomics.add(o, "k", 0); } catch (e) { seen[e.constructor.name] = true; }
            }
            return Object.keys(seen).sort().join();
        });
        while (Atomics.load(go, "v") === 0) {}
        for (let i = 0; i < 3000; i++) { delete o.k; o.k = 7; }
        const kinds = other.join().split(",");
        console.log(kinds.every(k => k === "7" || k === "9" || k === "TypeError"));
    """, env={"JSTHREADS_RACE": race} if race else None)
    assert out == "true\n"
