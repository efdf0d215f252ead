// Infinite generators consumed lazily with break / take.
function* naturals() { var n = 0; while (true) yield n++; }
function* take(it, n) { if (n <= 0) return; for (var x of it) { yield x; if (--n <= 0) return; } }
function* map(it, f) { for (var x of it) yield f(x); }
function* filter(it, p) { for (var x of it) if (p(x)) yield x; }
console.log([...take(naturals(), 5)]);
console.log([...take(filter(map(naturals(), function (x) { return x * x; }), function (x) { return x % 2; }), 4)]);
function* fib() { var a = 0, b = 1; for (;;) { yield a; [a, b] = [b, a + b]; } }
var fibs = [];
for (var f of fib()) { if (f > 100) break; fibs.push(f); }
console.log(fibs.join(" "));
function* primes() {
  var found = [];
  for (var n = 2; ; n++) {
    if (found.every(function (p) { return n % p !== 0; })) { found.push(n); yield n; }
  }
}
var p = primes();
var firstPrimes = [];
for (var i = 0; i < 10; i++) firstPrimes.push(p.next().value);
console.log(firstPrimes.join(","));
function* cycle(arr) { for (;;) yield* arr; }
var c = cycle(["r", "g", "b"]);
var colors = [];
for (var j = 0; j < 7; j++) colors.push(c.next().value);
console.log(colors.join(""));
var [a, b, , d] = naturals();
console.log(a, b, d);
function* ids(prefix) { var i = 1; while (true) yield prefix + i++; }
var gen = ids("id-");
console.log(gen.next().value, gen.next().value, gen.return("closed"), gen.next());
