// setTimeout ordering by delay, clearTimeout, and extra arguments.
var log = [];
setTimeout(function () { log.push("t20"); }, 20);
setTimeout(function () { log.push("t5"); }, 5);
setTimeout(function () { log.push("t0-a"); }, 0);
setTimeout(function () { log.push("t0-b"); });
setTimeout(function () { log.push("t0-c"); }, 0);
var cancelled = setTimeout(function () { log.push("cancelled!"); }, 2);
clearTimeout(cancelled);
clearTimeout(undefined);
setTimeout(function (a, b) { log.push("args " + a + " " + b); }, 10, "x", "y");
setTimeout(function () {
  log.push("t15");
  setTimeout(function () { log.push("nested 0 from t15"); }, 0);
  Promise.resolve().then(function () { log.push("microtask from t15"); });
  var inner = setTimeout(function () { log.push("inner cancelled!"); }, 0);
  clearTimeout(inner);
}, 15);
setTimeout(function () {
  console.log(log.join(", "));
}, 30);
