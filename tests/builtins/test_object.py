"""Object and Object.prototype (builtins/object.c) compared with node."""
import pytest

PRELUDE = r"""
var t = function (f) { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
"""

CASES = {
    "part1": r"""
        t(function () { return Object.keys({b: 1, a: 2, 1: 3, 0: 4}); });
        t(function () { return Object.entries({x: 1, y: [2]}); });
        t(function () { return Object.values('ab'); });
        t(function () { return Object.assign({}, 'abc', null, [9]); });
        t(function () { return Object.fromEntries([['a', 1], ['b', 2]]); });
        t(function () { return Object.fromEntries(new Map([['m', 1]])); });
        t(function () { return Object.fromEntries([1]); });
        t(function () { var o = Object.create({inherited: 1}, {own: {value: 2, enumerable: true}, hidden: {value: 3}}); return [o.own, o.hidden, o.inherited, Object.keys(o), Object.getOwnPropertyNames(o)]; });
    """,
    "part2": r"""
        t(function () { return Object.create(5); });
        t(function () { return Object.getOwnPropertyDescriptor({a: 1}, 'a'); });
        t(function () { var o = {}; Object.defineProperty(o, 'g', {get: function () { return 7; }, configurable: true}); return [o.g, Object.getOwnPropertyDescriptor(o, 'g')]; });
        t(function () { return Object.getOwnPropertyDescriptors({a: 1, b: 2}); });
        t(function () { return Object.defineProperty({}, 'x', {get: 1}); });
        t(function () { return Object.defineProperty({}, 'x', 1); });
        t(function () { return Object.defineProperty({}, 'x', {get: function () {}, value: 1}); });
        t(function () { return Object.defineProperty(Object.freeze({}), 'x', {value: 1}); });
    """,
    "part3": r"""
        t(function () { return Object.defineProperty(Object.defineProperty({}, 'x', {value: 1}), 'x', {value: 2}); });
        t(function () { return Object.defineProperty(1, 'x', {}); });
        t(function () { var o = Object.freeze({a: 1, n: {b: 2}}); o.a = 2; o.n.b = 3; return [o.a, o.n.b, Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o)]; });
        t(function () { var o = Object.seal({a: 1}); o.a = 2; delete o.a; o.c = 1; return [o, Object.isSealed(o), Object.isFrozen(o)]; });
        t(function () { var o = Object.preventExtensions({a: 1}); o.b = 1; return [o, Object.isExtensible(o), Object.isFrozen(o)]; });
        t(function () { return [Object.isFrozen(1), Object.isSealed('x'), Object.isExtensible(1), Object.freeze(5)]; });
        t(function () { return Object.setPrototypeOf(Object.preventExtensions({}), {}); });
        t(function () { var a = {}; return Object.setPrototypeOf(a, Object.create(a)); });
    """,
    "part4": r"""
        t(function () { return Object.setPrototypeOf(1); });
        t(function () { return [Object.getPrototypeOf(1) === Number.prototype, Object.getPrototypeOf(Object.create(null)), Object.getPrototypeOf('x') === String.prototype]; });
        t(function () { return [Object.is(NaN, NaN), Object.is(0, -0), Object.is('a', 'a'), Object.is({}, {})]; });
        t(function () { return Object.getOwnPropertySymbols({[Symbol('a')]: 1, b: 2}); });
        t(function () { var o = {a: 1}; return [o.hasOwnProperty('a'), o.hasOwnProperty('toString'), Object.hasOwn(o, 'a'), 'toString' in o, o.propertyIsEnumerable('a'), Object.prototype.propertyIsEnumerable.call([1], 'length')]; });
        t(function () { function F() {}; var f = new F(); return [F.prototype.isPrototypeOf(f), Object.prototype.isPrototypeOf(f), Array.prototype.isPrototypeOf(f), Object.prototype.isPrototypeOf.call(f, 1)]; });
        t(function () { return [null, undefined, 1, 's', true, [], {}, function () {}, new Error('x'), new Boolean(1), Symbol(), Math, JSON, (function () { return arguments; })(), new Map(), Promise.resolve()].map(function (v) { return Object.prototype.toString.call(v); }); });
        t(function () { var o = {[Symbol.toStringTag]: 'Custom'}; return String(o) + ' ' + o.toLocaleString(); });
    """,
    "part5": r"""
        t(function () { var o = {}; o.__defineGetter__('x', function () { return 5; }); o.__defineSetter__('y', function (v) { this.z = v; }); o.y = 9; return [o.x, o.z, o.__lookupGetter__('x') !== undefined, o.__lookupSetter__('x'), Object.keys(o)]; });
        t(function () { return ({}).__defineGetter__('x', 1); });
        t(function () { var o = {}; o.__proto__ = Array.prototype; return [Array.isArray(o), o instanceof Array, o.__proto__ === Array.prototype, ({__proto__: null}).__proto__]; });
        t(function () { return Object.prototype.hasOwnProperty.call(null, 'x'); });
        t(function () { return [Object(1) instanceof Number, typeof Object('s'), Object(null), Object(), new Object(5)]; });
        t(function () { return Object.keys('abc'); });
        t(function () { return Object.getOwnPropertyNames('ab'); });
        t(function () { return Object.entries([7, 8]); });
    """,
    "part6": r"""
        t(function () { var s = new String('hi'); return [s.length, s[0], Object.keys(s), s instanceof String, typeof s.valueOf()]; });
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_node(same_as_node, name):
    same_as_node(PRELUDE + CASES[name])
