// Promise.all and Promise.allSettled: results keep input order whatever the completion order.
function delay(ms, v, fail) {
  return new Promise(function (res, rej) { setTimeout(function () { fail ? rej(v) : res(v); }, ms); });
}
// Timers are created in increasing delay order; the arrays below list them out of order.
var fast = delay(1, "fast"), bad = delay(2, "bad", true), okLater = delay(4, "ok"), slow = delay(8, "slow");
var settledB = delay(1, "b", true), settledA = delay(6, "a");
var report = {};
var checks = [
  Promise.all([slow, fast, "plain", Promise.resolve("resolved")]).then(function (v) { report.all = v; }),
  Promise.all([]).then(function (v) { report.emptyAll = v; }),
  Promise.all([okLater, bad, fast]).catch(function (e) { report.allRejected = e; }),
  Promise.allSettled([settledA, settledB, 42]).then(function (rs) { report.settled = rs.map(JSON.stringify); }),
  Promise.allSettled([]).then(function (v) { report.emptySettled = v; }),
  Promise.all(new Set([1, 2, 2])).then(function (v) { report.set = v; }),
  Promise.all("ab").then(function (v) { report.string = v; }),
  Promise.all(5).catch(function (e) { report.nonIterable = e instanceof TypeError; }),
  Promise.all((function* () { yield slow; yield "g2"; })()).then(function (v) { report.generator = v; })
];
Promise.all(checks).then(function () {
  ["all", "emptyAll", "allRejected", "settled", "emptySettled", "set", "string", "nonIterable", "generator"].forEach(function (k) {
    var v = report[k];
    if (k === "settled") v.forEach(function (line) { console.log("settled:", line); });
    else console.log(k + ":", v);
  });
});
var order = [];
Promise.all([slow, fast]).then(function () { order.push("all [slow, fast]"); });
fast.then(function () { order.push("fast alone"); });
slow.then(function () { order.push("slow alone"); console.log(order.join(" < ")); });
