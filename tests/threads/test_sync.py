"""Lock and Condition (csrc/builtins/sync.c, specs/sync.md): every error message, mutual exclusion
under several Threads, async grants settling on later turns, Condition hand-offs and counts,
and the deadlock report's reasons. Every program runs under --threads and --gil."""
import textwrap

import pytest

MODES = ["--threads", "--gil"]


def run_ok(run_js, mode, source, env=None):
    code, out, err = run_js(textwrap.dedent(source), "main.js", mode, env=env)
    assert code == 0, err
    assert err == ""
    return out


@pytest.mark.parametrize("mode", MODES)
def test_lock_and_condition_error_messages(run_js, mode):
    """SYNC-1: constructors need new, methods check their receiver and arguments."""
    out = run_ok(run_js, mode, """
        const lock = new Lock(), cond = new Condition();
        function report(fn) {
            try { fn(); console.log("no error"); }
            catch (e) { console.log(e.constructor.name + ": " + e.message); }
        }
        report(() => Lock());
        report(() => Condition());
        report(() => lock.hold());
        report(() => lock.hold(1));
        report(() => lock.asyncHold(1));
        report(() => Lock.prototype.hold.call({}, () => 0));
        report(() => Lock.prototype.asyncHold.call(cond));
        report(() => Object.getOwnPropertyDescriptor(Lock.prototype, "locked").get.call({}));
        report(() => lock.hold(() => lock.hold(() => 0)));
        report(() => lock.hold(() => lock.asyncHold()));
        report(() => cond.wait({}));
        report(() => cond.wait(lock));
        report(() => cond.asyncWait(lock));
        report(() => cond.asyncWait(5));
        report(() => Condition.prototype.notify.call(lock));
        report(() => Condition.prototype.wait.call({}, lock));
        console.log(lock.locked);
    """)
    assert out.splitlines() == [
        "TypeError: calling Lock constructor without new is invalid",
        "TypeError: calling Condition constructor without new is invalid",
        "TypeError: Lock.prototype.hold requires a callable argument",
        "TypeError: Lock.prototype.hold requires a callable argument",
        "TypeError: Lock.prototype.asyncHold requires a callable argument when one is provided",
        "TypeError: Lock.prototype.hold called on incompatible receiver",
        "TypeError: Lock.prototype.asyncHold called on incompatible receiver",
        "TypeError: Lock.prototype.locked called on incompatible receiver",
        "Error: Lock is not recursive",
        "Error: Lock is not recursive",
        "TypeError: Condition.prototype.wait requires a Lock argument",
        "TypeError: Condition.prototype.wait requires the lock to be held by the caller",
        "TypeError: Condition.prototype.asyncWait requires the lock to be held",
        "TypeError: Condition.prototype.asyncWait requires a Lock argument",
        "TypeError: Condition.prototype.notify called on incompatible receiver",
        "TypeError: Condition.prototype.wait called on incompatible receiver",
        "false",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_classes_shape_tags_and_subclassing(run_js, mode):
    """SYNC-1: toStringTag, non-enumerable globals, subclassing through new.target."""
    out = run_ok(run_js, mode, """
        class MyLock extends Lock { constructor() { super(); this.extra = 1; } }
        class MyCondition extends Condition {}
        const l = new MyLock(), c = new MyCondition();
        console.log(Object.prototype.toString.call(new Lock()), Object.prototype.toString.call(c));
        console.log(l instanceof MyLock, l instanceof Lock, c instanceof Condition, l.extra);
        console.log(l.hold(() => l.locked), c.notify(), c.notifyAll());
        console.log(Object.keys(globalThis).includes("Lock"), typeof Lock, Lock.length, Lock.name);
        console.log(Object.getPrototypeOf(new Lock()) === Lock.prototype, Lock.prototype.constructor === Lock);
        console.log(typeof Lock.prototype.hold, Lock.prototype.hold.length, Lock.prototype.asyncHold.length);
    """)
    assert out.splitlines() == [
        "[object Lock] [object Condition]",
        "true true true 1",
        "true 0 0",
        "false function 0 Lock",
        "true true",
        "function 1 0",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_hold_returns_value_releases_on_throw_and_keeps_outer_hold(run_js, mode):
    """SYNC-4: a hold is released exactly once, also when fn throws; a refused nested hold
    leaves the outer one intact."""
    out = run_ok(run_js, mode, """
        const lock = new Lock();
        console.log(lock.hold(() => lock.locked), lock.locked);
        const boom = new Error("boom");
        try { lock.hold(() => { throw boom; }); } catch (e) { console.log(e === boom, lock.locked); }
        lock.hold(() => {
            try { lock.hold(() => 0); } catch (e) { console.log(e.message, lock.locked); }
        });
        console.log(lock.locked);
        console.log(new Thread(() => lock.hold(() => "other thread")).join());
    """)
    assert out.splitlines() == ["true false", "true false", "Lock is not recursive true", "false",
                                "other thread"]


@pytest.mark.parametrize("mode", MODES)
def test_counter_under_lock_from_several_threads_is_exact(run_js, mode):
    """SYNC-5: mutual exclusion: 4 threads + main, 5000 increments each, none lost."""
    out = run_ok(run_js, mode, """
        const lock = new Lock();
        const box = { n: 0, inside: 0, overlap: 0 };
        function work() {
            for (let i = 0; i < 5000; i++)
                lock.hold(() => {
                    if (box.inside++ !== 0) box.overlap++;
                    box.n = box.n + 1;
                    box.inside--;
                });
        }
        const threads = [];
        for (let i = 0; i < 4; i++) threads.push(new Thread(work));
        work();
        for (const t of threads) t.join();
        console.log(box.n, box.overlap, lock.locked);
    """)
    assert out == "25000 0 false\n"


@pytest.mark.parametrize("mode", MODES)
def test_async_hold_settles_on_later_turn_fifo_and_release_once(run_js, mode):
    """SYNC-5..SYNC-7: immediate grant, delivery on a later turn, FIFO tickets, release
    functions, fn outcome and auto-release."""
    out = run_ok(run_js, mode, """
        const lock = new Lock();
        const order = [];
        const p1 = lock.asyncHold();
        console.log("sync: locked", lock.locked, p1 instanceof Promise);
        let settled = false;
        p1.then(() => { settled = true; });
        const p2 = lock.asyncHold(() => { order.push("fn2"); return "two"; });
        const p3 = lock.asyncHold(() => { order.push("fn3"); throw new Error("three"); });
        Promise.resolve().then(() => console.log("microtask: settled", settled));
        p1.then(release => {
            order.push("release1");
            console.log("p1 locked", lock.locked);
            release();
            try { release(); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
            return p2;
        }).then(v => {
            console.log("p2", v, lock.locked);
            return p3.catch(e => console.log("p3 rejected", e.message, lock.locked));
        }).then(() => console.log(order.join(",")));
    """)
    assert out.splitlines() == [
        "sync: locked true true",
        "microtask: settled false",
        "p1 locked true",
        "Error: Lock release function called more than once",
        "p2 two false",
        "p3 rejected three false",
        "release1,fn2,fn3",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_sync_hold_barges_and_async_hold_inside_fn_rules(run_js, mode):
    """SYNC-6: a sync hold inside an async-held fn is not recursive; a sync hold may barge ahead
    of a queued ticket, which is still granted afterwards."""
    out = run_ok(run_js, mode, """
        const lock = new Lock();
        lock.asyncHold(() => {
            try { lock.hold(() => 0); } catch (e) { console.log("inside fn:", e.message, lock.locked); }
            return "fn done";
        }).then(v => {
            console.log(v, lock.locked);
            return lock.asyncHold();
        }).then(release => {
            const ticket = lock.asyncHold(() => "ticket ran");
            release();
            console.log("barged:", lock.hold(() => "yes"), lock.locked);
            return ticket;
        }).then(v => console.log(v, lock.locked));
    """)
    assert out.splitlines() == ["inside fn: Lock is not recursive true", "fn done false",
                                "barged: yes false", "ticket ran false"]


@pytest.mark.parametrize("mode", MODES)
def test_async_hold_from_threads_serialises_their_increments(run_js, mode):
    """SYNC-3, SYNC-5: tickets from several threads are granted on their own threads and the
    grants exclude each other; each thread's event loop stays alive until its grants ran."""
    out = run_ok(run_js, mode, """
        const lock = new Lock();
        const box = { n: 0, overlap: 0, inside: 0 };
        const threads = [];
        for (let i = 0; i < 3; i++)
            threads.push(new Thread(() => {
                for (let j = 0; j < 200; j++)
                    lock.asyncHold(() => {
                        if (box.inside++ !== 0) box.overlap++;
                        box.n++;
                        box.inside--;
                    });
                return "queued";
            }));
        for (const t of threads) t.join();
        // Joining returns once fn ran; the grants may still be running: wait on the lock.
        const done = { n: 0 };
        function check() {
            if (lock.hold(() => box.n) === 600) console.log(box.n, box.overlap);
            else setTimeout(check, 5);
        }
        check();
    """)
    assert out == "600 0\n"


@pytest.mark.parametrize("mode", MODES)
def test_condition_producer_consumer(run_js, mode):
    """SYNC-8: a bounded queue with two conditions moves every item exactly once."""
    out = run_ok(run_js, mode, """
        const lock = new Lock(), notEmpty = new Condition(), notFull = new Condition();
        const queue = [], CAPACITY = 4, ITEMS = 300;
        const consumers = [];
        for (let c = 0; c < 2; c++)
            consumers.push(new Thread(() => {
                let sum = 0, count = 0;
                for (;;) {
                    const item = lock.hold(() => {
                        while (queue.length === 0) notEmpty.wait(lock);
                        const v = queue.shift();
                        notFull.notify();
                        return v;
                    });
                    if (item < 0) return [sum, count];
                    sum += item;
                    count++;
                }
            }));
        for (let i = 1; i <= ITEMS + 2; i++) {
            const item = i <= ITEMS ? i : -1;
            lock.hold(() => {
                while (queue.length >= CAPACITY) notFull.wait(lock);
                queue.push(item);
                notEmpty.notify();
            });
        }
        const results = consumers.map(t => t.join());
        console.log(results[0][0] + results[1][0], results[0][1] + results[1][1], lock.locked);
    """)
    assert out == "45150 300 false\n"


@pytest.mark.parametrize("mode", MODES)
def test_condition_notify_counts_and_wait_reacquires(run_js, mode):
    """SYNC-8: notify/notifyAll return how many sync and async waiters they woke, FIFO; wait
    returns holding the lock."""
    out = run_ok(run_js, mode, """
        const lock = new Lock(), cond = new Condition();
        const box = { waiting: 0, go: 0, heldAfter: 0 };
        const threads = [];
        for (let i = 0; i < 3; i++)
            threads.push(new Thread(() => lock.hold(() => {
                box.waiting++;
                while (!box.go) cond.wait(lock);
                if (lock.locked) box.heldAfter++;
                return "woken";
            })));
        while (lock.hold(() => box.waiting) < 3) Atomics.wait(box, "go", 0, 2);
        let asyncWait;
        lock.hold(() => { asyncWait = cond.asyncWait(lock); console.log("asyncWait released:", !lock.locked); });
        const woken = lock.hold(() => { box.go = 1; return cond.notifyAll(); });
        console.log("notifyAll woke", woken, "then", cond.notify());
        console.log(threads.map(t => t.join()).join(","), box.heldAfter);
        asyncWait.then(release => {
            console.log("async waiter re-granted", lock.locked);
            release();
            console.log(lock.locked);
        });
    """)
    assert out.splitlines() == ["asyncWait released: true", "notifyAll woke 4 then 0",
                                "woken,woken,woken 3", "async waiter re-granted true", "false"]


@pytest.mark.parametrize("mode", MODES)
def test_async_wait_consumes_holds(run_js, mode):
    """SYNC-4, SYNC-6, SYNC-7: asyncWait consumes a sync hold (the hold's epilogue does not
    unlock again) or a delivered async grant (its release function then throws); an
    undelivered grant is not held."""
    out = run_ok(run_js, mode, """
        const lock = new Lock(), cond = new Condition();
        let p;
        lock.hold(() => { p = cond.asyncWait(lock); console.log("inside", lock.locked); });
        console.log("after hold", lock.locked);
        let settled = false;
        p.then(() => { settled = true; });
        console.log("notify", cond.notify(), settled);
        p.then(release => { console.log("re-granted", lock.locked); release(); return lock.asyncHold(); })
         .then(release => {
            const w = cond.asyncWait(lock);
            try { release(); } catch (e) { console.log(e.message); }
            console.log("consumed", lock.locked, cond.notify());
            return w;
         })
         .then(release => { release(); console.log("done", lock.locked); });
        const other = new Lock();
        other.asyncHold(() => "x");
        try { cond.asyncWait(other); } catch (e) { console.log(e.message, other.locked); }
    """)
    assert out.splitlines() == [
        "inside false", "after hold false", "notify 1 false",
        "Condition.prototype.asyncWait requires the lock to be held true",
        "re-granted true", "Lock release function called more than once", "consumed false 1",
        "done false",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_deadlock_report_names_lock_and_condition_waits(run_js, mode):
    """SYNC-3: waits park with a reason the deadlock report prints."""
    code, out, err = run_js("""
        const lock = new Lock(), box = { held: 0 };
        const t = new Thread(() => {
            while (Atomics.load(box, "held") === 0) Atomics.wait(box, "held", 0);
            return lock.hold(() => 1);
        });
        lock.hold(() => { Atomics.store(box, "held", 1); Atomics.notify(box, "held"); t.join(); });
    """, "main.js", mode)
    assert code == 1
    assert "deadlock: all threads are blocked" in err and "Lock.hold" in err
    code, out, err = run_js("""
        const lock = new Lock(), cond = new Condition();
        lock.hold(() => cond.wait(lock));
    """, "main.js", mode)
    assert code == 1
    assert "deadlock: all threads are blocked" in err and "Condition.wait" in err


@pytest.mark.parametrize("mode", MODES)
def test_mixed_async_operations_from_threads_all_complete_under_gc_stress(run_js, mode):
    """SYNC-2, SYNC-3, SYNC-12: tickets, async condition waits and waitAsync records queued by
    four threads while collections run at every slow path all complete, exactly once each."""
    out = run_ok(run_js, mode, """
        const lock = new Lock(), lock2 = new Lock(), cond = new Condition();
        const o = { k: 0, done: 0, n: 0 };
        const threads = [];
        for (let t = 0; t < 4; t++) threads.push(new Thread(() => {
            for (let i = 0; i < 60; i++) {
                lock.asyncHold(() => { Atomics.add(o, "n", 1); });
                lock2.hold(() => {
                    Atomics.add(o, "n", 1);
                    if (i % 10 === 0) cond.asyncWait(lock2).then(release => { Atomics.add(o, "n", 1); release(); });
                });
                Atomics.waitAsync(o, "k", 0, 5).value.then(() => Atomics.add(o, "done", 1));
                if (i % 7 === 0) { cond.notifyAll(); Atomics.notify(o, "k"); }
                const junk = [];
                for (let j = 0; j < 20; j++) junk.push({ j, s: "x" + j });
            }
        }));
        threads.forEach(t => t.join());
        (function finish() {
            cond.notifyAll();
            if (Atomics.load(o, "done") < 240 || Atomics.load(o, "n") < 504) return setTimeout(finish, 5);
            console.log(o.n, o.done, lock.locked, lock2.locked);
        })();
    """, env={"JSTHREADS_GC_STRESS": "1"})
    assert out == "504 240 false false\n"
