"""Weak collections, WeakRef and FinalizationRegistry against the collector (specs/heap.md HEAP-14,
HEAP-15, HEAP-16) and structure-id recycling (specs/objectmodel.md OM-14). Collection is observed
through the test-only `$jstGc` helper (builtins/weakref.c), present only with
JSTHREADS_SHELL_HELPERS=1: `collect()`, `weakCount(weakMapOrSet)` (live entries) and
`structureIds()` (ids handed out and not yet recycled). Thread cases run in both modes."""
import pytest

HELPERS = {"JSTHREADS_SHELL_HELPERS": "1"}
STRESS = {"JSTHREADS_SHELL_HELPERS": "1", "JSTHREADS_GC_STRESS": "1"}
MODES = ["--threads", "--gil"]


def run(run_js, source, *flags, env=HELPERS):
    code, out, err = run_js(source, "main.js", *flags, env=env)
    assert (code, err) == (0, ""), (out, err)
    return out


@pytest.mark.parametrize("env", [HELPERS, STRESS], ids=["normal", "gc-stress"])
def test_ephemeron_semantics(run_js, env):
    """HEAP-14: dead keys' entries go, live keys keep their values (also values that point back at
    their key), a value reachable only from its own key or from a cycle of entries across two maps
    keeps nothing alive, and a chain of entries dies from its head."""
    source = r"""
        const wm = new WeakMap(), ws = new WeakSet(), keep = [];
        (function () {
            for (let i = 0; i < 1000; i++) {
                const k = {i};
                wm.set(k, {v: i, back: k});
                ws.add(k);
                if (i % 10 === 0) keep.push(k);
            }
        })();
        $jstGc.collect();
        console.log("live", $jstGc.weakCount(wm), $jstGc.weakCount(ws),
                    keep.every(k => wm.get(k).v === k.i && wm.get(k).back === k && ws.has(k)));
        const m1 = new WeakMap(), m2 = new WeakMap();
        (function () { for (let i = 0; i < 50; i++) { const a = {}, b = {}; m1.set(a, b); m2.set(b, a); } })();
        $jstGc.collect();
        console.log("cycle", $jstGc.weakCount(m1), $jstGc.weakCount(m2));
        const chain = new WeakMap(), holder = {};
        (function () {
            let cur = holder.root = {n: 0};
            for (let i = 1; i < 100; i++) { const next = {n: i}; chain.set(cur, next); cur = next; }
        })();
        $jstGc.collect();
        let n = 0;
        for (let k = holder.root; chain.has(k); k = chain.get(k)) n++;
        console.log("chain", $jstGc.weakCount(chain), n);
        (function () { holder.root = null; })();
        $jstGc.collect();
        console.log("chain dropped", $jstGc.weakCount(chain));
    """
    assert run(run_js, source, env=env) == "live 100 100 true\ncycle 0 0\nchain 99 99\nchain dropped 0\n"


def test_long_ephemeron_chains_mark_in_linear_time(run_js):
    """HEAP-14, HEAP-8: WeakMap-private data that links 100000 nodes, inserted back to front (the
    worst order for marking in rounds), is marked in one pass without recursion, and dies whole."""
    source = r"""
        const priv = new WeakMap(), holder = {};
        (function () {
            const nodes = [];
            for (let i = 0; i < 100000; i++) nodes.push({i});
            for (let i = nodes.length - 1; i >= 0; i--) priv.set(nodes[i], {next: nodes[i + 1] || null});
            holder.head = nodes[0];
        })();
        const start = Date.now();
        $jstGc.collect();
        const ms = Date.now() - start;
        let n = 0;
        for (let k = holder.head; k; k = priv.get(k).next) n++;
        console.log(n, $jstGc.weakCount(priv), ms < 5000 ? "fast" : "slow " + ms);
        (function () { holder.head = null; })();
        $jstGc.collect();
        console.log($jstGc.weakCount(priv));
    """
    assert run(run_js, source) == "100000 100000 fast\n0\n"


