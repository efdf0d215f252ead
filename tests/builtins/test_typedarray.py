"""ArrayBuffer, SharedArrayBuffer, DataView, typed arrays (BigInt64/BigUint64 included) and Atomics on
them: differential cases against node, plus what node cannot check — detaching through the test262 host hook (TA-1),
element accesses racing across threads (TA-2), Atomics on shared views from threads (TA-4, TA-5)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CASES = {
    "construct_and_convert": r"""
        for (const K of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array])
            console.log(K.name, K.length, new K([300, -1.5, 2.5, NaN, 1e10, -0]).join());
        console.log(new Uint8Array(new ArrayBuffer(8), 3).length, new Int16Array(new ArrayBuffer(8), 2, 1).byteOffset);
        for (const f of [() => new Int16Array(new ArrayBuffer(8), 1), () => new Int16Array(new ArrayBuffer(7)),
                         () => new Uint8Array(new ArrayBuffer(4), 5), () => new Uint8Array(-1), () => Int8Array(1),
                         () => new (Object.getPrototypeOf(Int8Array))()])
            try { f() } catch (e) { console.log(e.name) }
    """,
    "exotic_keys": r"""
        var t = new Int32Array([1, 2, 3]);
        t[3] = 9; t['-0'] = 9; t['1e3'] = 9; t['0.5'] = 9; t.x = 1;
        console.log(Object.keys(t).join(), t[3], t['-0'], '0.5' in t, '2' in t, Object.getOwnPropertyNames(t).length);
        console.log(JSON.stringify(t), Object.entries(t).length, delete t[5], delete t.x);
        var o = Object.create(t); o[1] = 50; o[7] = 1; console.log(t[1], o[1], o.hasOwnProperty(7), o.hasOwnProperty(1));
    """,
    "methods": r"""
        var t = new Float32Array([3, 1, NaN, -0, 0, -5, 2]);
        console.log(t.slice().sort().join(), t.slice().sort((a, b) => b - a).join(), t.indexOf(NaN), t.includes(NaN));
        var u = new Uint8Array(10).map((_, i) => i);
        u.set(u.subarray(0, 5), 3); console.log(u.join());
        u.copyWithin(1, 6, 9); console.log(u.join(), u.fill(7, -2).join(), u.reverse().join());
        console.log(u.subarray(-3).join(), u.subarray(2, 4).buffer === u.buffer, u.lastIndexOf(7), u.at(-2));
        console.log(Uint16Array.from({length: 3}, (v, i) => i * 1000).join(), Int8Array.of(127, 128).join());
        console.log([...new Int8Array([4, 5]).entries()].join('|'), new Int8Array([1, 2]).toString());
        try { new Uint8Array(2).set([1], 2) } catch (e) { console.log(e.name) }
        try { new Uint8Array(2).set([1], -1) } catch (e) { console.log(e.name) }
    """,
    "species": r"""
        class A extends Int16Array {}
        var a = new A([1, 2, 3]);
        console.log(a.map(x => x).constructor.name, a.filter(Boolean).constructor.name, a.slice(1).constructor.name);
        class Small extends Int16Array { static get [Symbol.species]() { return function () { return new Int16Array(1) } } }
        try { new Small([1, 2]).slice() } catch (e) { console.log(e.name) }
        class Wrong extends Int16Array { static get [Symbol.species]() { return function () { return [] } } }
        try { new Wrong([1]).map(x => x) } catch (e) { console.log(e.name) }
        var b = new ArrayBuffer(8);
        class B extends ArrayBuffer { static get [Symbol.species]() { return function () { return b } } }
        try { new B(8).slice(0, 4); console.log('sliced') } catch (e) { console.log(e.name) }
    """,
    "dataview": r"""
        var v = new DataView(new ArrayBuffer(12), 1);
        v.setInt16(0, -2); v.setUint32(2, 0xDEADBEEF, true); v.setFloat64(2, 1.25);
        console.log(v.getInt16(0), v.getUint16(0, true), v.getFloat64(2), v.getUint32(2), v.getInt8(9));
        for (const f of [() => v.getUint32(8), () => v.setInt8(11, 0), () => new DataView(v.buffer, 13), () => v.getInt8(-1)])
            try { f() } catch (e) { console.log(e.name) }
    """,
    "atomics_single_thread": r"""
        var i8 = new Int8Array(new SharedArrayBuffer(4)), u16 = new Uint16Array(4), i32 = new Int32Array(new SharedArrayBuffer(8));
        console.log(Atomics.add(i8, 0, 200), i8[0], Atomics.sub(u16, 1, 1), u16[1], Atomics.exchange(i32, 1, -7), i32[1]);
        console.log(Atomics.compareExchange(i32, 1, -7, 5), i32[1], Atomics.compareExchange(i32, 1, 0, 6), i32[1]);
        console.log(Atomics.and(u16, 1, 0xF0F0), Atomics.or(u16, 1, 1), Atomics.xor(u16, 1, 0xFFFF), Atomics.load(u16, 1));
        console.log(Atomics.store(i32, 0, -0), Atomics.store(i32, 0, 3.7), Atomics.load(i32, 0), Atomics.isLockFree(4));
        console.log(Atomics.wait(i32, 0, 4), Atomics.wait(i32, 0, 3, 0), Atomics.notify(i32, 0), Atomics.notify(new Int32Array(2), 0));
        for (const f of [() => Atomics.add(new Float64Array(1), 0, 1), () => Atomics.load(new Uint8ClampedArray(1), 0),
                         () => Atomics.store(i32, 2, 1), () => Atomics.wait(new Int32Array(1), 0, 0),
                         () => Atomics.wait(i8, 0, 0), () => Atomics.notify(u16, 0)])
            try { f() } catch (e) { console.log(e.name) }
    """,
    "bigint_hot_loops": r"""
        // The interpreter's element fast paths must leave BigInt kinds to the generic path: hot
        // loops read BigInts and a Number store throws, however warm the site is (TA-6).
        function sum(t) { let s = 0n; for (let i = 0; i < t.length; i++) s += t[i]; return s; }
        function put(t, v) { for (let i = 0; i < t.length; i++) t[i] = v; }
        const n = new Float64Array(64), b = new BigInt64Array(64), u = new BigUint64Array(64);
        for (let r = 0; r < 200; r++) { put(n, r); put(b, BigInt(r)); put(u, -1n); }
        console.log(String(sum(b)), String(sum(u) % 1000n), typeof b[3], n[3]);
        for (let r = 0; r < 3; r++) try { put(b, 1) } catch (e) { console.log(e.name, String(b[0])) }
        try { put(n, 1n) } catch (e) { console.log(e.name, n[0]) }
    """,
    "bigint_content_types": r"""
        const b = new BigInt64Array([3n, -1n]), f = new Float64Array([1.5]);
        for (const g of [() => b.set(f), () => f.set(b), () => new Int32Array(b), () => b.fill(1), () => b.includes(3),
                         () => Atomics.store(b, 0, 1), () => Object.defineProperty(b, '0', {value: 2}),
                         () => new DataView(b.buffer).setBigUint64(0, 1.5)])
            try { console.log(g()) } catch (e) { console.log(e.name) }
        console.log(b.join(), b.indexOf(-1n), b.lastIndexOf(3n), b.includes(2n ** 64n - 1n), Reflect.ownKeys(b).join());
        console.log(Object.getOwnPropertyDescriptor(b, 1).value === -1n, b.toString(), b.toLocaleString() === '3,-1');
    """,
    "inspect": r"""
        console.log(new Uint8Array([1, 2, 3]), new Float32Array(0), [new Int8Array(1)]);
        console.log(new ArrayBuffer(3), new DataView(new ArrayBuffer(1)));
        var t = new Uint8Array(130); t.extra = true; console.log(t);
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_typedarray(name, same_as_node):
    same_as_node(CASES[name])


