"""The object-ownership protocol under real Threads (specs/objectmodel.md OM-4, OM-5, OM-7,
OM-8, OM-10..OM-12): JS programs hammer one object from several threads, in both modes and under
the race amplifier (JSTHREADS_RACE), and print what they observe. The expected output is exact
and independent of the schedule: no property or completed store may be lost, no value may come
from nowhere, and the process must never crash."""
import pytest

MODES = ["--threads", "--gil"]
RACE_SEEDS = ["1", "7"]

CASES = {
    # OM-7: adds of distinct keys from four threads and the owner all survive, past the
    # dictionary threshold, with their values.
    "concurrent_adds": (r"""
        const o = {};
        const N = 4, K = 200;
        const threads = [];
        for (let t = 0; t < N; t++)
            threads.push(new Thread((t) => { for (let k = 0; k < K; k++) o['t' + t + 'k' + k] = t * 1000 + k; }, t));
        for (let k = 0; k < K; k++) o['main' + k] = k;
        threads.forEach(t => t.join());
        let ok = 0;
        for (let t = 0; t < N; t++) for (let k = 0; k < K; k++) if (o['t' + t + 'k' + k] === t * 1000 + k) ok++;
        for (let k = 0; k < K; k++) if (o['main' + k] === k) ok++;
        console.log(ok, Object.keys(o).length);
    """, "1000 1000\n"),
    # OM-3/OM-11: the same keys added in the same order by several threads to their own
    # objects of one structure give objects that still behave alike (one shared child).
    "same_adds_on_many_threads": (r"""
        function make() { const o = {}; for (let i = 0; i < 30; i++) o['k' + i] = i; return o; }
        const made = [];
        for (let t = 0; t < 4; t++) made.push(new Thread(make));
        const objects = made.map(t => t.join());
        console.log(objects.every(o => Object.keys(o).join() === Object.keys(objects[0]).join()),
                    objects.every(o => o.k29 === 29));
    """, "true true\n"),
    # OM-2/OM-4/OM-5: foreign element stores race the owner's growth; the last store of each
    # foreign thread survives every growth, and every pushed element is there.
    "foreign_element_stores_race_owner_growth": (r"""
        const a = [0, 0, 0, 0];
        const writers = [];
        for (let t = 0; t < 4; t++) writers.push(new Thread((t) => { for (let r = 1; r <= 3000; r++) a[t] = r; }, t));
        for (let i = 0; i < 30000; i++) a.push(i);
        writers.forEach(t => t.join());
        let bad = 0;
        for (let i = 0; i < 30000; i++) if (a[4 + i] !== i) bad++;
        console.log(a.slice(0, 4).join(), bad, a.length);
    """, "3000,3000,3000,3000 0 30004\n"),
    # OM-4/OM-5: N threads writing distinct indexes of one array none of them created; the
    # length is the highest index plus one (an atomic max, never lowered by a racing store).
    "distinct_indexes_of_one_array": (r"""
        const b = [];
        const writers = [];
        for (let t = 0; t < 4; t++) writers.push(new Thread((t) => { for (let i = t; i < 12000; i += 4) b[i] = i; }, t));
        writers.forEach(t => t.join());
        let missing = 0;
        for (let i = 0; i < 12000; i++) if (b[i] !== i) missing++;
        console.log(missing, b.length, Object.keys(b).length);
    """, "0 12000 12000\n"),
    # OM-4: named stores of foreign threads to an object whose owner keeps adding properties
    # (growth of named storage): each thread's final value survives.
    "foreign_named_stores_race_owner_adds": (r"""
        const o = { a: 0, b: 0, c: 0 };
        const keys = ['a', 'b', 'c'];
        const writers = keys.map(k => new Thread((k) => { for (let r = 1; r <= 3000; r++) o[k] = r; }, k));
        for (let i = 0; i < 500; i++) o['x' + i] = i;
        writers.forEach(t => t.join());
        let bad = 0;
        for (let i = 0; i < 500; i++) if (o['x' + i] !== i) bad++;
        console.log(o.a, o.b, o.c, bad);
    """, "3000 3000 3000 0\n"),
    # OM-7/OM-8/OM-10: one thread deletes, re-adds and flips properties between data and
    # accessor while readers read: stable keys always read their value, churning ones read one
    # of the values ever stored (or undefined), never another property's value.
    "delete_add_read": (r"""
        const o = {};
        for (let k = 0; k < 8; k++) o['s' + k] = k;
        for (let k = 0; k < 8; k++) o['c' + k] = -1;
        const churn = new Thread(() => {
            for (let r = 0; r < 2000; r++) {
                const k = r % 8;
                delete o['c' + k];
                o['c' + k] = -1;
                if (r % 50 === 0) Object.defineProperty(o, 'c' + k, { get() { return -2; }, configurable: true, enumerable: true });
                if (r % 50 === 1) Object.defineProperty(o, 'c' + ((k + 7) % 8), { value: -1, writable: true, configurable: true, enumerable: true });
            }
        });
        const readers = [];
        for (let t = 0; t < 3; t++) readers.push(new Thread(() => {
            let bad = 0;
            for (let r = 0; r < 3000; r++) {
                for (let k = 0; k < 8; k++) {
                    if (o['s' + k] !== k) bad++;
                    const v = o['c' + k];
                    if (v !== -1 && v !== -2 && v !== undefined) bad++;
                }
            }
            return bad;
        }));
        churn.join();
        console.log(readers.map(t => t.join()).join());
        for (let k = 0; k < 8; k++) if (o['s' + k] !== k) console.log('lost', k);
    """, "0,0,0\n"),
    # OM-12: the owner is unaffected by Thread.restrict; every checked operation of another
    # thread throws ConcurrentAccessError, also through the prototype chain; indexed get is
    # not checked; values never change.
    "restrict": (r"""
        const o = { f: 1, g: 2 };
        const arr = [10, 20, 30];
        for (let i = 0; i < 1000; i++) { o.f = i; o.g = o.f; }   // warm the inline caches
        o.f = 1; o.g = 2;
        console.log(Thread.restrict(o) === o, Thread.restrict(o) === o, Thread.restrict(arr) === arr);
        const failures = new Thread(() => {
            const out = [];
            function expect(label, fn) {
                try { fn(); out.push(label + ': no error'); }
                catch (e) { if (!(e instanceof ConcurrentAccessError)) out.push(label + ': ' + e); }
            }
            expect('get', () => o.f);
            expect('set', () => { o.f = 99; });
            expect('has', () => 'f' in o);
            expect('delete', () => delete o.f);
            expect('defineProperty', () => Object.defineProperty(o, 'h', { value: 3 }));
            expect('keys', () => Object.keys(o));
            expect('setPrototypeOf', () => Object.setPrototypeOf(o, null));
            expect('isExtensible', () => Object.isExtensible(o));
            expect('preventExtensions', () => Object.preventExtensions(o));
            expect('proto get', () => Object.create(o).f);
            expect('indexed set', () => { arr[0] = 99; });
            expect('indexed delete', () => delete arr[1]);
            expect('indexed define', () => Object.defineProperty(arr, 2, { value: 99 }));
            expect('re-restrict', () => Thread.restrict(o));
            for (let i = 0; i < 1000; i++) expect('hot get', () => o.g);
            return [out, arr[0], Object.getPrototypeOf(o) === Object.prototype];
        }).join();
        console.log(failures[0].length, failures[0].slice(0, 3).join('; '), failures[1], failures[2]);
        console.log(o.f, o.g, arr.join(), 'f' in o, Object.keys(o).join());
        for (const bad of [1, 'x', null, Array.prototype, Array, Object.prototype, globalThis])
            try { Thread.restrict(bad); console.log('restricted', bad); } catch (e) { console.log(e.constructor.name, e.message); }
        const theirs = new Thread(() => Thread.restrict({ mine: true })).join();
        try { Thread.restrict(theirs); } catch (e) { console.log(e.constructor.name, e.message); }
    """, "true true true\n0  10 true\n1 2 10,20,30 true f,g\n"
         + "TypeError cannot restrict this object\n" * 7
         + "ConcurrentAccessError Thread.restrict called from a non-owning thread\n"),
}


def run_case(run_js, name, mode, seed=None):
    source, expected = CASES[name]
    env = {"JSTHREADS_RACE": seed} if seed else None
    code, out, err = run_js(source, "main.js", mode, env=env)
    assert (code, out) == (0, expected), err


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_objectmodel(run_js, name, mode):
    run_case(run_js, name, mode)


@pytest.mark.parametrize("seed", RACE_SEEDS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_objectmodel_under_race_amplifier(run_js, name, seed):
    """The same programs with safepoints yielding and sleeping at random (seeded) [SP-8]."""
    run_case(run_js, name, "--threads", seed)
