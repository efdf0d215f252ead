// Promise chaining: values, returned promises, errors propagating.
Promise.resolve(1)
  .then(function (v) { console.log("got", v); return v + 1; })
  .then(function (v) { console.log("got", v); return Promise.resolve(v * 10); })
  .then(function (v) { console.log("got", v); throw new Error("chain broke"); })
  .then(function () { console.log("skipped"); })
  .catch(function (e) { console.log("caught", e.message); return "recovered"; })
  .then(function (v) { console.log("after catch", v); })
  .then(function (v) { console.log("undefined passes", v); });
var p = new Promise(function (resolve) { resolve("first"); resolve("second"); });
p.then(function (v) { console.log("settles once:", v); });
p.then(function (v) { console.log("second listener:", v); });
new Promise(function (_, reject) { reject(new TypeError("rejected")); })
  .then(function () { console.log("not called"); }, function (e) { console.log("onRejected", e.name); });
Promise.resolve("passthrough").then(null).then(undefined, null).then(function (v) { console.log(v); });
Promise.reject("r").then(function () {}).catch(function (r) { console.log("rejection passthrough", r); });
new Promise(function () { throw new RangeError("executor threw"); })
  .catch(function (e) { console.log("executor error", e.name); });
var order = [];
var a = Promise.resolve();
a.then(function () { order.push("a1"); }).then(function () { order.push("a2"); });
a.then(function () { order.push("b1"); }).then(function () { order.push("b2"); });
setTimeout(function () { console.log(order.join(" ")); }, 0);
