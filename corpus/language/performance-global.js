// performance (W3C High Resolution Time), the parts that print the same on every run: its shape,
// and that now() moves forward from near 0 with sub-millisecond resolution.
console.log(typeof performance, Object.prototype.toString.call(performance));
const proto = Object.getPrototypeOf(performance);
console.log(["now", "timeOrigin", "toJSON"].map(k => k + ":" + typeof Object.getOwnPropertyDescriptor(proto, k)[k === "timeOrigin" ? "get" : "value"]).join(" "));
const a = performance.now();
let spin = 0;
while (performance.now() === a) spin++;
const b = performance.now();
console.log(a >= 0 && a < 60000, b > a, b - a < 50);
console.log(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 100);
