"""Map, Set, WeakMap, WeakSet and their iterators, compared with node."""
import pytest

CASES = {
    "map_basic": r"""
        var m = new Map([[1, 'a'], ['1', 'b'], [NaN, 'n'], [-0, 'z']]);
        console.log(m.size, m.get(1), m.get('1'), m.get(NaN), m.get(0), m.get(+0), m.has(-0), [...m.keys()].map(String).join());
        console.log(m.set('k', 'v') === m, m.delete(1), m.delete(1), m.size, [...m.values()].join(), m.get(undefined));
        var o = {}; m.set(o, 'obj'); console.log(m.get(o), m.get({}), m.has(o));
        m.clear(); console.log(m.size, [...m].length);
        console.log(Map.name, Map.length, Map.prototype[Symbol.iterator] === Map.prototype.entries, Map.prototype[Symbol.toStringTag]);
    """,
    "set_basic": r"""
        var s = new Set([1, 2, 2, 'a', NaN, NaN, -0]);
        console.log(s.size, s.has(0), [...s].map(String).join(), s.add(3) === s, s.delete(2), s.has(2));
        console.log(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
        console.log([...s.entries()].map(e => e.join('=')).join(), new Set('hello').size);
        var seen = []; s.forEach(function (v, k, set) { seen.push(v + '/' + k + '/' + (set === s) + '/' + this.t) }, {t: 'T'}); console.log(seen.join());
    """,
    "mutation_during_iteration": r"""
        var m = new Map([[1, 1], [2, 2], [3, 3]]); var out = [];
        for (var [k] of m) { out.push(k); if (k == 1) { m.delete(2); m.set(4, 4) } } console.log(out.join());
        var s = new Set([1, 2, 3]); out = []; for (var v of s) { out.push(v); if (v < 40) s.add(v * 10) } console.log(out.join());
        var c = new Set([1, 2, 3]); out = []; for (var v of c) { out.push(v); if (v == 1) { c.clear(); c.add(9) } } console.log(out.join());
        var g = new Map(); for (var i = 0; i < 50; i++) g.set(i, i); var it = g.keys(); it.next();
        for (var i = 0; i < 45; i++) g.delete(i); for (var i = 100; i < 140; i++) g.set(i, i); console.log([...it].join());
        var d = new Set([1, 2]); var it2 = d.values(); d.delete(1); d.delete(2); console.log(JSON.stringify(it2.next())); d.add(3); console.log(it2.next().done);
        var f = new Map([[1, 1]]); out = []; f.forEach((v, k) => { out.push(k); if (k < 5) f.set(k + 1, 0) }); console.log(out.join());
    """,
    "constructor_protocol": r"""
        try { Map() } catch (e) { console.log(e.name, e.message) }
        try { new Map([1]) } catch (e) { console.log(e.name, e.message) }
        try { new Set(5) } catch (e) { console.log(e.name) }
        var calls = []; var orig = Map.prototype.set;
        Map.prototype.set = function (k, v) { calls.push(k); return orig.call(this, k, v) };
        new Map([[1, 2], [3, 4]]); Map.prototype.set = orig; console.log(calls.join());
        class M extends Map { constructor(x) { super(x); this.extra = true } }
        var mm = new M([[1, 2]]); console.log(mm.get(1), mm.extra, mm instanceof Map, Map[Symbol.species] === Map);
        try { Map.prototype.get.call({}, 1) } catch (e) { console.log(e.name, e.message) }
        try { Map.prototype.get.call(new Set, 1) } catch (e) { console.log(e.name, e.message) }
        try { Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(new Set) } catch (e) { console.log(e.name) }
        console.log(new Map(null).size, new Set(undefined).size);
    """,
    "weak": r"""
        var wm = new WeakMap(), k = {}, k2 = function () {};
        wm.set(k, 1).set(k2, 2); console.log(wm.get(k), wm.get(k2), wm.has(k), wm.delete(k), wm.has(k), wm.get(1), wm.has('x'), wm.delete(1));
        try { wm.set(1, 1) } catch (e) { console.log(e.name, e.message) }
        var ws = new WeakSet([k]); console.log(ws.has(k), ws.has({}), ws.add(k2) === ws, ws.delete(k2), ws.has(k2));
        try { ws.add('s') } catch (e) { console.log(e.name, e.message) }
        console.log(typeof wm.forEach, typeof ws.clear, WeakMap.prototype[Symbol.toStringTag], String(new WeakSet));
        try { new WeakMap([[1, 1]]) } catch (e) { console.log(e.name) }
    """,
    "iterator_protos": r"""
        var mi = new Map()[Symbol.iterator](), si = new Set().values();
        console.log(Object.prototype.toString.call(mi), Object.prototype.toString.call(si));
        var mp = Object.getPrototypeOf(mi), sp = Object.getPrototypeOf(si);
        console.log(mp === sp, Object.getPrototypeOf(mp) === Object.getPrototypeOf(sp), mi[Symbol.iterator]() === mi);
        try { mp.next.call(si) } catch (e) { console.log(e.name) }
        try { sp.next.call(mi) } catch (e) { console.log(e.name) }
        var m = new Map([['a', 1]]); var e = m.entries().next().value; console.log(Array.isArray(e), e.join());
    """,
    "many_keys": r"""
        var m = new Map(); for (var i = 0; i < 5000; i++) m.set('k' + i, i); var ok = true;
        for (var i = 0; i < 5000; i++) if (m.get('k' + i) !== i) ok = false;
        for (var i = 0; i < 5000; i += 2) m.delete('k' + i);
        console.log(ok, m.size, m.get('k1'), m.get('k2'), [...m.keys()].slice(0, 3).join());
        var s = new Set(); for (var i = 0; i < 3000; i++) s.add(i % 7 === 0 ? i / 7 : 'x' + i); console.log(s.size);
        var n = new Map([[1.5, 'a'], [2 ** 40, 'b']]); console.log(n.get(3 / 2), n.get(2 ** 40));
        var sym = Symbol(); var t = new Map([[sym, 1], [true, 2], [null, 3], [undefined, 4]]); console.log(t.get(sym), t.get(true), t.get(null), t.get(undefined));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_map(name, same_as_node):
    same_as_node(CASES[name])
