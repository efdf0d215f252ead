// Thenables are assimilated by resolve, await and Promise.resolve.
var log = [];
var thenable = {
  then: function (resolve, reject) {
    log.push("then called");
    resolve("from thenable");
  }
};
Promise.resolve(thenable).then(function (v) { log.push("resolved " + v); });
log.push("sync after Promise.resolve");
var rejecting = { then: function (_, reject) { reject("thenable rejected"); } };
Promise.resolve(rejecting).catch(function (e) { log.push(e); });
var throwing = { then: function () { throw new Error("then threw"); } };
Promise.resolve(throwing).catch(function (e) { log.push("caught " + e.message); });
var throwAfterResolve = { then: function (res) { res("resolved first"); throw new Error("ignored"); } };
Promise.resolve(throwAfterResolve).then(function (v) { log.push(v); });
var p = Promise.resolve(42);
console.log(Promise.resolve(p) === p, new Promise(function (r) { r(p); }) === p);
var getterCount = 0;
var lazy = { get then() { getterCount++; return undefined; } };
Promise.resolve(lazy).then(function (v) { log.push("non-callable then => value itself " + (v === lazy)); });
async function awaitIt() { var v = await thenable; log.push("await " + v); }
awaitIt();
var nested = { then: function (r) { r({ then: function (r2) { r2("deeply nested"); } }); } };
Promise.resolve(nested).then(function (v) { log.push(v); });
setTimeout(function () {
  console.log(log.join("\n"));
  console.log("getter read", getterCount);
}, 0);
