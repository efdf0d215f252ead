// Promise.race semantics.
function delay(ms, v, fail) {
  return new Promise(function (res, rej) { setTimeout(function () { fail ? rej(v) : res(v); }, ms); });
}
Promise.race([delay(12, "slow"), delay(1, "fast")]).then(function (v) { console.log("race 1:", v); });
Promise.race([delay(12, "slow"), delay(6, "fast fail", true)])
  .then(null, function (e) { console.log("race 2 rejected:", e); });
Promise.race([delay(5, "timer"), "sync value"]).then(function (v) { console.log("race 3:", v); });
Promise.race([Promise.resolve("first resolved"), Promise.reject("rejected second")])
  .then(function (v) { console.log("race 4:", v); });
var never = Promise.race([]);
var settled = false;
never.then(function () { settled = true; });
setTimeout(function () { console.log("empty race settled?", settled); }, 28);
function withTimeout(p, ms) {
  return Promise.race([p, delay(ms, "timeout", true)]);
}
withTimeout(delay(3, "in time"), 15).then(function (v) { console.log("withTimeout:", v); });
withTimeout(delay(25, "too late"), 10).catch(function (e) { console.log("withTimeout:", e); });
