"""ES2024 resizable ArrayBuffers and growable SharedArrayBuffers (TA-8, TA-9), ArrayBuffer
transfer, ES2025 Float16Array / DataView Float16 / Math.f16round (TA-10), and the Atomics texts
of the typed-array path. Resizable buffers are checked against node (v20 ships them); transfer
against node with --harmony-rab-gsab-transfer; Float16 (which node 20 lacks) against values
worked out by hand from the binary16 format."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")


def _run(argv):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)


def jsthreads(code, *flags):
    return _run([sys.executable, "-m", "jsthreads", "run", *flags, "-e", code])


def lines_of(code, *flags):
    result = jsthreads(code, *flags)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


NODE_CASES = {
    "construct_and_resize": r"""
        const ab = new ArrayBuffer(8, { maxByteLength: 16 });
        console.log(ab.resizable, ab.maxByteLength, ab.byteLength, new ArrayBuffer(3).resizable, new ArrayBuffer(3).maxByteLength);
        const u8 = new Uint8Array(ab), fixed = new Uint8Array(ab, 4, 4), dv = new DataView(ab), dvf = new DataView(ab, 2, 2);
        u8.fill(7);
        console.log(u8.length, fixed.length, dv.byteLength, dvf.byteLength);
        ab.resize(16);
        console.log(u8.length, u8.join(), dv.byteLength, u8.byteLength);
        ab.resize(6);
        console.log(u8.length, fixed.length, fixed.byteOffset, fixed.byteLength, u8[7], 7 in u8, dvf.byteLength);
        for (const f of [() => fixed.fill(1), () => dv.getUint8(6), () => fixed.join(), () => ab.resize(17),
                         () => new ArrayBuffer(4).resize(2), () => new ArrayBuffer(10, { maxByteLength: 5 }),
                         () => new Uint8Array(ab, 7), () => new DataView(ab, 7)])
            try { f(); console.log('no error') } catch (e) { console.log(e.name) }
        ab.resize(12);
        console.log(fixed.length, u8.join());
        const sub = u8.subarray(2), sub2 = u8.subarray(2, 4);
        ab.resize(10);
        console.log(sub.length, sub2.length, new Uint16Array(ab).length, new Uint16Array(ab, 2).byteLength);
        ab.resize(0);
        console.log(u8.length, sub.length, sub.byteOffset, [...u8].length);
    """,
    "methods_after_shrink": r"""
        const ab = new ArrayBuffer(8, { maxByteLength: 8 });
        const u8 = new Uint8Array(ab);
        u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
        u8.fill({ valueOf() { ab.resize(4); return 9; } });
        console.log(u8.join(), ab.byteLength);
        ab.resize(8);
        console.log(u8.join());
        u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
        console.log(u8.copyWithin(0, { valueOf() { ab.resize(6); return 2; } }).join());
        ab.resize(8);
        const seen = [];
        u8.forEach((v, i) => { if (i === 1) ab.resize(3); seen.push(v); });
        console.log(seen.join(), u8.indexOf(0), u8.includes(undefined));
        ab.resize(8);
        u8.set([8, 7, 6, 5, 4, 3, 2, 1]);
        console.log(u8.slice(2, 6).join(), u8.toString(), u8.at(-1));
        u8.sort((a, b) => { ab.resize(2); return a - b; });
        console.log(u8.length, u8.join());
    """,
    "growable_shared": r"""
        const sab = new SharedArrayBuffer(4, { maxByteLength: 12 });
        console.log(sab.growable, sab.maxByteLength, sab.byteLength, new SharedArrayBuffer(2).growable);
        const i32 = new Int32Array(sab), dv = new DataView(sab);
        i32[0] = 5;
        sab.grow(12);
        console.log(i32.length, i32.join(), dv.byteLength, sab.byteLength);
        sab.grow(12);
        for (const f of [() => sab.grow(8), () => sab.grow(13), () => new SharedArrayBuffer(4).grow(4)])
            try { f(); console.log('no error') } catch (e) { console.log(e.name) }
        console.log(Atomics.add(i32, 2, 3), Atomics.load(i32, 2), sab.slice(0, 4).byteLength);
    """,
}


@pytest.mark.parametrize("name", sorted(NODE_CASES))
def test_resizable_buffers_match_node(name):
    if NODE is None:
        pytest.skip("node is not installed")
    code = NODE_CASES[name]
    theirs = _run([NODE, "-e", code])
    assert theirs.returncode == 0, theirs.stderr
    assert jsthreads(code).stdout == theirs.stdout


def test_transfer_matches_node():
    if NODE is None:
        pytest.skip("node is not installed")
    code = r"""
        const ab = new ArrayBuffer(8, { maxByteLength: 16 });
        const u8 = new Uint8Array(ab);
        u8.fill(7);
        ab.resize(4);
        const t = ab.transfer(6);
        console.log(ab.detached, ab.byteLength, u8.length, t.resizable, t.maxByteLength, new Uint8Array(t).join());
        const f = t.transferToFixedLength(10);
        console.log(t.detached, f.resizable, f.byteLength, new Uint8Array(f).join());
        const g = f.transfer();
        console.log(g.byteLength, g.resizable, new Uint8Array(g, 8).join());
        for (const x of [() => f.transfer(), () => t.resize(1), () => g.transfer(-1), () => new Uint8Array(f),
                         () => ab.transfer(), () => ab.slice(0)])
            try { x(); console.log('no error') } catch (e) { console.log(e.name) }
        console.log(new ArrayBuffer(4, { maxByteLength: 8 }).transfer(8).byteLength);
    """
    theirs = _run([NODE, "--harmony-rab-gsab-transfer", "-e", code])
    assert theirs.returncode == 0, theirs.stderr
    assert jsthreads(code).stdout == theirs.stdout


def test_float16_conversions_round_to_nearest_even():
    # Expected values from the binary16 format: 11 significant bits, exponents -14..15,
    # subnormals in steps of 2^-24, ties to even; largest finite 65504.
    assert lines_of(r"""
        const f = Math.f16round;
        console.log(f(1.337), f(0.1), f(65504), f(65519.99), f(65520), f(-1e6), f(Infinity));
        console.log(f(2 ** -24), f(2 ** -25), f(2 ** -25 * 1.0000001), f(3 * 2 ** -25), f(2 ** -14), f(5e-324));
        console.log(Object.is(f(-0), -0), Object.is(f(-1e-10), -0), f(NaN), f(), f('2.5'), f(2049), f(2051));
        console.log(f(1 + 2 ** -11), f(1 + 3 * 2 ** -11), f(1 + 2 ** -11 + 2 ** -40), f.length, f.name);
    """) == [
        "1.3369140625 0.0999755859375 65504 65504 Infinity -Infinity Infinity",
        "5.960464477539063e-8 0 5.960464477539063e-8 1.1920928955078125e-7 0.00006103515625 0",
        "true true NaN NaN 2.5 2048 2052",
        "1 1.001953125 1.0009765625 1 f16round",
    ]


def test_float16_array_and_dataview():
    assert lines_of(r"""
        const h = new Float16Array([1.5, 0.1, 70000, -2, 1e-7, NaN]);
        console.log(h.join(), Float16Array.BYTES_PER_ELEMENT, h.byteLength, Object.prototype.toString.call(h));
        console.log(new Uint16Array(h.buffer).join());
        console.log(new Float16Array([3, 1, NaN, -0, 0, -5]).sort().join(), h.indexOf(-2), h.includes(NaN));
        const v = new DataView(new ArrayBuffer(4));
        v.setFloat16(0, 3.14159);
        console.log(v.getFloat16(0), v.getUint16(0).toString(16), v.getFloat16(0, true), v.getFloat16.length, v.setFloat16.length);
        v.setFloat16(2, -65504, true);
        console.log(v.getFloat16(2, true), v.getUint8(2), v.getUint8(3));
        try { v.getFloat16(3) } catch (e) { console.log(e.name) }
        console.log(new Float16Array(new Float64Array([1 / 3])).join(), Float16Array.from([2.0009765625]).join());
        try { Atomics.load(h, 0) } catch (e) { console.log(e.name) }
    """) == [
        "1.5,0.0999755859375,Infinity,-2,1.1920928955078125e-7,NaN 2 12 [object Float16Array]",
        "15872,11878,31744,49152,2,32256",
        "-5,0,0,1,3,NaN 3 true",
        "3.140625 4248 8.515625 1 2",
        "-65504 255 251",
        "RangeError",
        "0.333251953125 2",
        "TypeError",
    ]


def test_atomics_messages_of_the_typed_array_path():
    assert lines_of(r"""
        const show = (f) => { try { f() } catch (e) { console.log(String(e)) } };
        show(() => Atomics.load(new Int32Array(4), 4));
        show(() => Atomics.wait(new Int32Array(4), 0, 0));
        show(() => Atomics.notify(new Uint32Array(new SharedArrayBuffer(8)), 0));
        show(() => Atomics.add(new Float64Array(2), 0, 1));
        show(() => Atomics.store(new DataView(new ArrayBuffer(8)), 0, 1));
        const ab = new ArrayBuffer(16, { maxByteLength: 16 });
        const i32 = new Int32Array(ab);
        show(() => Atomics.store(i32, 3, { valueOf() { ab.resize(8); return 1; } }));
        show(() => Atomics.store(i32, 0, { valueOf() { ab.transfer(); return 1; } }));
    """) == [
        "RangeError: Access index out of bounds for atomic access.",
        "TypeError: Typed array for wait/waitAsync/notify must wrap a SharedArrayBuffer.",
        "TypeError: Typed array argument must be an Int32Array or BigInt64Array.",
        "TypeError: Typed array argument must be an Int8Array, Int16Array, Int32Array, Uint8Array, "
        "Uint16Array, Uint32Array, BigInt64Array, or BigUint64Array.",
        "TypeError: Typed array argument must be an Int8Array, Int16Array, Int32Array, Uint8Array, "
        "Uint16Array, Uint32Array, BigInt64Array, or BigUint64Array.",
        "RangeError: Access index out of bounds for atomic access.",
        "TypeError: Cannot perform Atomics operation on a detached ArrayBuffer",
    ]


@pytest.mark.parametrize("mode", ["--gil", "--threads"])
def test_spawned_thread_typed_array_wait_gate(mode):
    # Under the GIL a spawned Thread's typed-array Atomics.wait throws before looking at its
    # arguments; under --threads it runs (here: "not-equal", never blocking).
    out = lines_of(r"""
        const i32 = new Int32Array(new SharedArrayBuffer(8));
        const t = new Thread(() => {
            try { return Atomics.wait(i32, 0, 1) } catch (e) { return String(e) }
        });
        console.log(t.join());
    """, mode)
    assert out == (["TypeError: Atomics.wait cannot be called from the current thread."] if mode == "--gil"
                   else ["not-equal"])
