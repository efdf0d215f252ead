// Ordering of synchronous code, microtasks (promises, queueMicrotask) and timers.
var log = [];
setTimeout(function () { log.push("timeout 0"); }, 0);
Promise.resolve().then(function () { log.push("promise 1"); });
queueMicrotask(function () { log.push("microtask"); });
Promise.resolve().then(function () {
  log.push("promise 2");
  Promise.resolve().then(function () { log.push("nested promise"); });
  setTimeout(function () { log.push("timeout from promise"); }, 0);
});
(async function () {
  log.push("async body sync part");
  await null;
  log.push("after await");
})();
log.push("sync end");
setTimeout(function () {
  log.push("timeout 2");
  console.log(log.join("\n"));
}, 5);