def test_weak_keys_are_objects_only(run_js):
    """ES2020: symbols are not weak keys (TypeError as in node for other primitives)."""
    source = r"""
        for (const f of [() => new WeakMap().set(Symbol("s"), 1), () => new WeakSet().add(Symbol()),
                         () => new WeakMap().set(1, 1), () => new WeakSet().add("x")])
            try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
        console.log(new WeakMap().has(Symbol()), new WeakMap().get(Symbol()), new WeakSet().delete(Symbol()));
    """
    assert run(run_js, source) == (
        "TypeError: Invalid value used as weak map key\nTypeError: Invalid value used in weak set\n"
        "TypeError: Invalid value used as weak map key\nTypeError: Invalid value used in weak set\n"
        "false undefined false\n")


def test_weakmap_memory_stays_bounded(run_js):
    """HEAP-14: a loop of short-lived keys never keeps more than a collection's worth of entries,
    and growth compacts the dead ones away."""
    source = r"""
        const wm = new WeakMap();
        let most = 0;
        for (let i = 0; i < 600000; i++) {
            wm.set({i}, [i]);
            if (i % 10000 === 0) most = Math.max(most, $jstGc.weakCount(wm));
        }
        $jstGc.collect();
        // Collections come every 8 MiB or so: the live count never gets near the 600000 made.
        console.log(most < 300000 ? "bounded" : "unbounded " + most, $jstGc.weakCount(wm) < 1000);
    """
    assert run(run_js, source) == "bounded true\n"


def test_weakref_keeps_target_during_job_then_clears(run_js):
    """HEAP-15: a target is kept for the rest of the job that made or dereferenced the WeakRef,
    even across collections, and cleared by a collection in a later job."""
    source = r"""
        let wr;
        (function () { wr = new WeakRef({tag: "t"}); })();
        $jstGc.collect();
        console.log("same job", wr.deref() && wr.deref().tag);
        setTimeout(() => {
            $jstGc.collect();
            console.log("later job", wr.deref());
        }, 0);
    """
    assert run(run_js, source) == "same job t\nlater job undefined\n"


@pytest.mark.parametrize("env", [HELPERS, STRESS], ids=["normal", "gc-stress"])
def test_finalization_registry_callbacks(run_js, env):
    """HEAP-16: callbacks run in a later job (not inside the collector), once per dead target,
    with the held value; unregister (by token) cancels, also for an already dead target; a live
    target's record stays."""
    source = r"""
        const seen = [];
        const fr = new FinalizationRegistry(h => seen.push(h));
        const alive = {}, token = {};
        fr.register(alive, "alive");
        (function () {
            fr.register({}, "a");
            fr.register({}, "b", {});
            fr.register({}, "cancelled", token);
        })();
        $jstGc.collect();
        console.log("sync", seen.length, fr.unregister(token), fr.unregister(token));
        setTimeout(() => {
            console.log(seen.sort().join(), typeof alive);
        }, 0);
    """
    assert run(run_js, source, env=env) == "sync 0 true false\na,b object\n"


def test_finalization_registry_errors(run_js):
    """The constructor and method checks, with node's messages."""
    source = r"""
        const fr = new FinalizationRegistry(() => {});
        for (const f of [() => new FinalizationRegistry(1), () => FinalizationRegistry(() => {}),
                         () => fr.register(1), () => { const o = {}; fr.register(o, o); },
                         () => fr.register({}, 1, 2), () => fr.unregister(1),
                         () => FinalizationRegistry.prototype.register.call({}, {}),
                         () => new WeakRef(1), () => WeakRef({}), () => WeakRef.prototype.deref.call({})])
            try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
        console.log(String(new WeakRef({})), String(fr), WeakRef.length, FinalizationRegistry.length,
                    fr.register({}, 1), fr.unregister({}));
    """
    assert run(run_js, source) == (
        "TypeError: FinalizationRegistry: cleanup must be callable\n"
        "TypeError: Constructor FinalizationRegistry requires 'new'\n"
        "TypeError: FinalizationRegistry.prototype.register: invalid target\n"
        "TypeError: FinalizationRegistry.prototype.register: target and holdings must not be same\n"
        "TypeError: Invalid unregisterToken ('2')\n"
        "TypeError: Invalid unregisterToken ('1')\n"
        "TypeError: Method FinalizationRegistry.prototype.register called on incompatible receiver #<Object>\n"
        "TypeError: WeakRef: invalid target\n"
        "TypeError: Constructor WeakRef requires 'new'\n"
        "TypeError: Method WeakRef.prototype.deref called on incompatible receiver #<Object>\n"
        "[object WeakRef] [object FinalizationRegistry] 1 1 undefined false\n")


