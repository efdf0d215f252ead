// valueOf/toString on wrappers and identity of boxed values in collections.
var n1 = new Number(1), n2 = new Number(1);
console.log(n1 == n2, n1.valueOf() === n2.valueOf(), n1 == 1, +n1 === 1);
var set = new Set([n1, n2, 1, 1]);
console.log(set.size);
var m = new Map([[new String("k"), "boxed"], ["k", "prim"]]);
console.log(m.size, m.get("k"));
console.log([new Boolean(false)].filter(Boolean).length, [false].filter(Boolean).length);
console.log(typeof Object("s").valueOf(), Object(1.5).toFixed(1), Object(true).toString());
var s = new String("hey");
s.valueOf = function () { return "patched valueOf"; };
console.log(s + "", `${s}`, String(s), s.length);
var num = new Number(10);
num.toString = function () { return "ten"; };
console.log(num + 1, `${num}`, String(num), num * 2);
console.log(Number.prototype.toString.call(new Number(255), 16), String.prototype.toUpperCase.call(new String("up")));
console.log(JSON.stringify([new Number(1), new String("2"), new Boolean(true)]));
console.log(Object.is(new Number(NaN).valueOf(), NaN), new Number(-0).valueOf() === 0, Object.is(Object(-0).valueOf(), -0));
console.log(typeof Symbol.prototype.valueOf.call(Object(Symbol.iterator)));
