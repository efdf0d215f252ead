// setTimeout: equal delays run in creation order, clearTimeout cancels, extra arguments are
// passed, and microtasks queued by a timer callback run before the next timer. Delays are
// created in non-decreasing order so the result never depends on how fast the script runs.
setTimeout(function () { console.log("t0-a"); }, 0);
setTimeout(function () { console.log("t0-b"); });
setTimeout(function () { console.log("t0-c"); }, 0);
var cancelled = setTimeout(function () { console.log("cancelled!"); }, 2);
clearTimeout(cancelled);
clearTimeout(undefined);
clearTimeout(12345);
setTimeout(function () { console.log("t5"); }, 5);
setTimeout(function (a, b) { console.log("args", a, b); }, 10, "x", "y");
setTimeout(function () {
  console.log("t15");
  setTimeout(function () {
    console.log("nested 0 from t15");
    Promise.resolve().then(function () { console.log("microtask from nested"); });
  }, 0);
  Promise.resolve().then(function () { console.log("microtask from t15"); });
  var inner = setTimeout(function () { console.log("inner cancelled!"); }, 0);
  clearTimeout(inner);
  setTimeout(function () { console.log("nested 1 from t15"); }, 1);
}, 15);
var selfClearing = setTimeout(function () { console.log("runs once"); clearTimeout(selfClearing); }, 15);
console.log("sync done", typeof cancelled === "undefined" ? "no handle" : "has handle");