@pytest.mark.parametrize("mode", MODES)
def test_cleanup_runs_on_the_registry_home_thread(run_js, mode):
    """HEAP-16: main's collection finds a target registered on a spawned thread; the callback
    runs as a job on that thread, not on main and not inside the collector."""
    source = r"""
        const flags = { made: 0, done: 0 };
        const shared = { box: null };
        const t = new Thread(() => {
            const log = [];
            const fr = new FinalizationRegistry(h => { log.push(h + "@" + Thread.current.id); Atomics.store(flags, "done", 1); });
            (function () { const o = {}; shared.box = o; fr.register(o, "x"); })();
            Atomics.store(flags, "made", 1);
            Atomics.notify(flags, "made");
            return new Promise(resolve => {
                const poll = () => Atomics.load(flags, "done") ? resolve(log.join()) : setTimeout(poll, 2);
                poll();
            });
        });
        while (Atomics.load(flags, "made") === 0) Atomics.wait(flags, "made", 0);
        (function () { shared.box = null; })();
        $jstGc.collect();
        Promise.resolve(t.join()).then(v => console.log(v, v === "x@" + t.id));
    """
    out = run(run_js, source, mode)
    assert out.endswith(" true\n"), out


@pytest.mark.parametrize("mode", MODES)
def test_weak_maps_shared_by_threads_under_gc_stress(run_js, mode):
    """HEAP-14 with many mutators: four threads fill one WeakMap while collections (by any of
    them) prune it; every key someone still holds keeps its value, the rest go."""
    source = r"""
        const wm = new WeakMap(), keep = [], lock = new Lock(), threads = [];
        for (let k = 0; k < 4; k++) threads.push(new Thread(() => {
            let bad = 0;
            for (let i = 0; i < 1500; i++) {
                const key = {k, i};
                wm.set(key, {v: i, key});
                if (i % 100 === 0) lock.hold(() => keep.push(key));
                if (wm.get(key).v !== i) bad++;
            }
            return bad;
        }));
        console.log("bad", threads.map(t => t.join()).join(","));
        $jstGc.collect();
        console.log($jstGc.weakCount(wm), keep.every(k => wm.get(k).v === k.i && wm.get(k).key === k));
    """
    assert run(run_js, source, mode, env=STRESS) == "bad 0,0,0,0\n60 true\n"


def test_structure_ids_are_recycled_and_caches_stay_right(run_js):
    """OM-14: dictionary edits mint an id each; after collections the dead ids are reused, so the
    id table stays bounded, while inline caches that saw old ids never hit a new layout (the
    property reads below run through the same sites all along and must stay right)."""
    source = r"""
        function churn(n, salt) {
            let bad = 0;
            for (let i = 0; i < n; i++) {
                const o = {a: 1, b: 2, c: 3};
                delete o.b;
                o.x = i; delete o.x; o.y = i + salt; o['k' + (i % 7)] = i;
                const p = {y: -1, a: 2};           // a shared layout read at the same sites
                if (o.a !== 1 || o.y !== i + salt || p.y !== -1 || p.a !== 2 || o.c !== 3) bad++;
            }
            return bad;
        }
        const samples = [];
        let bad = 0;
        for (let round = 0; round < 8; round++) {
            bad += churn(10000, round);
            $jstGc.collect();
            $jstGc.collect();
            samples.push($jstGc.structureIds());
        }
        const grew = samples[7] - samples[1];
        console.log(bad, grew < 2000 ? "bounded" : "growing " + samples.join(" "));
    """
    assert run(run_js, source) == "0 bounded\n"
    assert run(run_js, source, env=STRESS) == "0 bounded\n"
