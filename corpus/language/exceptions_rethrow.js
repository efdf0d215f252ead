// Rethrowing, wrapping and filtering errors.
function parse(s) {
  if (typeof s !== "string") throw new TypeError("expected string");
  if (s === "") throw new RangeError("empty");
  return s.length;
}
function safeParse(s) {
  try {
    return parse(s);
  } catch (e) {
    if (e instanceof RangeError) return 0;
    throw e;
  }
}
console.log(safeParse("abc"), safeParse(""));
try {
  safeParse(5);
} catch (e) {
  console.log("rethrown", e.name, e.message);
}
function wrap(fn) {
  try {
    return fn();
  } catch (inner) {
    var outer = new Error("wrapped");
    outer.inner = inner;
    throw outer;
  }
}
try {
  wrap(function () { null.x; });
} catch (e) {
  console.log(e.message, e.inner instanceof TypeError);
}
var same;
try {
  try {
    throw (same = new Error("identity"));
  } catch (e) {
    throw e;
  }
} catch (e2) {
  console.log(e2 === same);
}
function classify(v) {
  try {
    throw v;
  } catch (e) {
    return typeof e + ":" + String(e);
  }
}
console.log(classify(42), classify("str"), classify(null), classify(undefined), classify({ a: 1 }));
console.log(classify([1, 2]), classify(Symbol("s").description));
