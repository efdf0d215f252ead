// Labelled statements with break and continue.
var found = null;
search: for (var i = 0; i < 5; i++) {
  for (var j = 0; j < 5; j++) {
    if (i * j === 6) { found = [i, j]; break search; }
  }
}
console.log(found);
var pairs = [];
outer: for (var a = 0; a < 4; a++) {
  for (var b = 0; b < 4; b++) {
    if (b > a) continue outer;
    if (a === 3) break outer;
    pairs.push("" + a + b);
  }
}
console.log(pairs.join(" "));
var log = [];
block: {
  log.push("in block");
  if (log.length) break block;
  log.push("never");
}
log.push("after block");
console.log(log);
var n = 0;
loop1: while (true) {
  loop2: do {
    n++;
    if (n % 2) continue loop2;
    if (n > 6) break loop1;
  } while (n < 100);
}
console.log(n);
var count = 0;
a: b: c: for (var k = 0; k < 3; k++) { count++; continue a; }
console.log(count);
lbl: if (true) { console.log("labelled if"); break lbl; }
var s = "";
rows: for (var r = 0; r < 3; r++) {
  cols: for (var c = 0; c < 3; c++) {
    if (c === r) { s += "|"; continue rows; }
    s += r + "" + c + " ";
  }
}
console.log(s);
