"""Proxy: every trap, its invariant checks, revocation, callable proxies and the generic paths
(inline caches, for-in, JSON, spread, instanceof) routed through the traps; compared with node."""
import pytest

CASES = {
    "constructor": r"""
        try { Proxy({}, {}) } catch (e) { console.log(e.name, e.message) }
        for (const [t, h] of [[1, {}], [{}, null], [undefined, {}]]) {
            try { new Proxy(t, h) } catch (e) { console.log(e.name, e.message) }
        }
        console.log(typeof Proxy, Proxy.length, Proxy.name, 'prototype' in Proxy, typeof Proxy.revocable);
        const p = new Proxy({a: 1}, {});
        console.log(p.a, typeof p, Object.getPrototypeOf(p) === Object.prototype, p instanceof Object);
    """,
    "get_set_has_delete": r"""
        const log = [];
        const target = {a: 1};
        const p = new Proxy(target, {
            get(t, k, r) { log.push('get ' + String(k)); return k === 'magic' ? 42 : Reflect.get(t, k, r) },
            set(t, k, v, r) { log.push('set ' + k); return Reflect.set(t, k, v * 2, r) },
            has(t, k) { log.push('has ' + k); return k === 'ghost' || k in t },
            deleteProperty(t, k) { log.push('delete ' + k); return delete t[k] },
        });
        console.log(p.a, p.magic, p['b'], 'ghost' in p, 'a' in p, 'zz' in p);
        p.b = 5; console.log(target.b);
        console.log(delete p.a, target.a);
        console.log(log.join('|'));
    """,
    "ic_never_caches_proxy": r"""
        // The same property site sees ordinary objects and proxies: the trap runs every time.
        let calls = 0;
        const p = new Proxy({x: 1}, {get(t, k) { calls++; return 'trapped' }, set(t, k, v) { calls++; return true }});
        function read(o) { return o.x }
        function write(o) { o.x = 7 }
        const plain = Object.create(null); plain.x = 'plain';
        const out = [];
        for (let i = 0; i < 50; i++) { out.push(read(i % 2 ? p : plain)); write(i % 2 ? p : Object.create(null)) }
        console.log(out.slice(0, 4).join(), calls);
        // A proxy as prototype: its set trap must run on every add through it.
        let sets = 0;
        const proto = new Proxy({}, {set(t, k, v, r) { sets++; return Reflect.set(t, k, v, r) }});
        function add(o) { o.fresh = 1 }
        for (let i = 0; i < 20; i++) add(Object.create(proto));
        console.log(sets);
    """,
    "own_keys_and_descriptors": r"""
        const p = new Proxy({b: 2, a: 1, [Symbol('s')]: 3}, {
            ownKeys(t) { return ['z', ...Reflect.ownKeys(t)] },
            getOwnPropertyDescriptor(t, k) {
                return k === 'z' ? {value: 26, enumerable: true, configurable: true} : Reflect.getOwnPropertyDescriptor(t, k);
            },
        });
        console.log(Object.keys(p).join(), Reflect.ownKeys(p).length, JSON.stringify(p));
        console.log(JSON.stringify({...p}), Object.entries(p).join(';'));
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(p, 'z')));
    """,
    "invariants": r"""
        const frozen = Object.freeze({k: 1});
        const tests = {
            get: () => new Proxy(frozen, {get() { return 2 }}).k,
            set: () => { 'use strict'; new Proxy(frozen, {set() { return true }}).k = 5 },
            has: () => 'k' in new Proxy(frozen, {has() { return false }}),
            deleteProperty: () => delete new Proxy(frozen, {deleteProperty() { return true }}).k,
            defineProperty: () => Object.defineProperty(new Proxy({}, {defineProperty() { return true }}), 'x', {value: 1, configurable: false}),
            gopd: () => Object.getOwnPropertyDescriptor(new Proxy(frozen, {getOwnPropertyDescriptor() { return undefined }}), 'k'),
            gopd_nonobject: () => Object.getOwnPropertyDescriptor(new Proxy({}, {getOwnPropertyDescriptor() { return 1 }}), 'k'),
            ownKeys_missing: () => Object.keys(new Proxy(frozen, {ownKeys() { return [] }})),
            ownKeys_dup: () => Reflect.ownKeys(new Proxy({}, {ownKeys() { return ['a', 'a'] }})),
            ownKeys_type: () => Reflect.ownKeys(new Proxy({}, {ownKeys() { return [1] }})),
            ownKeys_extra: () => Reflect.ownKeys(new Proxy(Object.preventExtensions({}), {ownKeys() { return ['x'] }})),
            getPrototypeOf: () => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), {getPrototypeOf() { return Array.prototype }})),
            getPrototypeOf_type: () => Object.getPrototypeOf(new Proxy({}, {getPrototypeOf() { return 1 }})),
            setPrototypeOf: () => Object.setPrototypeOf(new Proxy(Object.preventExtensions({}), {setPrototypeOf() { return true }}), Array.prototype),
            isExtensible: () => Object.isExtensible(new Proxy({}, {isExtensible() { return false }})),
            preventExtensions: () => Object.preventExtensions(new Proxy({}, {preventExtensions() { return true }})),
            falsish_strict: () => { 'use strict'; new Proxy({}, {set() { return false }}).q = 1 },
            trap_not_callable: () => new Proxy({}, {get: 5}).x,
        };
        for (const [name, f] of Object.entries(tests)) {
            try { f(); console.log(name, 'no error') } catch (e) { console.log(name, e.constructor.name) }
        }
        // Falsish results without strict mode are silent; Reflect reports them.
        const q = new Proxy({}, {set() { return false }, defineProperty() { return false }, deleteProperty() { return false }});
        q.x = 1;
        console.log(Reflect.set(q, 'x', 1), Reflect.defineProperty(q, 'x', {value: 1}), Reflect.deleteProperty(q, 'x'));
    """,
    "revocable": r"""
        const {proxy, revoke} = Proxy.revocable({a: 1}, {});
        console.log(proxy.a, typeof revoke, revoke.length, revoke.name === '');
        console.log(revoke(), revoke());
        for (const f of [() => proxy.a, () => proxy.a = 1, () => 'a' in proxy, () => delete proxy.a,
                         () => Object.keys(proxy), () => Object.getPrototypeOf(proxy), () => Array.isArray(proxy)]) {
            try { f() } catch (e) { console.log(e.name, e.message) }
        }
        console.log(typeof proxy);
    """,
    "callable": r"""
        function sum(a, b) { return a + b }
        const p = new Proxy(sum, {apply(t, self, args) { return 'applied ' + t.apply(self, args) }});
        console.log(typeof p, p(1, 2), p.call(null, 3, 4), p.apply(null, [5, 6]), Reflect.apply(p, null, [7, 8]));
        class Point { constructor(x) { this.x = x } }
        const C = new Proxy(Point, {construct(t, args, nt) { return {made: args[0], same: nt === C} }});
        console.log(JSON.stringify(new C(9)));
        const plain = new Proxy(Point, {});
        const pt = new plain(3); console.log(pt.x, pt instanceof Point, pt instanceof plain);
        try { new Proxy({}, {})() } catch (e) { console.log(e.name) }
        try { new (new Proxy(() => 1, {}))() } catch (e) { console.log(e.name) }
        try { new (new Proxy(Point, {construct() { return 1 }}))() } catch (e) { console.log(e.name) }
        console.log(typeof new Proxy(class {}, {}), typeof new Proxy({}, {}));
        const bound = p.bind(null, 10); console.log(bound(5));
    """,
    "is_array_and_json": r"""
        const a = new Proxy([1, 2, 3], {});
        console.log(Array.isArray(a), Array.isArray(new Proxy({}, {})), Array.isArray(new Proxy(a, {})));
        console.log(JSON.stringify(a), JSON.stringify({list: a}), [].concat(a).length, a.length);
        console.log(Array.prototype.map.call(a, x => x * 2).join(), [...a].join());
    """,
    "prototype_chain": r"""
        const log = [];
        const proto = new Proxy({inherited: 'yes'}, {
            get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r) },
            has(t, k) { log.push('has ' + String(k)); return Reflect.has(t, k) },
        });
        const child = Object.create(proto);
        child.own = 1;
        console.log(child.own, child.inherited, 'inherited' in child, 'nothing' in child);
        console.log(log.join('|'));
    """,
    "deep_chain_range_error": r"""
        let p = {};
        for (let i = 0; i < 200000; i++) p = new Proxy(p, {});
        try { p.x } catch (e) { console.log(e.name) }
        try { 'x' in p } catch (e) { console.log(e.name) }
        console.log('alive');
    """,
    "freeze_through_proxy": r"""
        const log = [];
        const p = new Proxy({a: 1, b: 2}, {
            defineProperty(t, k, d) { log.push('define ' + k + ' ' + JSON.stringify(d)); return Reflect.defineProperty(t, k, d) },
            preventExtensions(t) { log.push('preventExtensions'); return Reflect.preventExtensions(t) },
        });
        Object.freeze(p);
        console.log(Object.isFrozen(p), log.join('|'));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_proxy(name, same_as_node):
    same_as_node(CASES[name])


def test_console_log_shows_target(same_as_node):
    same_as_node(r"""
        const r = Proxy.revocable({a: 1}, {});
        console.log(new Proxy({a: 1, b: [1, 2]}, {get() { throw new Error('trap ran') }}));
        console.log(new Proxy(new Proxy([1, 2], {}), {}), [new Proxy(function f() {}, {})]);
        r.revoke(); console.log(r.proxy);
    """)
