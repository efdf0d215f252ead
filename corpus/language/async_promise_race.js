// Promise.race semantics. Timers are created in increasing delay order, so which one fires
// first never depends on how long the script takes between creating them.
function delay(ms, v, fail) {
  return new Promise(function (res, rej) { setTimeout(function () { fail ? rej(v) : res(v); }, ms); });
}
var fast = delay(1, "fast");
var inTime = delay(3, "in time");
var fastFail = delay(5, "fast fail", true);
var guard10 = delay(10, "timeout", true);
var slow = delay(14, "slow");
var guard16 = delay(16, "timeout", true);
var tooLate = delay(22, "too late");
Promise.race([slow, fast]).then(function (v) { console.log("race 1:", v); });
Promise.race([slow, fastFail]).then(null, function (e) { console.log("race 2 rejected:", e); });
Promise.race([slow, "sync value"]).then(function (v) { console.log("race 3:", v); });
Promise.race([Promise.resolve("first resolved"), Promise.reject("rejected second")])
  .then(function (v) { console.log("race 4:", v); });
var settled = false;
Promise.race([]).then(function () { settled = true; });
Promise.race([inTime, guard16]).then(function (v) { console.log("withTimeout:", v); });
Promise.race([tooLate, guard10]).catch(function (e) { console.log("withTimeout:", e); });
guard16.catch(function () {});
tooLate.then(function () { console.log("empty race settled?", settled); });
