"""Error kinds, Symbol, Boolean and Function.prototype (builtins/error.c, symbol.c, boolean.c, function.c) compared with node."""
import pytest

PRELUDE = r"""
var t = function (f) { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
"""

CASES = {
    "part1": r"""
        t(function () { var e = new Error('boom'); return [e.message, e.name, e instanceof Error, String(e), Object.keys(e), Object.getOwnPropertyNames(e), typeof e.stack, e.stack.split('\n')[0]]; });
        t(function () { var e = TypeError('bad'); return [e instanceof TypeError, e instanceof Error, e.constructor === TypeError, String(e), Object.getPrototypeOf(TypeError) === Error]; });
        t(function () { return [RangeError.name, RangeError.length, new RangeError().message, String(new SyntaxError), String(new EvalError('e')), String(new URIError('u')), String(new ReferenceError('r'))]; });
        t(function () { var e = new Error('x', {cause: 'why'}); return [e.cause, Object.getOwnPropertyNames(e)]; });
        t(function () { var e = new AggregateError([1, 2], 'agg'); return [e.message, e.errors, e.name, Object.getOwnPropertyNames(e)]; });
        t(function () { return Error.prototype.toString.call({name: 'N', message: 'M'}) + '|' + Error.prototype.toString.call({}) + '|' + Error.prototype.toString.call({name: '', message: 'only'}); });
        t(function () { return Error.prototype.toString.call(1); });
        t(function () { class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }; var e = new MyErr('custom'); return [String(e), e instanceof MyErr, e instanceof Error]; });
    """,
    "part2": r"""
        t(function () { var o = {}; Error.captureStackTrace(o); return [typeof o.stack, Object.getOwnPropertyNames(o), Error.stackTraceLimit]; });
        t(function () { return null.x; });
        t(function () { return undefined.foo; });
        t(function () { var u; return u[Symbol('q')]; });
        t(function () { 'use strict'; undefined.x = 1; });
        t(function () { 'use strict'; 'abc'.x = 1; });
        t(function () { 'use strict'; 'abc'[0] = 1; });
        t(function () { 'use strict'; (5).x = 1; });
    """,
    "part3": r"""
        t(function () { return Symbol() + ''; });
        t(function () { return +Symbol(); });
        t(function () { return 1 instanceof 2; });
        t(function () { return ({}) instanceof {}; });
        t(function () { function F() {}; F.prototype = 1; return ({}) instanceof F; });
        t(function () { return ({toString: 1, valueOf: 1}) + 1; });
        t(function () { return ({[Symbol.toPrimitive]: 1}) + 1; });
        t(function () { return new Map(5); });
    """,
    "part4": r"""
        t(function () { return new Map({}); });
        t(function () { return Symbol.keyFor('x'); });
        t(function () { return new Symbol(); });
        t(function () { return Function.prototype.toString.call({}); });
        t(function () { return Function.prototype.bind.call(1); });
        t(function () { return Function.prototype.apply.call(function () {}, null, 1); });
        t(function () { return Boolean.prototype.toString.call(1); });
        t(function () { return Symbol.prototype.toString.call(1); });
    """,
    "part5": r"""
        t(function () { return [Symbol('x').toString(), Symbol('x').description, Symbol().description, Symbol.for('k').description, Symbol.keyFor(Symbol.for('k')), Symbol.keyFor(Symbol('k')), Symbol.iterator.toString(), Object(Symbol('w')).toString()]; });
        t(function () { return [new Boolean(false) ? 1 : 2, Boolean(''), Boolean('0'), true.toString(), Boolean.prototype.valueOf.call(new Boolean(true)), String(Boolean.prototype)]; });
        t(function () { function f(a, b, c) { return [this, a, b, c]; }; var b = f.bind('T', 1); return [b.name, b.length, b(2, 3), new (function () { this.v = 1; }.bind(null))().v, f.call(null, 9).slice(1), f.apply(undefined, [7, 8]).slice(1)]; });
        t(function () { return [Math.max.toString(), (function () {}).bind().toString(), typeof Function.prototype, Function.prototype(), Function.prototype.length, Function.prototype.name === '']; });
        t(function () { var f = new Function('a', 'b', 'return a + b'); return [f(2, 3), f.length, new Function('return 7')(), Function('x', 'return x*2')(4)]; });
        t(function () { return (function () { 'use strict'; return arguments.callee; })(); });
        t(function () { class A { static [Symbol.hasInstance](x) { return x === 1; } }; return [1 instanceof A, 2 instanceof A]; });
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_node(same_as_node, name):
    same_as_node(PRELUDE + CASES[name])
