// Date construction and the UTC getters: Date.UTC, TimeClip edges, MakeDay/MakeTime overflow,
// two-digit years, expanded years. Everything is printed in UTC so any time zone agrees.
function show(d) {
  const t = d.getTime();
  if (t !== t) return "NaN";
  return [t, d.toISOString(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(),
          d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()].join(" ");
}
console.log(show(new Date(0)));
console.log(show(new Date(1577934245006)));
console.log(show(new Date(-1)));
console.log(show(new Date(-62198755200000)));
console.log(show(new Date(8.64e15)), show(new Date(-8.64e15)));
console.log(show(new Date(8.64e15 + 1)), show(new Date(-8.64e15 - 1)));
console.log(show(new Date(1.5)), show(new Date(-1.5)), Object.is(new Date(-0.5).getTime(), 0));
console.log(show(new Date(NaN)), show(new Date(Infinity)), show(new Date("nonsense")));
console.log(show(new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6))));
console.log(Date.UTC(2020), Date.UTC(2020, 1), Date.UTC(), Date.UTC(NaN), Date.UTC(2020, 0, 1, 0, 0, 0, 0.9));
console.log(Date.UTC(99, 0), Date.UTC(100, 0), Date.UTC(0, 0), Date.UTC(-1, 0), Date.UTC(99.9, 0));
console.log(Date.UTC(2020, 12), Date.UTC(2020, -1), Date.UTC(2020, 1, 30), Date.UTC(2020, 0, 0));
console.log(Date.UTC(2020, 0, 1, 25, 61, 61, 1001), Date.UTC(2020, 0, 1, -1));
console.log(Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1), Date.UTC(-271821, 3, 20), Date.UTC(-271821, 3, 19, 23, 59, 59, 999));
console.log(Date.UTC(1e20), Date.UTC(2020, 1e20), Date.UTC(2020, 0, Infinity), Date.UTC("2020", "3", "4"));
console.log(Date.UTC(1970, 0, 213503982336, 0, 0, 0, -18446744073709552000));
console.log(show(new Date(new Date(86400000))));
const sub = new Date(12345);
console.log(new Date(sub).getTime(), new Date({ valueOf() { return 77; } }).getTime());
console.log(new Date({ toString() { return "1970-01-01T00:00:01Z"; }, valueOf: undefined }).getTime());
console.log(new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime());
console.log(typeof Date(), typeof Date(0), Date(0) === Date(), typeof Date.now(), Date.now() > 1.5e12);
console.log(Date.length, Date.UTC.length, Date.parse.length, Date.now.length, Date.name);
console.log(Object.getPrototypeOf(new Date(0)) === Date.prototype, Date.prototype.constructor === Date);
console.log(Object.prototype.toString.call(Date.prototype) === "[object Object]");
try { Date.prototype.getTime(); } catch (e) { console.log(e instanceof TypeError); }
class Stamp extends Date {
  constructor(ms) { super(ms); this.kind = "stamp"; }
  year() { return this.getUTCFullYear(); }
}
const s = new Stamp(Date.UTC(1999, 11, 31));
console.log(s.year(), s.kind, s instanceof Date, s instanceof Stamp, s.toISOString());
