// this binding rules in sloppy mode.
function who() { return this; }
console.log(who() === globalThis);
console.log(who.call(undefined) === globalThis, who.call(null) === globalThis);
console.log(typeof who.call(5), who.call(5) instanceof Number, who.call("s").length);
var obj = { name: "obj", get: function () { return this.name; } };
console.log(obj.get());
var detached = obj.get;
globalThis.name = "global name";
console.log(detached());
var other = { name: "other", get: obj.get };
console.log(other.get());
console.log((obj.get)(), (0, obj.get)());
var nested = { inner: { name: "inner", get: obj.get } };
console.log(nested.inner.get());
function Ctor() { this.made = true; }
var inst = new Ctor();
console.log(inst.made);
function returnsObj() { this.a = 1; return { b: 2 }; }
console.log(new returnsObj());
function returnsPrim() { this.a = 1; return 5; }
var rp = new returnsPrim();
console.log(rp.a, rp instanceof returnsPrim);
var cb = { v: "cb", run: function (f) { return f(); } };
console.log(cb.run(function () { return this === globalThis; }));
console.log([1].map(function () { return this.tag; }, { tag: "thisArg" }));
delete globalThis.name;
