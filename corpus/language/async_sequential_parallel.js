// Sequential versus parallel awaits, observed through the order of start/end events.
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
  var pb = job("p2", 1), pa = job("p1", 6);
  return [await pa, await pb];
}
async function main() {
  var s = await sequential();
  log.push("sequential done " + s.join(","));
  var p = await parallel();
  log.push("parallel done " + p.join(","));
  var jobs = [job("a0", 2), job("a1", 4), job("a2", 8)];
  var results = await Promise.all([jobs[2], jobs[0], jobs[1]]);
  log.push("all done " + results.join(","));
  var reduced = await [1, 2, 3].reduce(async function (accP, n) {
    var acc = await accP;
    return acc + n;
  }, Promise.resolve(0));
  log.push("async reduce " + reduced);
}
main().then(function () { console.log(log.join("\n")); });
