// Optional catch binding and catch parameter patterns.
function tryParse(s) {
  try {
    return JSON.parse(s);
  } catch {
    return "invalid";
  }
}
console.log(tryParse("[1,2]"), tryParse("{oops"), tryParse("null"));
var attempts = 0;
while (true) {
  try {
    attempts++;
    if (attempts < 3) throw 0;
    break;
  } catch {
    continue;
  }
}
console.log("attempts", attempts);
try {
  throw [10, 20];
} catch ([first, second]) {
  console.log(first + second);
}
try {
  throw { message: "m", extra: { level: 3 } };
} catch ({ message, extra: { level }, missing = "default" }) {
  console.log(message, level, missing);
}
try {
  throw new TypeError("destructured error");
} catch ({ name, message }) {
  console.log(name, message);
}
var e = "outer e";
try { throw "inner"; } catch { e = "modified outer"; }
console.log(e);
function finallyOnly() {
  var r = [];
  try {
    try { throw new Error("x"); } catch { r.push("caught silently"); } finally { r.push("finally"); }
  } catch {
    r.push("never");
  }
  return r;
}
console.log(finallyOnly());
