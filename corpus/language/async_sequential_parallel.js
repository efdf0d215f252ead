// Sequential versus parallel awaits, measured by event order rather than wall time.
var log = [];
function job(name, ms) {
  return new Promise(function (resolve) {
    log.push("start " + name);
    setTimeout(function () { log.push("end " + name); resolve(name.toUpperCase()); }, ms);
  });
}
async function sequential() {
  var a = await job("s1", 6);
  var b = await job("s2", 1);
  return [a, b];
}
async function parallel() {
  var pa = job("p1", 6), pb = job("p2", 1);
  return [await pa, await pb];
}
async function main() {
  var s = await sequential();
  log.push("sequential done " + s.join(","));
  var p = await parallel();
  log.push("parallel done " + p.join(","));
  var results = await Promise.all([3, 1, 2].map(function (ms, i) { return job("a" + i, ms * 3); }));
  log.push("all done " + results.join(","));
  var reduced = await [1, 2, 3].reduce(async function (accP, n) {
    var acc = await accP;
    return acc + n;
  }, Promise.resolve(0));
  log.push("async reduce " + reduced);
}
main().then(function () { console.log(log.join("\n")); });