def run_engine(code, *flags, env_extra=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "jsthreads", "run", *flags, "-e", code], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


DETACH = r"""
    var detach = $262.detachArrayBuffer;
    var b = new ArrayBuffer(8), t = new Int32Array(b), v = new DataView(b);
    t[0] = 5;
    var seen = [];
    t.forEach((x, i) => { if (i == 0) detach(b); seen.push(x) });
    console.log(seen.join(), t.length, t.byteLength, t[0], b.byteLength, 0 in t, t.buffer === b);
    for (const f of [() => t.fill(1), () => t.join(), () => v.getInt8(0), () => v.byteLength, () => b.slice(0),
                     () => new Int8Array(b), () => Atomics.load(t, 0)])
        try { f(); console.log('no error') } catch (e) { console.log(e.name) }
    t[0] = 1; console.log(t[0], Object.keys(t).length);
    var c = new Uint8Array(4);
    console.log(c.set([1, 2, 3, { valueOf() { detach(c.buffer); return 4 } }]), c.length);
    var d = new Uint8Array([3, 1, 2]);
    d.sort((x, y) => { detach(d.buffer); return x - y }); console.log(d.length);
    console.log(new Uint8Array(8).fill({ valueOf() { return 1 } }).join());
"""


def test_detach_through_host_hook_is_safe():
    """A detached view reads as empty and throws where the spec says; detaching from inside a
    callback or a conversion never crashes (the bytes stay allocated until collection, TA-1)."""
    result = run_engine(DETACH, "--shell-helpers")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "5, 0 0 undefined 0 false true",
        "TypeError", "TypeError", "TypeError", "TypeError", "TypeError", "TypeError", "TypeError",
        "undefined 0", "undefined 0", "0", "1,1,1,1,1,1,1,1",
    ]


