// Ordering of synchronous code, microtasks (promises, queueMicrotask) and timers.
setTimeout(function () { console.log("timeout 0"); }, 0);
Promise.resolve().then(function () { console.log("promise 1"); });
queueMicrotask(function () { console.log("microtask"); });
Promise.resolve().then(function () {
  console.log("promise 2");
  Promise.resolve().then(function () { console.log("nested promise"); });
  queueMicrotask(function () { console.log("nested microtask"); });
  setTimeout(function () {
    console.log("timeout from promise");
    Promise.resolve().then(function () { console.log("promise from timeout"); });
    setTimeout(function () { console.log("timeout from timeout"); }, 0);
  }, 0);
});
(async function () {
  console.log("async body sync part");
  await null;
  console.log("after await");
  await new Promise(function (resolve) { setTimeout(resolve, 0); });
  console.log("after awaiting a timer");
})();
setTimeout(function () { console.log("second timeout 0"); }, 0);
console.log("sync end");
