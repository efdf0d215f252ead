// Temporal dead zone for let, const and class bindings.
function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e instanceof ReferenceError ? "ReferenceError" : e.name);
  }
}
attempt("before let", function () { var r = x; let x = 1; return r; });
attempt("after let", function () { let x = 1; return x; });
attempt("const", function () { c; const c = 2; return c; });
attempt("typeof in tdz", function () { return typeof t; let t; });
attempt("class", function () { new K(); class K {} });
attempt("self init", function () { let s = s + 1; return s; });
attempt("default param", function () { return (function (a = b, b = 1) { return a; })(); });
attempt("default param ok", function () { return (function (a = 1, b = a + 1) { return b; })(); });
attempt("closure before init", function () {
  function read() { return late; }
  var r;
  try { r = read(); } catch (e) { r = "caught " + e.name; }
  let late = "set";
  return r + " / " + read();
});
attempt("shadow in block", function () {
  let v = "outer";
  {
    try { v; } catch (e) { return "inner tdz " + (e instanceof ReferenceError); }
    let v = "inner";
  }
});
attempt("switch case tdz", function () {
  switch (1) {
    case 0: let z = 1;
    case 1: return z;
  }
});
attempt("let uninitialized", function () { let u; return u; });
