// Execution order of try / catch / finally.
var log = [];
function run(shouldThrow) {
  try {
    log.push("try");
    if (shouldThrow) throw new Error("boom");
    log.push("try end");
  } catch (e) {
    log.push("catch " + e.message);
  } finally {
    log.push("finally");
  }
  log.push("after");
}
run(false);
console.log(log.join(" > "));
log = [];
run(true);
console.log(log.join(" > "));
function noCatch() {
  try {
    throw new Error("escapes");
  } finally {
    console.log("finally before propagation");
  }
}
try {
  noCatch();
} catch (e) {
  console.log("outer caught", e.message);
}
function throwInCatch() {
  try {
    throw 1;
  } catch (e) {
    throw e + 1;
  } finally {
    console.log("finally after catch threw");
  }
}
try {
  throwInCatch();
} catch (e) {
  console.log("caught", e);
}
var count = 0;
for (var i = 0; i < 3; i++) {
  try {
    if (i === 1) continue;
    count += 10;
  } finally {
    count += 1;
  }
}
console.log(count);
