// Generator return() and throw(), with try/finally inside the generator.
function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log("finally runs");
  }
}
var a = g();
console.log(a.next());
console.log(a.return("early"));
console.log(a.next());
var b = g();
console.log(b.return("before start"), b.next());
function* catcher() {
  while (true) {
    try {
      yield "waiting";
    } catch (e) {
      console.log("caught inside:", e);
    }
  }
}
var c = catcher();
c.next();
console.log(c.throw("err1"));
console.log(c.throw("err2"));
var d = g();
try {
  d.throw(new Error("not started"));
} catch (e) {
  console.log("thrown out:", e.message, d.next().done);
}
function* finallyYields() {
  try {
    yield "body";
  } finally {
    yield "from finally";
    console.log("after finally yield");
  }
}
var f = finallyYields();
console.log(f.next(), f.return("R"), f.next(), f.next());
function* finallyOverrides() {
  try { yield 1; } finally { return "finally wins"; }
}
var o = finallyOverrides();
o.next();
console.log(o.return("ignored"));
var e = g();
e.next();
try {
  e.throw(new TypeError("boom"));
} catch (err) {
  console.log(err.name, e.next());
}
