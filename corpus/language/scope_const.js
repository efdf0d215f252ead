// const bindings: assignment errors, object mutation still allowed.
const a = 1;
try {
  a = 2;
} catch (e) {
  console.log(e instanceof TypeError, a);
}
try {
  a++;
} catch (e) {
  console.log(e instanceof TypeError, a);
}
const obj = { n: 1 };
obj.n = 2;
obj.m = 3;
console.log(obj);
const arr = [];
arr.push(1, 2);
console.log(arr);
for (const k of ["x", "y"]) console.log(k);
for (const k in { p: 1, q: 2 }) console.log(k);
try {
  for (const i = 0; i < 2; i++) console.log("iter", i);
} catch (e) {
  console.log("loop", e instanceof TypeError);
}
function f() {
  const local = "L";
  {
    const local = "inner";
    console.log(local);
  }
  return local;
}
console.log(f());
(function () {
  "use strict";
  const s = 1;
  try { s = 2; } catch (e) { console.log("strict", e instanceof TypeError); }
})();
const [d1, d2 = 5] = [1];
const { p, q: renamed } = { p: "P", q: "Q" };
console.log(d1, d2, p, renamed);
