// Iterator return() is called on early exit (break, throw, destructuring).
function tracked(log) {
  var i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next() { log.push("next"); return { value: i++, done: i > 5 }; },
    return(v) { log.push("return"); return { done: true, value: v }; }
  };
}
var log = [];
for (var v of tracked(log)) { if (v === 1) break; }
console.log(log.join(","));
log = [];
try {
  for (var w of tracked(log)) throw new Error("stop");
} catch (e) {
  log.push("caught");
}
console.log(log.join(","));
log = [];
var [a, b] = tracked(log);
console.log(log.join(","), a, b);
log = [];
var [...all] = tracked(log);
console.log(log.length, all);
log = [];
for (var x of tracked(log)) { if (x === 0) continue; if (x === 2) break; }
console.log(log.join(","));
log = [];
function early() { for (var y of tracked(log)) return y; }
console.log(early(), log.join(","));
log = [];
outer: for (var i = 0; i < 2; i++) {
  for (var z of tracked(log)) continue outer;
}
console.log(log.join(","));
var noReturn = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; } }; } };
for (var n of noReturn) break;
console.log("no return method is fine");
