// Promise.all and Promise.allSettled.
function delay(ms, v, fail) {
  return new Promise(function (res, rej) { setTimeout(function () { fail ? rej(v) : res(v); }, ms); });
}
Promise.all([delay(20, "slow"), delay(1, "fast"), "plain", Promise.resolve("resolved")])
  .then(function (vals) { console.log("all:", vals); });
Promise.all([]).then(function (v) { console.log("empty all:", v); });
Promise.all([delay(10, "ok"), delay(4, "bad", true), delay(1, "fine", false)])
  .catch(function (e) { console.log("all rejected:", e); });
Promise.allSettled([delay(8, "a"), delay(1, "b", true), 42]).then(function (rs) {
  rs.forEach(function (r) { console.log(JSON.stringify(r)); });
});
Promise.allSettled([]).then(function (v) { console.log("empty allSettled:", v); });
Promise.all(new Set([1, 2, 2])).then(function (v) { console.log("iterable:", v); });
Promise.all("ab").then(function (v) { console.log("string iterable:", v); });
Promise.all(5).catch(function (e) { console.log("non-iterable:", e instanceof TypeError); });
function* gen() { yield delay(1, "g1"); yield "g2"; }
Promise.all(gen()).then(function (v) { console.log("generator:", v); });
