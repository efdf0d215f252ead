// Date to string and primitive conversions: toISOString/toUTCString/toJSON, console.log of
// dates, Symbol.toPrimitive hints, + and comparison, Invalid Date, and the errors node throws.
const d = new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6));
console.log(d.toISOString(), d.toUTCString(), d.toGMTString(), d.toJSON());
console.log(JSON.stringify({ when: d, list: [new Date(0), new Date(NaN)] }));
console.log(d);
console.log([d, new Date(NaN)], { d });
console.log(new Date(NaN));
console.log(String(new Date(NaN)), new Date(NaN).toDateString(), new Date(NaN).toTimeString(),
            new Date(NaN).toUTCString(), new Date(NaN).toLocaleString(), new Date(NaN).toJSON());
for (const y of [-1, 0, 99, 1000, 9999, 10000, 275760, -271821]) {
  const e = new Date(y === -271821 ? Date.UTC(y, 3, 20) : Date.UTC(y, 0, 1));
  console.log(y, e.toISOString(), e.toUTCString());
}
try { new Date(NaN).toISOString(); } catch (e) { console.log(e.name + ": " + e.message); }
try { Date.prototype.toISOString.call(0); } catch (e) { console.log(e.name); }
try { Date.prototype.toString.call({}); } catch (e) { console.log(e.name); }
const fake = { toISOString() { return "fake!"; }, valueOf() { return 1; } };
console.log(Date.prototype.toJSON.call(fake), Date.prototype.toJSON.call({ valueOf() { return NaN; }, toISOString() { return "x"; } }));
console.log(d[Symbol.toPrimitive]("number"), typeof d[Symbol.toPrimitive]("default"), typeof d[Symbol.toPrimitive]("string"));
try { d[Symbol.toPrimitive]("bogus"); } catch (e) { console.log(e.name + ": " + e.message); }
try { d[Symbol.toPrimitive](); } catch (e) { console.log(e.name + ": " + e.message); }
try { Date.prototype[Symbol.toPrimitive].call(1, "number"); } catch (e) { console.log(e.name); }
console.log(Date.prototype[Symbol.toPrimitive].call({ valueOf() { return 5; }, toString() { return "s"; } }, "number"));
console.log(typeof (d + 1), d - 1, d * 1, +d, d > new Date(0), d == d.toString(), `${d}` === d.toString());
console.log(Object.is(d.valueOf(), d.getTime()), d.getTime() === 1577934245006);
const desc = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive);
console.log(desc.writable, desc.enumerable, desc.configurable, Date.prototype[Symbol.toPrimitive].name,
            Date.prototype[Symbol.toPrimitive].length);
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString, Date.prototype.toGMTString.name);
console.log(Object.keys(Date.prototype).length, Object.getOwnPropertyNames(Date.prototype).length,
            Object.getOwnPropertyDescriptor(Date.prototype, "getTime").enumerable);
console.log(typeof d.toString(), d.toString().length > 20, d.toDateString().split(" ").length,
            d.toLocaleDateString().split("/").length, /* "h:mm:ss AM" */ d.toLocaleTimeString().split(":").length);
