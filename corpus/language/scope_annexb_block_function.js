// Annex B: function declarations in blocks (sloppy mode).
console.log(typeof f1);
{
  function f1() { return "f1"; }
}
console.log(typeof f1, f1());
if (true) {
  function f2() { return "f2"; }
}
console.log(f2());
if (false) {
  function f3() {}
}
console.log(typeof f3);
function scoped() {
  var r = [typeof g];
  {
    r.push(typeof g);
    function g() {}
  }
  r.push(typeof g);
  return r;
}
console.log(scoped());
function strictScoped() {
  "use strict";
  {
    function h() { return 1; }
  }
  return typeof h;
}
console.log(strictScoped());
function letConflict() {
  let k = "let";
  {
    function k() {}
  }
  return typeof k;
}
console.log(letConflict());
function inSwitch(x) {
  switch (x) {
    case 1:
      function sw() { return "switch fn"; }
  }
  return typeof sw;
}
console.log(inSwitch(1), inSwitch(2));
