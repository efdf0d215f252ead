// DataView: every getter and setter in both byte orders, offsets into the buffer, and the
// bounds and argument errors.
const buffer = new ArrayBuffer(16);
const view = new DataView(buffer, 2, 12);
console.log(view.byteOffset, view.byteLength, view.buffer === buffer);
view.setInt8(0, -5);
view.setUint8(1, 250);
view.setInt16(2, -300);
view.setUint16(4, 0xABCD, true);
view.setInt32(6, -123456789);
console.log(view.getInt8(0), view.getUint8(0), view.getUint8(1), view.getInt16(2), view.getInt16(2, true));
console.log(view.getUint16(4), view.getUint16(4, true), view.getInt32(6), view.getUint32(6, true));
view.setFloat32(0, Math.PI);
console.log(view.getFloat32(0), view.getFloat32(0, true));
view.setFloat64(4, -1 / 3, true);
console.log(view.getFloat64(4, true), view.getFloat64(4));
view.setUint32(0, 2 ** 32 - 1);
console.log(view.getUint32(0), view.getInt32(0), Array.from(new Uint8Array(buffer, 0, 8)).join(","));
for (const f of [() => view.getInt32(10), () => view.setFloat64(5, 1), () => view.getUint8(-1),
                 () => new DataView(buffer, 17), () => new DataView(buffer, 8, 9), () => new DataView({}),
                 () => DataView.prototype.getInt8.call(new Uint8Array(4), 0)]) {
    try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}
console.log(Object.prototype.toString.call(view), new DataView(new SharedArrayBuffer(4)).byteLength);
