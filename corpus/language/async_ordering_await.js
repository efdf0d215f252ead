// Interleaving of several async functions and promise chains.
var log = [];
async function a() {
  log.push("a1");
  await undefined;
  log.push("a2");
  await undefined;
  log.push("a3");
}
async function b() {
  log.push("b1");
  await Promise.resolve();
  log.push("b2");
}
Promise.resolve().then(function () { log.push("p1"); }).then(function () { log.push("p2"); }).then(function () { log.push("p3"); });
a();
b();
log.push("sync");
async function returnsPromise() { return Promise.resolve("r"); }
returnsPromise().then(function () { log.push("returned promise settled"); });
setTimeout(function () { console.log(log.join(" ")); }, 0);
