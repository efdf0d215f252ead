// while, do-while, for with empty clauses, and comma expressions.
var i = 0, out = [];
while (i < 3) out.push(i++);
console.log(out);
var j = 10;
do { j++; } while (j < 5);
console.log(j);
var k = 0;
do k += 2; while (k < 7)
console.log(k);
for (var a = 0, b = 10; a < b; a += 3, b -= 3) out.push(a + ":" + b);
console.log(out.slice(3));
var n = 0;
for (;;) { if (++n >= 5) break; }
console.log(n);
var x = (1, 2, 3);
console.log(x);
var y = 0;
var z = (y++, y++, y);
console.log(y, z);
for (var m = 0, arr = []; m < 3; arr.push(m), m++);
console.log(arr);
var countdown = [];
var c = 3;
while (c--) countdown.push(c);
console.log(countdown, c);
var s = 0;
for (var p = 0; p < 100; p++) { if (p % 2) continue; if (p > 10) break; s += p; }
console.log(s);
var nested = 0;
for (var q = 0; q < 10; q++) for (var r = 0; r < 10; r++) nested++;
console.log(nested);
var w = 0;
while (true) { w++; if (w === 3) break; }
console.log(w);
