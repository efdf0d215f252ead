"""Array constructor, statics and Array.prototype, compared with node."""
import pytest

CASES = {
    "constructor": r"""
        console.log(Array(3).length, new Array(2, 3).join(), Array('5').length, Array.of(7).length);
        try { new Array(-1) } catch (e) { console.log(e.name, e.message) }
        try { Array(1.5) } catch (e) { console.log(e.name, e.message) }
        console.log(Array.isArray([]), Array.isArray({length: 0}), Array.isArray(Array.prototype));
        console.log(Array.length, Array.name, Array.prototype.length, typeof Array.prototype.values);
        console.log(Array.prototype[Symbol.iterator] === Array.prototype.values);
        console.log(Object.keys(Array.prototype[Symbol.unscopables]).join());
    """,
    "from_of": r"""
        console.log(Array.from('héllo').join('|'), Array.from({length: 3}, (_, i) => i * i).join());
        console.log(Array.from(new Set([1, 1, 2])).join(), Array.from([1, 2], function (x) { return x + this.d }, {d: 10}).join());
        console.log(Array.from({length: 2, 0: 'a', 1: 'b'}).join(), Array.of(1, 2, 3).join());
        function C(n) { this.n = n } var c = Array.of.call(C, 'x', 'y'); console.log(c instanceof C, c.length, c[1], c.n);
        var d = Array.from.call(C, {length: 1, 0: 5}); console.log(d instanceof C, d.n, d[0], d.length);
        try { Array.from([1], 5) } catch (e) { console.log(e.name) }
        var it = {[Symbol.iterator]() { var i = 0; return {next() { return {done: i > 2, value: i++} }, return() { console.log('closed'); return {} }} }};
        try { Array.from(it, x => { if (x == 1) throw 'boom'; return x }) } catch (e) { console.log('caught', e) }
    """,
    "iteration": r"""
        var a = [1, 2, 3, 4];
        console.log(a.map(x => x * 2).join(), a.filter(x => x % 2).join(), a.some(x => x > 3), a.every(x => x > 0));
        console.log(a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + x, ''), a.find(x => x > 2), a.findIndex(x => x > 9));
        console.log(a.findLast(x => x < 3), a.findLastIndex(x => x < 3), a.at(-1), a.at(9));
        var log = []; [1, , 3].forEach((x, i) => log.push(i + ':' + x)); console.log(log.join());
        try { [].reduce((a, b) => a) } catch (e) { console.log(e.name, e.message) }
        try { [1].map(1) } catch (e) { console.log(e.name, e.message) }
        console.log([, , 5].reduce((a, b) => a + b), [1, 2, 3].map(function () { return this.k }, {k: 'k'}).join());
    """,
    "mutation_during_iteration": r"""
        var a = [1, 2, 3]; var seen = [];
        a.forEach((x, i) => { seen.push(x); if (i == 0) { a.push(9); a[2] = 7 } });
        console.log(seen.join(), a.join());
        var b = [1, 2, 3, 4]; var out = [];
        b.forEach(x => { out.push(x); b.pop() }); console.log(out.join());
        Object.defineProperty(Array.prototype, 1, {get() { return 'proto' }, configurable: true});
        console.log([0, , 2].map(x => x).join(), [0, , 2].indexOf('proto'), [0, , 2].includes('proto'));
        delete Array.prototype[1];
        var c = [5, 6, 7]; Object.defineProperty(c, 1, {get() { return 'g' }}); console.log(c.join(), c.indexOf('g'));
    """,
    "search": r"""
        var a = [1, NaN, -0, 'x', undefined];
        console.log(a.indexOf(NaN), a.includes(NaN), a.indexOf(0), a.includes(0), a.lastIndexOf(1), a.indexOf(undefined));
        console.log([1, 2, 1].lastIndexOf(1, -2), [1, 2, 1].indexOf(1, -1), [1, 2, 3].includes(3, -1), [1].indexOf(1, Infinity));
        console.log([, undefined].indexOf(undefined), [, ].includes(undefined), [1, 2, 3].lastIndexOf(3, -5));
    """,
    "slice_concat_splice": r"""
        var a = [1, 2, 3, 4, 5];
        console.log(a.slice(1, -1).join(), a.slice(-2).join(), a.slice(3, 1).length, a.concat([6, [7]], 8).length);
        var b = a.slice(); console.log(b.splice(1, 2).join(), b.join(), b.splice(1, 0, 'a', 'b').length, b.join());
        var c = [1, 2, 3]; console.log(c.splice(-1).join(), c.join(), c.splice().length, c.splice(0, 1, 9, 9, 9).join(), c.join());
        var s = {length: 2, 0: 'x', 1: 'y', [Symbol.isConcatSpreadable]: true}; console.log([0].concat(s).join());
        var arr = [1, 2]; arr[Symbol.isConcatSpreadable] = false; console.log([0].concat(arr).length);
        console.log([1, , 3].concat([4, , 6]).length, 1 in [1, , 3].concat([4]));
        console.log(Array.prototype.concat.call(1, 2).length, typeof Array.prototype.concat.call(1, 2)[0]);
    """,
    "push_pop_shift_unshift": r"""
        var a = []; console.log(a.push(1, 2, 3), a.pop(), a.shift(), a.unshift(7, 8), a.join());
        var o = {length: '2', 0: 'a', 1: 'b'}; Array.prototype.push.call(o, 'c'); console.log(o.length, o[2]);
        console.log(Array.prototype.pop.call(o), o.length, Array.prototype.shift.call(o), o.length, o[0]);
        var big = {length: 2 ** 53 - 1}; try { Array.prototype.push.call(big, 1) } catch (e) { console.log(e.name) }
        try { Object.freeze([1]).push(2) } catch (e) { console.log(e.name) }
        try { Object.freeze([1]).pop() } catch (e) { console.log(e.name) }
        var e = []; console.log(e.pop(), e.shift(), e.length, [].unshift(), [1, , 3].shift());
    """,
    "sort": r"""
        console.log([3, 1, 10, 2].sort().join(), [3, 1, 10, 2].sort((a, b) => a - b).join());
        console.log(['b', undefined, 'a', , 'c'].sort().length, ['b', undefined, 'a', , 'c'].sort().join());
        var s = [{k: 1, v: 'a'}, {k: 0, v: 'b'}, {k: 1, v: 'c'}, {k: 0, v: 'd'}].sort((x, y) => x.k - y.k);
        console.log(s.map(x => x.v).join());
        var h = [5, , 1, undefined]; h.sort(); console.log(h.length, 0 in h, 1 in h, 2 in h, 3 in h, h[2]);
        try { [1, 2].sort(1) } catch (e) { console.log(e.name, e.message) }
        try { [2, 1].sort(() => { throw 'x' }) } catch (e) { console.log('threw', e) }
        var o = {length: 3, 0: 'c', 2: 'a'}; Array.prototype.sort.call(o); console.log(o[0], o[1], 2 in o);
        console.log([1, 2, 3].toSorted((a, b) => b - a).join(), [1, 2].toReversed().join(), [1, 2, 3].with(1, 9).join());
        console.log([1, 2, 3, 4].toSpliced(1, 2, 'x').join(), [true, false].sort().join());
    """,
    "reverse_fill_copywithin": r"""
        console.log([1, 2, 3].reverse().join(), [1, , 3, , ].reverse().length, 1 in [1, , 3, 4].reverse());
        console.log([1, 2, 3, 4].fill(0, 1, -1).join(), Array(3).fill('x').join(), [1, 2, 3, 4, 5].copyWithin(0, 3).join());
        console.log([1, 2, 3, 4, 5].copyWithin(1, 0, 3).join(), [1, 2, 3, 4, 5].copyWithin(-2, -4, -3).join());
    """,
    "flat": r"""
        console.log([1, [2, [3, [4]]]].flat().length, [1, [2, [3, [4]]]].flat(Infinity).join(), [[1, , 2]].flat().length);
        console.log([1, 2].flatMap(x => [x, [x * 10]]).length, [1, 2].flatMap(x => x).join(), [].flat.call({length: 1, 0: [5]}).join());
        try { [].flatMap() } catch (e) { console.log(e.name) }
    """,
    "join_tostring": r"""
        var a = [1, [2, 3], null, undefined, 'x']; console.log(a.join(), a.join(' - '), String(a), a.toString());
        var cyc = [1, 2]; cyc.push(cyc); console.log(cyc.join(), String([cyc, 'z']));
        console.log(Array.prototype.toString.call({join: () => 'J'}), Array.prototype.toString.call({}));
        console.log([1.5, 'a'].toLocaleString(), [null, {toLocaleString() { return 'L' }}].toLocaleString());
        console.log(Array.prototype.join.call({length: 3, 1: 'm'}, '+'), [].join(), [undefined].join());
    """,
    "iterators": r"""
        var a = ['a', 'b'];
        console.log([...a.keys()].join(), [...a.values()].join(), [...a.entries()].map(e => e.join(':')).join());
        var it = a[Symbol.iterator](); console.log(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
        a.push('c'); console.log(JSON.stringify(it.next()));
        var proto = Object.getPrototypeOf([][Symbol.iterator]()); console.log(proto[Symbol.toStringTag], Object.prototype.toString.call(it));
        console.log([...Array.prototype.values.call({length: 2, 0: 'x'})].join('|'));
        try { proto.next.call({}) } catch (e) { console.log(e.name) }
        var iterProto = Object.getPrototypeOf(proto); console.log(iterProto[Symbol.iterator].call(5) === 5);
    """,
    "species": r"""
        class MyArray extends Array {}
        var m = MyArray.from([1, 2, 3]);
        console.log(m instanceof MyArray, m.map(x => x) instanceof MyArray, m.filter(Boolean) instanceof MyArray, m.slice().constructor.name);
        console.log(m.length, MyArray.of(1).constructor === MyArray, m.concat([4]).length, m.splice(0, 1) instanceof MyArray);
        var a = [1, 2]; a.constructor = {[Symbol.species]: function (n) { return {length: 0, made: n} }};
        var r = a.map(x => x); console.log(r.made, r[1], Array.isArray(r));
        a.constructor = {[Symbol.species]: null}; console.log(Array.isArray(a.map(x => x)));
        a.constructor = {[Symbol.species]: 1}; try { a.map(x => x) } catch (e) { console.log(e.name) }
        console.log(Array[Symbol.species] === Array);
    """,
    "generic_array_likes": r"""
        var o = {length: 3, 0: 'a', 1: 'b', 2: 'c'};
        console.log(Array.prototype.map.call(o, x => x.toUpperCase()).join(), Array.prototype.indexOf.call(o, 'c'));
        console.log(Array.prototype.slice.call('abc', 1).join(), Array.prototype.join.call('abc', '.'));
        var trace = [];
        var log = {length: 2, get 0() { trace.push('get0'); return 1 }, get 1() { trace.push('get1'); return 2 }};
        try { Array.prototype.reverse.call(log) } catch (e) { trace.push(e.name) } console.log(trace.join());
        try { Array.prototype.map.call(null, x => x) } catch (e) { console.log(e.name, e.message) }
        console.log(Array.prototype.includes.call({length: 1e15, 0: 'z'}, 'z'));
    """,
    "length_edge": r"""
        var a = [1, 2, 3]; a.length = 1; console.log(a.join(), a.length); a[5] = 6; console.log(a.length, a.indexOf(6));
        var b = []; b[2 ** 32 - 2] = 'last'; console.log(b.length, b.lastIndexOf('last'));
        var c = {length: 2 ** 32 + 1}; c[2 ** 32] = 'big'; console.log(Array.prototype.lastIndexOf.call(c, 'big'), Array.prototype.at.call(c, -1));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_array(name, same_as_node):
    same_as_node(CASES[name])
