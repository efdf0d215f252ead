// Promise.prototype.finally: pass-through values, overriding rejections.
Promise.resolve("value")
  .finally(function () { console.log("finally 1 args:", arguments.length); return "ignored"; })
  .then(function (v) { console.log("after finally 1:", v); });
Promise.reject(new Error("err"))
  .finally(function () { console.log("finally 2"); })
  .catch(function (e) { console.log("after finally 2:", e.message); });
Promise.resolve("v")
  .finally(function () { throw new Error("finally threw"); })
  .then(function () { console.log("not called"); }, function (e) { console.log("overridden:", e.message); });
Promise.resolve("v2")
  .finally(function () { return Promise.reject("rejected in finally"); })
  .catch(function (e) { console.log("overridden 2:", e); });
var start = [];
Promise.resolve("waits")
  .finally(function () {
    return new Promise(function (r) { setTimeout(function () { start.push("inner done"); r(); }, 5); });
  })
  .then(function (v) { console.log("waited for finally promise:", v, start); });
async function cleanup() {
  try {
    return "try return";
  } finally {
    console.log("async finally runs");
  }
}
cleanup().then(function (v) { console.log("async result:", v); });
