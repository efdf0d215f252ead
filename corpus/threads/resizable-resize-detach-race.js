// @repeat: 2
// Resizable buffers under races [TA-8, TA-9]: readers on 3 threads read through a length-tracking
// Uint8Array, a fixed-length Uint32Array and a DataView while main shrinks, regrows, transfers
// and detaches the buffer they view. Every byte read is a sentinel or a zero from a regrow, every
// read may be undefined (out of range) or a TypeError/RangeError from the DataView: never
// another value, never a crash. A 32-bit element may mix sentinel and zero bytes: main's fill
// writes the bytes through a Uint8Array, so a racing wider read can land in the middle of it. Then 4 threads race grow() on one growable SharedArrayBuffer: the length only rises
// and ends at the largest request, and grown bytes read zero.
const MAX = 4096, SENTINEL = 0xab;
const bytesOk = (w) => [0, 8, 16, 24].every((s) => ((w >>> s) & 0xff) === 0 || ((w >>> s) & 0xff) === SENTINEL);
const box = { buf: null, stop: 0, passes: 0 };
const readers = [];
for (let r = 0; r < 3; r++) {
    readers.push(new Thread(() => {
        let bad = 0, reads = 0, counted = false;
        const why = [];   // what a failing reader saw, so that a rare failure can be diagnosed
        const note = (s) => { bad++; if (why.length < 3) why.push(s); };
        while (Atomics.load(box, "stop") === 0) {
            const buf = box.buf;
            if (!buf) continue;
            // Main may detach buf at any moment, even between a check and a construction.
            let u8 = new Uint8Array(0), u32 = null, dv = null;
            try {
                u8 = new Uint8Array(buf);
                u32 = new Uint32Array(buf, 0, 64);
                dv = new DataView(buf);
            } catch (e) {
                if (!(e instanceof TypeError || e instanceof RangeError)) note("construct threw " + e);
            }
            for (let i = 0; i < MAX; i += 61) {
                const v = u8[i];
                if (v !== undefined && v !== 0 && v !== SENTINEL) note("u8[" + i + "] = " + v);
                reads++;
            }
            if (u32) for (let i = 0; i < 64; i += 7) {
                const w = u32[i];
                if (w !== undefined && !bytesOk(w)) note("u32[" + i + "] = " + w);
            }
            if (dv) {
                try {
                    const b = dv.getUint8((reads * 13) % MAX);
                    if (b !== 0 && b !== SENTINEL) note("dv byte " + b);
                } catch (e) {
                    if (!(e instanceof RangeError || e instanceof TypeError)) note("dv threw " + e);
                }
            }
            if (reads > 0 && !counted) counted = Atomics.add(box, "passes", 1) >= 0;
        }
        return bad === 0 && reads > 0 ? true : `bad ${bad} reads ${reads}: ${why.join("; ")}`;
    }));
}
// At least 150 rounds, and on until every reader has made a pass (threads start late).
for (let round = 0; round < 150 || (Atomics.load(box, "passes") < 3 && round < 20000); round++) {
    const buf = new ArrayBuffer(MAX, { maxByteLength: MAX });
    new Uint8Array(buf).fill(SENTINEL);
    box.buf = buf;
    buf.resize(100);
    buf.resize(MAX);
    new Uint8Array(buf).fill(SENTINEL);
    buf.resize(7);
    const moved = buf.transfer(round % 2 ? 3 : MAX);
    if (round % 3 === 0) box.buf = moved;
    moved.transferToFixedLength();
    if (round >= 150) Atomics.wait(box, "stop", 0, 1);   // a bounded yield, so readers run under the GIL
}
Atomics.store(box, "stop", 1);
console.log("readers:", readers.map(t => t.join()).join(" "));

const sab = new SharedArrayBuffer(16, { maxByteLength: MAX });
const growers = [];
for (let g = 0; g < 4; g++) {
    growers.push(new Thread(() => {
        const view = new Uint8Array(sab);
        // On a failure the result names what went wrong, so a rare one can be diagnosed.
        let last = sab.byteLength, why = "";
        for (let step = 1; step <= 64 && !why; step++) {
            const target = Math.min(step * 64 + g, MAX);
            try { sab.grow(target); } catch (e) {
                if (!(e instanceof RangeError && sab.byteLength >= target))
                    why = `grow(${target}) threw ${e} at byteLength ${sab.byteLength}`;
            }
            const now = sab.byteLength, length = view.length;
            if (now < last) why += ` byteLength fell ${last} -> ${now}`;
            if (length < now) why += ` view.length ${length} < byteLength ${now} read before it`;
            if (now > 0 && view[now - 1] !== 0) why += ` view[${now - 1}] is ${view[now - 1]}`;
            last = now;
        }
        return why || true;
    }));
}
console.log("growers:", growers.map(t => t.join()).join(" "), sab.byteLength, new Uint8Array(sab).every(b => b === 0));
