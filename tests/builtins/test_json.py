"""JSON.parse and JSON.stringify (builtins/json.c) compared with node: output, indentation, replacers, revivers and V8's exact error messages."""
import pytest

PRELUDE = r"""
var t = function (s) { try { console.log(JSON.stringify(JSON.parse(s))); } catch (e) { console.log(e.name + ': ' + e.message); } };
var t2 = function (f) { try { f(); } catch (e) { console.log(e.name + ': ' + e.message); } };
"""

CASES = {
    "part1": r"""
        ['{"a" 1', '{"a"', '[1', '{"a":1', '{"a":1 "b"}', '"\\u12g4"', '"\\', '"\\u12', '1e', '1e+', '-0', '-01', '0x1', 'NaN', 'Infinity', '[object Object]', ' ', '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,x]', '{"aaaaaaaaaaaaaaaaaaaaaaa": 1, x}', '"\u00e9\u4e2d"', '"a\\"b"', '[1,"2",{"3":[true,false,null]}]', '  {"__proto__": 1, "b": [] }  ', '1.5e300', '-1.5e-300', '123456789012345678901234567890', "'a'", 'tRue', '[-]', '{"a":1,"a":2}', '"\t"', '\u00a0 1', '"x" x', '[1,,2]', '{,}', '{"a":1,,}', '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '{"0":1,"b":2,"1":3}', '[[[[]]]]', 'nul', 'falsey', '{"a":tru}', ''].forEach(t);
        console.log(JSON.stringify({a:[1,{b:2}],c:'x'}, null, 2));
        console.log(JSON.stringify([1,[2,[]],{}], null, '--'));
        console.log(JSON.stringify({a:1,b:2,c:{a:3,d:4}}, ['a','c']));
        console.log(JSON.stringify({a:1,b:'x'}, function (k,v) { return typeof v === 'number' ? v*2 : v; }));
        console.log(JSON.stringify('\u2028\ud800\udc00\udc00\x01\x7f"\\'));
        console.log(JSON.stringify({u: undefined, f: function(){}, s: Symbol(), n: NaN, i: -Infinity, z: -0, [Symbol()]: 1}));
        console.log(JSON.stringify([undefined, function(){}, Symbol()]));
    """,
    "part2": r"""
        console.log(JSON.stringify(undefined), JSON.stringify(function(){}), JSON.stringify(null), JSON.stringify(new Number(3)), JSON.stringify(new String('s')), JSON.stringify(Object(false)));
        console.log(JSON.stringify({toJSON: function (k) { return 'k=' + k; }}), JSON.stringify({x: {toJSON: function (k) { return 'k=' + k; }}}), JSON.stringify([{toJSON: function (k) { return typeof k + k; }}]));
        console.log(JSON.stringify({a:1}, null, 20), JSON.stringify({a:1}, null, 'abcdefghijklmnop'), JSON.stringify([], null, 2), JSON.stringify({}, null, 2), JSON.stringify([[]], null, 2));
        console.log(JSON.parse('{"a":[1,2,{"b":3}]}', function (k, v) { return typeof v === 'number' ? v + 100 : v; }));
        console.log(JSON.parse('[1,2,3]', function (k, v) { return k === '1' ? undefined : v; }));
        console.log(JSON.stringify(1e21), JSON.stringify(0.1), JSON.stringify(-5), JSON.stringify([new Number(1), new String('a'), new Boolean(true)]));
        t2(function () { var a = {}; a.self = a; JSON.stringify(a); });
        t2(function () { var a = {x: [1, {y: {}}]}; a.x[1].y.z = a; JSON.stringify(a); });
    """,
    "part3": r"""
        t2(function () { var a = {x: {y: {z: {w: {}}}}}; a.x.y.z.w.q = a; JSON.stringify(a); });
        t2(function () { class Foo { constructor() { this.me = this; } }; JSON.stringify([new Foo]); });
        t2(function () { var a = []; a.push(a); JSON.stringify(a); });
        console.log(JSON.stringify({a: [{b: 1}, 2]}, null, '\t'));
        console.log(JSON.stringify({date: 'x', nested: {arr: [1, 'two', null, true]}}, null, 1));
        console.log(JSON.parse(' [1, 2.5e3, -0.5, "x\\u0041\\n"] ')[3], JSON.parse('"\\ud83d\\ude00"').length, JSON.parse('{"__proto__": {"x": 1}}').__proto__);
        console.log(Object.keys(JSON.parse('{"b":1,"a":2,"1":3,"0":4}')));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_node(same_as_node, name):
    same_as_node(PRELUDE + CASES[name])