BIGINT_DETACH = r"""
    var detach = $262.detachArrayBuffer;
    var b = new BigInt64Array(4), v = new DataView(b.buffer);
    b[0] = { valueOf() { detach(b.buffer); return 5n } };
    console.log(b.length, b[0], String(b.byteLength));
    for (const f of [() => v.setBigInt64(0, { valueOf() { return 1n } }), () => Atomics.load(b, 0),
                     () => b.fill({ valueOf() { return 1n } })])
        try { f(); console.log('no error') } catch (e) { console.log(e.name) }
    var c = new BigInt64Array(new SharedArrayBuffer(16)), d = new BigInt64Array(8);
    try { Atomics.add(d, 0, { valueOf() { detach(d.buffer); return 1n } }) } catch (e) { console.log(e.name) }
    var s = new BigInt64Array([3n, 1n, 2n]);
    s.sort((x, y) => { detach(s.buffer); return Number(x - y) }); console.log(s.length);
    var e = new DataView(new ArrayBuffer(8));
    try { e.setBigInt64(0, { valueOf() { detach(e.buffer); return 1n } }) } catch (err) { console.log(err.name) }
"""


def test_bigint_views_detached_mid_conversion_are_safe():
    """ToBigInt runs JS that may detach the buffer: the store is then dropped (element set) or a
    TypeError (DataView, Atomics), never a write into freed or foreign memory (TA-1, TA-6)."""
    result = run_engine(BIGINT_DETACH, "--shell-helpers")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "0 undefined 0", "TypeError", "TypeError", "TypeError", "TypeError", "0", "TypeError",
    ]


def test_detach_hook_only_with_shell_helpers():
    result = run_engine("console.log(typeof $262)")
    assert result.stdout.strip() == "undefined"


RACE = r"""
    const sab = new SharedArrayBuffer(4 * 1024);
    const counts = new Int32Array(sab), plain = new Float64Array(sab, 2048, 256);
    const workers = [];
    for (let t = 0; t < 4; t++) workers.push(new Thread(() => {
        for (let round = 0; round < 200; round++)
            for (let i = 0; i < 64; i++) {
                Atomics.add(counts, i, 1);
                plain[i] = t % 2 ? 0.1 : -1e200;
                plain[(i + round) & 255] += 0;
            }
    }));
    workers.forEach(w => w.join());
    let total = 0; for (let i = 0; i < 64; i++) total += counts[i];
    console.log(total, Array.from(plain).every(x => x === 0 || x === 0.1 || x === -1e200));
"""


@pytest.mark.parametrize("flags", [(), ("--gil",)])
def test_threads_share_buffers_without_losing_atomics_or_tearing(flags):
    result = run_engine(RACE, *flags)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "51200 true"


def test_buffers_survive_gc_stress():
    """Buffers and views allocated under collection stress keep their bytes (the storage cell is
    traced from the buffer, the buffer from every view)."""
    code = r"""
        let keep = [];
        for (let i = 0; i < 300; i++) {
            const t = new Uint16Array(64 + i);
            t.fill(i);
            keep.push(t.subarray(1), new DataView(t.buffer));
        }
        let ok = true;
        for (let i = 0; i < 300; i++) ok = ok && keep[2 * i][0] === i && keep[2 * i + 1].getUint16(0, true) === i;
        console.log(ok);
    """
    result = run_engine(code, env_extra={"JSTHREADS_GC_STRESS": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "true"


def test_transfer_moves_bytes_and_exactly_one_racing_transfer_wins():
    """ES2024 transfer(): the bytes move (same length hands the storage over), the source reads
    as detached; of threads racing to transfer one buffer exactly one wins (the detach is a CAS)."""
    code = r"""
        const b = new ArrayBuffer(4), view = new Uint8Array(b);
        view[0] = 7;
        const c = b.transfer(), d = c.transfer(6), grown = new Uint8Array(d).join(), e = d.transferToFixedLength(1);
        console.log(b.detached, view.length, c.byteLength, c.detached, grown, new Uint8Array(e).join());
        let wins = 0;
        for (let round = 0; round < 20; round++) {
            const shared = new ArrayBuffer(64);
            const racers = [0, 1, 2].map(() => new Thread(() => { try { shared.transfer(); return 1 } catch (err) { return 0 } }));
            wins += racers.reduce((n, t) => n + t.join(), 0);
        }
        console.log(wins);
    """
    for flags in [(), ("--gil",)]:
        result = run_engine(code, *flags)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ["true 0 0 true 7,0,0,0,0,0 7", "20"]
