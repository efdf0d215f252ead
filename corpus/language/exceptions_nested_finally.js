// Nested try/finally with break, continue, and labelled jumps.
var log = [];
outer: for (var i = 0; i < 3; i++) {
  try {
    for (var j = 0; j < 3; j++) {
      try {
        if (j === 1) continue;
        if (i === 1 && j === 2) break outer;
        log.push(i + "" + j);
      } finally {
        log.push("f" + i + j);
      }
    }
  } finally {
    log.push("F" + i);
  }
}
console.log(log.join(" "));
function breakOutOfFinally() {
  var r = [];
  while (true) {
    try {
      throw new Error("discarded by break");
    } finally {
      r.push("finally");
      break;
    }
  }
  r.push("after loop");
  return r;
}
console.log(breakOutOfFinally());
function labelledBlock() {
  var r = [];
  block: {
    try {
      r.push("try");
      break block;
    } finally {
      r.push("finally");
    }
  }
  r.push("after block");
  return r.join(",");
}
console.log(labelledBlock());
function deep(n) {
  try {
    if (n === 0) throw new Error("bottom");
    return deep(n - 1);
  } finally {
    log.push(n);
  }
}
log = [];
try { deep(4); } catch (e) { console.log(e.message, log); }
