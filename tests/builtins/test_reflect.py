"""Reflect: each function on ordinary objects, arrays and proxies, with its argument checks;
compared with node."""
import pytest

CASES = {
    "namespace": r"""
        console.log(Object.prototype.toString.call(Reflect), typeof Reflect);
        console.log(Object.getOwnPropertyNames(Reflect).sort().join());
        console.log(Reflect.apply.length, Reflect.construct.length, Reflect.defineProperty.length, Reflect.set.length);
        try { new Reflect.get({}, 'x') } catch (e) { console.log(e.name) }
    """,
    "non_object_targets": r"""
        for (const name of ['defineProperty', 'deleteProperty', 'get', 'getOwnPropertyDescriptor', 'getPrototypeOf',
                            'has', 'isExtensible', 'ownKeys', 'preventExtensions', 'set', 'setPrototypeOf']) {
            try { Reflect[name](1, 'x', {}); console.log(name, 'ok') } catch (e) { console.log(name, e.name) }
        }
        try { Reflect.apply(1) } catch (e) { console.log('apply', e.name) }
        try { Reflect.apply(Math.max, null, 1) } catch (e) { console.log('apply list', e.name) }
        try { Reflect.construct(() => 1, []) } catch (e) { console.log('construct', e.name) }
        try { Reflect.construct(Array, [], Math.max) } catch (e) { console.log('newTarget', e.name) }
        try { Reflect.setPrototypeOf({}, 1) } catch (e) { console.log('proto', e.name) }
    """,
    "basics": r"""
        const o = {a: 1};
        console.log(Reflect.get(o, 'a'), Reflect.set(o, 'b', 2), o.b, Reflect.has(o, 'b'), Reflect.has(o, 'toString'));
        console.log(Reflect.defineProperty(o, 'c', {value: 3}), Reflect.defineProperty(o, 'c', {value: 4}), o.c);
        console.log(Reflect.deleteProperty(o, 'a'), Reflect.deleteProperty(o, 'c'), Reflect.ownKeys(o).join());
        console.log(JSON.stringify(Reflect.getOwnPropertyDescriptor(o, 'c')), Reflect.getOwnPropertyDescriptor(o, 'zz'));
        console.log(Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o), Reflect.set(o, 'new', 1));
        console.log(Reflect.setPrototypeOf(o, null), Reflect.getPrototypeOf(o), Reflect.setPrototypeOf({}, Array.prototype));
        const a = {}, b = Object.create(a); console.log(Reflect.setPrototypeOf(a, b));
        const s = Symbol('k'); const w = {[s]: 1, 2: 0, x: 0, 1: 0}; console.log(Reflect.ownKeys(w).map(String).join());
    """,
    "receivers": r"""
        const o = {get who() { return this.name }, set who(v) { this.seen = v }, name: 'o'};
        const r = {name: 'r'};
        console.log(Reflect.get(o, 'who'), Reflect.get(o, 'who', r));
        console.log(Reflect.set(o, 'who', 5, r), r.seen, o.seen);
        const target = {}; console.log(Reflect.set({x: 1}, 'x', 2, target), target.x);
        const ro = Object.defineProperty({}, 'x', {value: 1, writable: false});
        console.log(Reflect.set(ro, 'x', 2), Reflect.set({}, 'x', 2, ro));
    """,
    "apply_construct": r"""
        console.log(Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.apply(function () { return this.v }, {v: 7}, []));
        console.log(Reflect.apply(String.prototype.slice, 'hello', {length: 2, 0: 1, 1: 3}));
        class A { constructor(x) { this.x = x; this.nt = new.target.name } }
        class B {}
        const b = Reflect.construct(A, [1], B);
        console.log(b.x, b.nt, b instanceof B, b instanceof A);
        const d = Reflect.construct(Date, [2020, 0, 1]); console.log(d.getFullYear());
        console.log(Reflect.construct(Array, [3]).length);
    """,
    "keys_order_array_string": r"""
        console.log(Reflect.ownKeys([1, 2]).join(), Reflect.ownKeys(new String('ab')).join());
        try { Reflect.defineProperty([], 'length', {value: -1}) } catch (e) { console.log(e.name) }
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_reflect(name, same_as_node):
    same_as_node(CASES[name])
