// The UTC setters (overflow, optional arguments, NaN propagation, coercion order), setTime,
// and the local setters checked against the local constructor (zone-independent output).
const d = new Date(Date.UTC(2020, 0, 31, 10, 20, 30, 400));
const log = (label, v) => console.log(label, v, Number.isNaN(d.getTime()) ? "Invalid" : d.toISOString());
log("setUTCMonth(1)", d.setUTCMonth(1));
log("setUTCDate(0)", d.setUTCDate(0));
log("setUTCHours(48)", d.setUTCHours(48));
log("setUTCHours(1,2,3,4)", d.setUTCHours(1, 2, 3, 4));
log("setUTCMinutes(-1)", d.setUTCMinutes(-1));
log("setUTCSeconds(3600, 5)", d.setUTCSeconds(3600, 5));
log("setUTCMilliseconds(1e3)", d.setUTCMilliseconds(1e3));
log("setUTCFullYear(2021, 1, 29)", d.setUTCFullYear(2021, 1, 29));
log("setUTCMonth(25, 3)", d.setUTCMonth(25, 3));
log("setUTCDate(1.9)", d.setUTCDate(1.9));
log("setUTCHours()", d.setUTCHours());
log("setUTCFullYear(2000)", d.setUTCFullYear(2000));
log("setUTCMonth(0)", d.setUTCMonth(0));
log("setTime(0)", d.setTime(0));
log("setTime('86400000')", d.setTime("86400000"));
log("setTime()", d.setTime());
log("setUTCHours(1) on NaN", d.setUTCHours(1));
log("setUTCFullYear(1999) on NaN", d.setUTCFullYear(1999));
log("setUTCMilliseconds(undefined)", d.setUTCMilliseconds(undefined));
d.setTime(0);
log("setUTCFullYear(275760, 8, 14)", d.setUTCFullYear(275760, 8, 14));
d.setTime(0);
log("setUTCMinutes(0, undefined)", d.setUTCMinutes(0, undefined));

// Every present argument is converted, in order.
const order = [];
const arg = (name, v) => ({ valueOf() { order.push(name); return v; } });
const e = new Date(0);
console.log(e.setUTCHours(arg("h", 1), arg("m", 2), arg("s", 3), arg("ms", 4)), order.join(","));
order.length = 0;
const f = new Date(0);
console.log(f.setUTCFullYear(arg("y", 2001), arg("mo", 1), arg("d", 2)), order.join(","));
try { Date.prototype.setUTCHours.call({}, arg("never", 1)); } catch (err) { console.log(err.name, order.join(",")); }

// Local setters agree with the local constructor in every zone.
const g = new Date(2020, 5, 15, 12, 30, 45, 500);
const same = (label, expected) => console.log(label, g.getTime() === expected.getTime());
g.setFullYear(2019); same("setFullYear", new Date(2019, 5, 15, 12, 30, 45, 500));
g.setMonth(0, 31); same("setMonth", new Date(2019, 0, 31, 12, 30, 45, 500));
g.setDate(40); same("setDate", new Date(2019, 0, 40, 12, 30, 45, 500));
g.setHours(0, 0, 0, 0); same("setHours", new Date(2019, 1, 9));
g.setMinutes(90); same("setMinutes", new Date(2019, 1, 9, 1, 30));
g.setSeconds(30, 250); same("setSeconds", new Date(2019, 1, 9, 1, 30, 30, 250));
g.setMilliseconds(-1); same("setMilliseconds", new Date(2019, 1, 9, 1, 30, 29, 999));
console.log(g.getFullYear(), g.getMonth(), g.getDate(), g.getDay(), g.getHours(), g.getMinutes(),
            g.getSeconds(), g.getMilliseconds(), g.getYear());
g.setYear(95); same("setYear(95)", new Date(1995, 1, 9, 1, 30, 29, 999));
g.setYear(2005); same("setYear(2005)", new Date(2005, 1, 9, 1, 30, 29, 999));
console.log(g.setYear(NaN), g.getYear());
const h = new Date(NaN);
h.setFullYear(2010);
console.log("setFullYear on NaN", h.getTime() === new Date(2010, 0, 1).getTime());
console.log(new Date(NaN).setMonth(1), new Date(NaN).setDate(1), new Date(NaN).setHours(1));
console.log(Date.prototype.setHours.length, Date.prototype.setUTCFullYear.length, Date.prototype.setMonth.length,
            Date.prototype.setSeconds.length, Date.prototype.setYear.length);
