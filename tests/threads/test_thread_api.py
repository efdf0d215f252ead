"""Thread, ThreadLocal, ConcurrentAccessError and Thread.restrict through `jsthreads run`, in both
modes (specs/threads.md THR-1..THR-4, THR-12..THR-14). Each case prints its observations; the
expected output is exact, so a wrong message, value or order fails."""
import pytest

MODES = ["--threads", "--gil"]

CASES = {
    # THR-1: start, arguments, this, result by identity, NaN and -0 preserved.
    "start_and_join": (r"""
        'use strict';
        const t = new Thread(function (a, b) { return [this, a + b]; }, 2, 3);
        console.log(t.join());
        const o = {};
        console.log(new Thread(() => o).join() === o);
        console.log(Number.isNaN(new Thread(() => NaN).join()), Object.is(new Thread(() => -0).join(), -0));
        console.log(new Thread(() => {}).join(), t.join()[1]);
    """, "[ undefined, 5 ]\ntrue\ntrue true\nundefined 5\n"),
    # THR-3: a failed thread rethrows the very same object to every join, also for non-errors.
    "join_rethrows_same_exception": (r"""
        const e = new Thread(() => { throw new RangeError('boom'); });
        let first, second;
        try { e.join(); } catch (x) { first = x; }
        try { e.join(); } catch (x) { second = x; }
        console.log(first === second, first instanceof RangeError, first.message);
        try { new Thread(() => { throw 42; }).join(); } catch (x) { console.log('caught', x); }
    """, "true true boom\ncaught 42\n"),
    # THR-3: several joiners, from several threads, all agree.
    "joins_from_many_threads_agree": (r"""
        const result = {};
        const slow = new Thread(() => { let s = 0; for (let i = 0; i < 200000; i++) s += i; return result; });
        const joiners = [];
        for (let i = 0; i < 4; i++) joiners.push(new Thread(() => slow.join() === result));
        console.log(joiners.map(j => j.join()).join(), slow.join() === result);
    """, "true,true,true,true true\n"),
    "errors": (r"""
        function show(f) { try { f(); console.log('no error'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
        show(() => Thread(() => 1));
        show(() => new Thread());
        show(() => new Thread({}));
        show(() => Thread.prototype.join.call({}));
        show(() => Thread.prototype.asyncJoin.call(undefined));
        show(() => Object.getOwnPropertyDescriptor(Thread.prototype, 'id').get.call(Thread.prototype));
        show(() => Thread.current.join());
        console.log(new Thread(() => { try { Thread.current.join(); } catch (e) { return e.constructor.name + ': ' + e.message; } }).join());
        show(() => ThreadLocal());
        show(() => Object.getOwnPropertyDescriptor(ThreadLocal.prototype, 'value').get.call({}));
        show(() => Object.getOwnPropertyDescriptor(ThreadLocal.prototype, 'value').set.call(5, 1));
    """, "TypeError: calling Thread constructor without new is invalid\n"
         "TypeError: Thread constructor requires a callable argument\n"
         "TypeError: Thread constructor requires a callable argument\n"
         "TypeError: Thread.prototype.join called on incompatible receiver\n"
         "TypeError: Thread.prototype.asyncJoin called on incompatible receiver\n"
         "TypeError: Thread.prototype.id called on incompatible receiver\n"
         "Error: Thread cannot join itself\n"
         "Error: Thread cannot join itself\n"
         "TypeError: calling ThreadLocal constructor without new is invalid\n"
         "TypeError: ThreadLocal.prototype.value called on incompatible receiver\n"
         "TypeError: ThreadLocal.prototype.value called on incompatible receiver\n"),
    # THR-2: ids; Thread.current is the object `new Thread` returned; main's is lazy and stable.
    "ids_and_current": (r"""
        console.log(Thread.current.id, Thread.current === Thread.current);
        let inner;
        const t = new Thread(() => { inner = Thread.current; return Thread.current.id; });
        console.log(t.join() === t.id, inner === t, t.id > 0);
        const ids = [];
        for (let i = 0; i < 5; i++) ids.push(new Thread(() => 0).id);
        console.log(ids.every((id, i) => i === 0 || id === ids[i - 1] + 1), ids[0] === t.id + 1);
        const main = Thread.current;
        console.log(new Thread(() => Thread.current !== main && main.id === 0).join());
    """, "0 true\ntrue true true\ntrue true\ntrue\n"),
    # THR-13: shape of the API: prototypes, tags, lengths, non-enumerable globals, one shape.
    "api_shape": (r"""
        const t = new Thread(() => 1);
        console.log(Object.prototype.toString.call(t), Object.prototype.toString.call(new ThreadLocal()));
        console.log(Thread.name, Thread.length, ThreadLocal.name, ThreadLocal.length, Thread.restrict.length);
        const own = (o, keys) => keys.map(k => Object.prototype.hasOwnProperty.call(o, k)).join();
        console.log(own(Thread.prototype, ['constructor', 'join', 'asyncJoin', 'id']), own(ThreadLocal.prototype, ['constructor', 'value']));
        console.log(Object.getOwnPropertyDescriptor(Thread.prototype, 'join').enumerable, typeof Object.getOwnPropertyDescriptor(ThreadLocal.prototype, 'value').set);
        console.log(typeof Object.getOwnPropertyDescriptor(Thread, 'current').get);
        for (const name of ['Thread', 'ThreadLocal', 'ConcurrentAccessError']) {
            const d = Object.getOwnPropertyDescriptor(globalThis, name);
            console.log(name, d.enumerable, d.writable, d.configurable);
        }
        let keys = 0;
        for (const k in t) keys++;
        console.log(keys, Object.getPrototypeOf(t) === Thread.prototype, t.constructor === Thread);
    """, "[object Thread] [object ThreadLocal]\nThread 1 ThreadLocal 0 1\n"
         "true,true,true,true true,true\nfalse function\nfunction\n"
         "Thread false true true\nThreadLocal false true true\nConcurrentAccessError false true true\n"
         "0 true true\n"),
    # THR-13: newTarget: subclasses, Reflect.construct, a non-object prototype falls back.
    "subclassing": (r"""
        class Worker extends Thread {
            constructor(n) { super((k) => k * 2, n); this.n = n; }
            twice() { return this.join(); }
        }
        const w = new Worker(21);
        console.log(w.twice(), w instanceof Worker, w instanceof Thread, w.n, Object.prototype.toString.call(w));
        class G extends Thread {}
        const g = new G(() => 'g');
        console.log(Object.getPrototypeOf(g) === G.prototype, Thread.prototype.join.call(g));
        class Slot extends ThreadLocal {}
        const s = new Slot(); s.value = 3;
        console.log(s instanceof ThreadLocal, s.value);
    """, "42 true true 21 [object Thread]\ntrue g\ntrue 3\n"),
    # THR-14: one slot per thread, initially undefined, any value, writes invisible elsewhere.
    "thread_local": (r"""
        const a = new ThreadLocal(), b = new ThreadLocal();
        console.log(a.value, b.value);
        a.value = 'main-a'; b.value = { k: 1 };
        const t = new Thread(() => {
            const before = [a.value, b.value];
            a.value = 'child-a';
            return [before, a.value, b.value];
        });
        console.log(JSON.stringify(t.join()), a.value, b.value.k);
        const many = [];
        for (let i = 0; i < 100; i++) { const l = new ThreadLocal(); l.value = i; many.push(l); }
        console.log(many.every((l, i) => l.value === i));
        console.log(new Thread(() => many.every(l => l.value === undefined)).join());
    """, 'undefined undefined\n[[null,null],"child-a",null] main-a 1\ntrue\ntrue\n'),
    # NativeError shape of ConcurrentAccessError.
    "concurrent_access_error": (r"""
        const e = ConcurrentAccessError('m');
        const f = new ConcurrentAccessError('n', { cause: 1 });
        console.log(e instanceof Error, e instanceof ConcurrentAccessError, e.name, e.message, f.cause);
        console.log(Object.getPrototypeOf(ConcurrentAccessError) === Error, ConcurrentAccessError.length);
        console.log(Object.getPrototypeOf(ConcurrentAccessError.prototype) === Error.prototype, Object.prototype.hasOwnProperty.call(e, 'cause'));
        console.log(String(e));
    """, "true true ConcurrentAccessError m 1\ntrue 1\ntrue false\nConcurrentAccessError: m\n"),
    # THR-12: Thread.restrict delegates to the object model.
    "restrict": (r"""
        const o = { a: 1 };
        console.log(Thread.restrict(o) === o, Thread.restrict(o) === o, o.a);
        o.a = 2;
        console.log(new Thread(() => {
            try { o.a = 3; return 'stored'; } catch (e) { return e instanceof ConcurrentAccessError; }
        }).join(), o.a);
        try { Thread.restrict(1); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
        const p = {};
        console.log(new Thread(() => Thread.restrict(p) === p).join());
        try { Thread.restrict(p); } catch (e) { console.log(e.name + ': ' + e.message); }
    """, "true true 1\ntrue 2\nTypeError: cannot restrict this object\ntrue\n"
         "ConcurrentAccessError: Thread.restrict called from a non-owning thread\n"),
    # THR-3, THR-9: asyncJoin settles on a later turn, distinct promises, keeps the process alive.
    "async_join": (r"""
        const order = [];
        const t = new Thread(() => 'done');
        t.join();
        const p1 = t.asyncJoin(), p2 = t.asyncJoin();
        console.log(p1 !== p2, p1 instanceof Promise);
        p1.then(v => order.push('p1 ' + v));
        Promise.resolve().then(() => order.push('microtask first'));
        const f = new Thread(() => { throw new Error('bad'); });
        const rejected = f.asyncJoin().catch(e => order.push('rejected ' + e.message));
        const slow = new Thread(() => { let s = 0; for (let i = 0; i < 300000; i++) s += i; return s; });
        // Printed once both settled: f may finish after slow on a loaded machine.
        slow.asyncJoin().then(v => { order.push('slow ' + v); return rejected; })
            .then(() => console.log(order.sort().join('|')));
        order.push('sync end');
    """, "true true\nmicrotask first|p1 done|rejected bad|slow 44999850000|sync end\n"),
    # A thread's microtasks run before join returns; its timers run on its own loop.
    "thread_event_loop": (r"""
        const t = new Thread(() => {
            const log = [];
            Promise.resolve().then(() => log.push('micro'));
            return log;
        });
        console.log(t.join().join());
        const timers = new Thread(() => {
            const log = [];
            setTimeout(() => { log.push('timer'); }, 5);
            return log;
        });
        const log = timers.join();
        timers.asyncJoin().then(() => setTimeout(() => console.log('after', log.length <= 1), 50));
    """, "micro\nafter true\n"),
    # The allocation-heavy workers from several threads at once; collections happen meanwhile.
    "many_threads_allocating": (r"""
        let total = 0;
        for (let round = 0; round < 4; round++) {
            const ts = [];
            for (let i = 0; i < 6; i++) ts.push(new Thread(k => {
                const a = [];
                for (let j = 0; j < 3000; j++) a.push({ j, s: 'x' + j });
                return a.length + k;
            }, i));
            for (const t of ts) total += t.join();
        }
        console.log(total);
    """, "72060\n"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_thread_api(run_js, name, mode):
    source, expected = CASES[name]
    code, out, err = run_js(source, "main.js", mode)
    assert (code, err) == (0, ""), err
    assert out == expected


@pytest.mark.parametrize("mode", MODES)
def test_uncaught_in_unjoined_thread_is_reported_not_fatal(run_js, mode):
    # THR-4: like a node worker's error, reported on stderr once main is idle; exit status 0.
    code, out, err = run_js(r"""
        new Thread(() => { throw new TypeError('nobody joins me'); });
        const joined = new Thread(() => { throw new Error('joined'); });
        try { joined.join(); } catch (e) {}
        setTimeout(() => console.log('main goes on'), 20);
    """, "main.js", mode)
    assert code == 0
    assert out == "main goes on\n"
    assert err.startswith("Uncaught TypeError: nobody joins me\n")
    assert "joined" not in err


@pytest.mark.parametrize("mode", MODES)
def test_uncaught_in_thread_job_is_reported_and_loop_goes_on(run_js, mode):
    # THR-10: an error in a later job of a spawned thread is reported; its loop keeps running.
    code, out, err = run_js(r"""
        const t = new Thread(() => {
            setTimeout(() => { throw new Error('in timer'); }, 1);
            setTimeout(() => console.log('second timer runs'), 10);
            return 1;
        });
        t.join();
        t.asyncJoin().then(() => setTimeout(() => {}, 300));
    """, "main.js", mode)
    assert code == 0
    assert out == "second timer runs\n"
    assert err.startswith("Uncaught Error: in timer\n")


DEADLOCKS = {
    "join_cycle": (r"""
        const main = Thread.current;
        const t = new Thread(() => main.join());
        console.log('before');
        t.join();
    """, "  main (Thread 0): join(Thread 1)\n  Thread 1: join(Thread 0)\n"),
    "async_join_of_blocked_thread": (r"""
        const main = Thread.current;
        const t = new Thread(() => main.join());
        t.asyncJoin().then(() => console.log('never'));
        console.log('before');
    """, "  main (Thread 0): event loop (waiting for 1 async operation)\n  Thread 1: join(Thread 0)\n"),
    "three_threads": (r"""
        const main = Thread.current;
        const a = new Thread(() => main.join());
        const b = new Thread(() => a.join());
        console.log('before');
        b.join();
    """, "  main (Thread 0): join(Thread 2)\n  Thread 1: join(Thread 0)\n  Thread 2: join(Thread 1)\n"),
    # Lock order inversion: the reasons come from the sync primitives' thread_park calls.
    "lock_order_inversion": (r"""
        const a = new Lock(), b = new Lock();
        console.log('before');
        a.hold(() => {
            new Thread(() => b.hold(() => a.hold(() => 1)));
            while (!b.locked) {}
            b.hold(() => 2);
        });
    """, "  main (Thread 0): Lock.hold\n  Thread 1: Lock.hold\n"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(DEADLOCKS))
def test_deadlock_is_reported(run_js, name, mode):
    # THR-6, THR-7: every thread parked forever: the report names each wait; exit status 1.
    source, lines = DEADLOCKS[name]
    code, out, err = run_js(source, "main.js", mode)
    assert code == 1
    assert out == "before\n"
    assert err == "deadlock: all threads are blocked\n" + lines


@pytest.mark.parametrize("mode", MODES)
def test_no_false_deadlock(run_js, mode):
    # THR-6: a joiner of a running thread, a timer wait, and a thread started just before the
    # join are not deadlocks; neither is a thread parked while main only waits on a timer.
    code, out, err = run_js(r"""
        for (let i = 0; i < 30; i++) new Thread(() => i).join();
        const main = Thread.current;
        const t = new Thread(() => { let s = 0; for (let i = 0; i < 100000; i++) s += i; return s; });
        setTimeout(() => console.log('timer', t.join()), 10);
    """, "main.js", mode)
    assert (code, err) == (0, "")
    assert out == "timer 4999950000\n"


@pytest.mark.parametrize("mode", MODES)
def test_process_exits_without_joining(run_js, mode):
    # THR-11: main's event loop is idle: the process ends although a Thread still runs.
    code, out, err = run_js(r"""
        new Thread(() => { for (;;) {} });
        console.log('main done');
    """, "main.js", mode)
    assert (code, out, err) == (0, "main done\n", "")


@pytest.mark.parametrize("mode", MODES)
def test_unhandled_rejection_in_thread_is_reported_per_thread(run_js, mode):
    # THR-10: the spawned thread's own rejection tracking reports it; main is not affected.
    code, out, err = run_js(r"""
        const t = new Thread(() => { Promise.reject(new Error('rejected in thread')); return 1; });
        console.log(t.join());
        setTimeout(() => console.log('main still runs'), 200);
    """, "main.js", mode)
    assert code == 0
    assert out == "1\nmain still runs\n"
    assert err.startswith("Uncaught Error: rejected in thread\n")
