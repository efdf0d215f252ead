// Symbol creation, uniqueness, description and conversion.
var s1 = Symbol("desc"), s2 = Symbol("desc"), s3 = Symbol(), s4 = Symbol(undefined), s5 = Symbol("");
console.log(s1 === s2, s1 === s1, typeof s1);
console.log(s1.description, s3.description, s4.description, JSON.stringify(s5.description));
console.log(s1.toString(), String(s3), String(s5));
try {
  s1 + "";
} catch (e) {
  console.log("implicit string conversion", e instanceof TypeError);
}
try {
  +s1;
} catch (e) {
  console.log("number conversion", e instanceof TypeError);
}
try {
  new Symbol();
} catch (e) {
  console.log("new Symbol", e instanceof TypeError);
}
console.log(Boolean(s1), !s1, s1 ? "truthy" : "falsy");
var wrapper = Object(s1);
console.log(typeof wrapper, wrapper instanceof Symbol, wrapper.valueOf() === s1, wrapper == s1);
console.log(Symbol("x").description.length, Symbol(123).description, Symbol(null).description);
console.log(Object.getOwnPropertyNames(Symbol.prototype).sort().join(","));
console.log(JSON.stringify({ s: s1 }), JSON.stringify([s1]), JSON.stringify(s1));
console.log([s1].length, [s1].indexOf(s1), new Set([s1, s1, s2]).size);
var d = Object.getOwnPropertyDescriptor(Symbol.prototype, "description");
console.log(typeof d.get, d.set);
