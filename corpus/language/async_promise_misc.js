// Promise edge cases: resolving with itself, executor arguments, then callbacks async.
var self = new Promise(function (resolve) { setTimeout(function () { resolve(self); }, 0); });
self.catch(function (e) { console.log("self resolution:", e instanceof TypeError); });
var syncFlag = "before";
Promise.resolve().then(function () { console.log("then sees", syncFlag); });
syncFlag = "after";
try {
  new Promise(5);
} catch (e) {
  console.log("non-callable executor:", e instanceof TypeError);
}
try {
  Promise();
} catch (e) {
  console.log("called without new:", e instanceof TypeError);
}
var executorRanSync = false;
new Promise(function (resolve, reject) {
  executorRanSync = true;
  console.log("executor args:", typeof resolve, typeof reject, resolve.length);
});
console.log("executor ran synchronously:", executorRanSync);
var rejected = Promise.reject(new Error("handled in a later microtask"));
Promise.resolve().then(function () {
  rejected.catch(function (e) { console.log("late handler:", e.message); });
});
var p = Promise.resolve(1);
var t1 = p.then(), t2 = p.then();
console.log(t1 === t2, t1 instanceof Promise, p.then(function () {}) !== p);
Promise.resolve(Promise.reject("inner rejection")).catch(function (e) { console.log("unwrapped:", e); });
Promise.reject(Promise.resolve("not unwrapped")).catch(function (e) { console.log("reject keeps promise:", e instanceof Promise); });
class MyPromise extends Promise {}
var mp = MyPromise.resolve(3).then(function (v) { return v; });
console.log("subclass then:", mp instanceof MyPromise);
