"""console.log / util.inspect formatting (builtins/inspect.c), compared with node v20."""
import pytest

CASES = {
    "primitives_and_containers": r"""
        console.log([1, 2, 3], [], {}, {a: 1, 'b-c': 2, [Symbol('x')]: 3});
        console.log(-0, [-0], 0, 1e21, 1.5, NaN, -Infinity, null, undefined, true, Symbol('desc'), Symbol());
        console.log('str', ['str', "it's", 'say "hi"', `both ' and "`, 'a\nb', 'tab\t', '\x01\x7f\u0085', '\ud800']);
        console.log({'a b': 1, a_b: 2, $x: 3, '1': 4, __proto__x: 5, ['__proto__']: 6});
        console.log([undefined, null, true], {u: undefined}, [[[[1]]]], {a: {b: {c: {d: 1}}}});
    """,
    "classes_and_prototypes": r"""
        class Foo { constructor() { this.x = 1; } }
        console.log(new Foo(), Object.create(null), Object.assign(Object.create(null), {a: 1}));
        console.log([new Foo(), new Foo()], {f: new Foo()}, Object.create(Object.create(null)));
        console.log(Math, JSON, new Number(3), new String('x'), new Boolean(false), Object(Symbol('s')));
        (function () { console.log(arguments); })(1, 2);
    """,
    "circular": r"""
        var c = {name: 'c'}; c.self = c; console.log(c);
        var d = {a: [1]}; d.a.push(d); d.b = d.a; console.log(d);
        var e = [1]; e.push({back: e}); console.log(e);
    """,
    "sparse_and_long_arrays": r"""
        console.log([, , 3], [1, , 3], new Array(5), [1, 2, , ]);
        console.log(Array.from({length: 101}, (_, i) => i));
        console.log(Array.from({length: 30}, (_, i) => 'item' + i));
        console.log(Array(120).fill(7), [1.5, 22, 333, 4444, 55555, 666666, 7777777], [1, 'a', 2, 'b', 3, 'c', 4]);
        console.log(Array.from({length: 26}, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)));
        console.log({arr: Array.from({length: 10}, (_, i) => i * 100)});
        var a = [1, 2]; a.extra = 'x'; console.log(a);
    """,
    "line_breaking": r"""
        console.log(['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'c']);
        console.log({longkeyname1: 'value number one', longkeyname2: 'value number two', k3: 'value number three'});
        console.log('x'.repeat(100), ['x'.repeat(100)]);
        console.log(['line1\nline2 and some more text to make it long enough ok yes more more more more']);
        console.log({a: {b: {c: {}}}, d: [{e: 1, f: [1, 2, {g: 3}]}]});
    """,
    "functions": r"""
        function f() {}
        console.log(f, function () {}, () => 1, class A {}, class B extends Error {});
        f.x = 1; console.log(f, [function () {}, f, class {}]);
        function* gen() {} async function af() {}
        console.log(gen, af, async () => {});
    """,
    "accessors": r"""
        var o = {data: 1};
        Object.defineProperty(o, 'g', {get() { return 1; }, enumerable: true});
        Object.defineProperty(o, 's', {set(v) {}, enumerable: true});
        Object.defineProperty(o, 'gs', {get() { return 1; }, set(v) {}, enumerable: true});
        Object.defineProperty(o, 'hidden', {value: 1});
        console.log(o);
    """,
    "collections_and_promises": r"""
        console.log(new Map([['a', 1], ['b', 2]]), new Set([1]), new WeakMap(), new WeakSet(), new Map(), new Set());
        var m = new Map([['a', 1], ['b', 2]]);
        console.log(m.keys(), m.values(), m.entries(), new Set([5, 6]).values());
        console.log(Promise.resolve(1), new Promise(() => {}), new Map([[{k: 1}, [1, 2]]]));
    """,
    "format_specifiers": r"""
        console.log('%s is %d years and %i, %f', 'Bob', 42.5, 42.5, '3.5x', 'extra', {a: 1});
        var c = {}; c.c = c;
        console.log('%j %j', {a: [1]}, c, '%%', '%c', 'css', '100%');
        console.log('%O', [1, {a: 2}]); console.log('%o', [1, {a: 2}]);
        console.log('%s', {a: 1}, '%s', null, undefined, -0);
        console.log('%s %s %s', -0, false, [1, 2], function g() {});
        console.log('%%', '%d'); console.log('%d%%', 5); console.log('a%zb', 1); console.log('%s');
    """,
    "errors": r"""
        function fake(e, stack) { e.stack = stack; return e; }
        var e = fake(new Error('x'), 'Error: x\n    at fake (file.js:1:1)');
        console.log(e); e.code = 'E_CODE'; console.log(e); console.log([e]);
        console.log(fake(new TypeError('no frames'), 'TypeError: no frames'), {inner: fake(new Error('y'), 'Error: y')});
        class MyError extends Error {}
        console.log(fake(new MyError('sub'), 'Error: sub\n    at z (f.js:2:2)'));
        var agg = fake(new AggregateError([fake(new Error('a'), 'Error: a')], 'many'), 'AggregateError: many');
        console.log(agg);
        console.log(fake(new Error('with cause', {cause: 'why'}), 'Error: with cause'));
        console.log(String(new Error('s')), Object.keys(new Error('k')));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_console_log_same_as_node(same_as_node, name):
    same_as_node(CASES[name])


def test_error_inspection_first_line():
    """Errors print their stack (frames differ from node's, the header must not)."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    code = r"""
        var e = new TypeError('bad');
        console.log(String(e), e.stack.split('\n')[0]);
        console.log(new Error('no frames here').stack.split('\n')[0]);
    """
    out = subprocess.run([sys.executable, "-m", "jsthreads", "run", "-e", code], cwd=root, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["TypeError: bad TypeError: bad", "Error: no frames here"]
