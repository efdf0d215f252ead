"""console.log's inspection (builtins/inspect.c) against node v20's util.inspect: arguments
objects, built-in prototypes and a wide sample of layouts, byte for byte."""
import pytest

CASES = {
    "arguments_objects": r"""
        function sloppy() { console.log(arguments); console.log([arguments], { a: arguments }); return arguments; }
        function strict() { 'use strict'; return arguments; }
        sloppy(1, 'two', [3], { four: 4 });
        sloppy();
        console.log(strict(1, [2]), strict(), Object.prototype.toString.call(strict()));
        var args = sloppy(5); args.extra = true; console.log(args, args.length, Array.from(args));
        console.log((function () { return arguments; })(...Array.from({ length: 30 }, (_, i) => i)));
    """,
    "builtin_prototypes": r"""
        console.log(Object.prototype, Function.prototype, [Object.prototype], { p: Function.prototype });
        console.log(Array.prototype, Map.prototype, Set.prototype, Promise.prototype, Error.prototype);
        console.log(Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}));
        console.log(Object.getPrototypeOf([][Symbol.iterator]()), Object.getPrototypeOf(new Map().entries()));
        console.log(Object.create(Object.prototype), Object.create(Array.prototype), Object.create(Function.prototype));
    """,
    "layouts": r"""
        console.log(Array.from({ length: 8 }, (_, i) => ({ id: i })));
        console.log(Array.from({ length: 27 }, (_, i) => String.fromCharCode(97 + (i % 26))));
        var big = {}; for (var i = 0; i < 30; i++) big['k' + i] = i; console.log(big);
        console.log({ s: 'line1\nline2', t: 'x'.repeat(20) + '\n' + 'y'.repeat(20) });
        console.log([[1, 2, [3, 4, [5, [6]]]], { a: [{ b: { c: {} } }] }]);
        console.log(new Map([[{ k: 1 }, new Set([new Map([[1, 2]])])]]));
        console.log({ '1': 1, '-1': 2, '01': 3, '1.5': 4, valid_id: 5, $ok: 6, 'not ok': 7, '': 8 });
        var arr = [1, 2, 3]; arr[-1] = 'neg'; arr.prop = { deep: true }; console.log(arr, [1, , 3], new Array(4));
        console.log([-1, -22, 333, -4444, 55555, -666666, 7777777, 1, 2, 3, 4, 5, 6, 7, 8]);
        console.log(Array.from({ length: 101 }, () => 'ab'), new Set(Array.from({ length: 10 }, (_, i) => i * 1000)));
        var circ = { name: 'c' }; circ.self = circ; circ.arr = [circ]; console.log(circ);
        function withProps() {} withProps.extra = 1; console.log(withProps, [withProps], class A {}, class extends Array {});
        console.log({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} });
        console.log({ [Symbol.toStringTag]: 'Tagged', x: 1 }, Object.defineProperty({}, Symbol.toStringTag, { value: 'T2' }));
        console.log('%s is %d years and %i, %f, %j %o %O %%', 'Bob', 42.5, 42.5, '1.5', { a: 1 }, [1], { b: 2 });
    """,
    "values_and_keys": r"""
        console.log({ 4294967296: 1, 4294967295: 2, 1: 3 }, new Map([[-0, 'z'], [NaN, 'n']]), new Set([-0, 0]));
        console.log({ [Symbol("it's")]: 1, [Symbol('a"b')]: 2 }, ['\u0000\u0007\b\t\x1b\x7f\u2028', '\ud800']);
        var a = [1, 2]; a.length = 5; console.log(a, [ , ], new Array(200).fill(7));
        class P { constructor() { this.a = 1; } get b() { return 2; } } console.log(new P(), P);
        console.log({ f() {}, async g() {}, *h() {}, ['computed' + 1]: () => {} });
        console.log([1.25, 100, -3, 4e-7, 12345678, 0.5, 2, 3, 4, 5, 6, 7, 8]);
        console.log(Array.from({ length: 26 }, (_, i) => ({ [String.fromCharCode(97 + i)]: i })));
        console.log('%c styled', 'color: red', '%s', Symbol('s'), '%d', '12px');
        console.log('%o', { a: [1, 2, { b: 3 }], f() {} });
        var err = new Error('top'); err.name = 'Custom'; console.log(Object.prototype.toString.call(err), String(err));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_inspect_same_as_node(same_as_node, name):
    same_as_node(CASES[name])
