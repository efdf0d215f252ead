// Sieve of Eratosthenes and some prime statistics.
function sieve(n) {
  var isComposite = new Array(n + 1).fill(false);
  var primes = [];
  for (var i = 2; i <= n; i++) {
    if (isComposite[i]) continue;
    primes.push(i);
    for (var j = i * i; j <= n; j += i) isComposite[j] = true;
  }
  return primes;
}
var primes = sieve(10000);
console.log(primes.length, primes.slice(0, 10).join(","), primes[primes.length - 1]);
var twins = 0;
for (var k = 1; k < primes.length; k++) if (primes[k] - primes[k - 1] === 2) twins++;
console.log("twin pairs below 10000:", twins);
var maxGap = 0, gapAt = 0;
for (var m = 1; m < primes.length; m++) {
  if (primes[m] - primes[m - 1] > maxGap) { maxGap = primes[m] - primes[m - 1]; gapAt = primes[m - 1]; }
}
console.log("max gap", maxGap, "after", gapAt);
function factorize(n) {
  var f = [];
  for (var i = 0; primes[i] * primes[i] <= n; i++) while (n % primes[i] === 0) { f.push(primes[i]); n /= primes[i]; }
  if (n > 1) f.push(n);
  return f;
}
console.log([360, 9973, 123456, 65536, 99991 * 3].map(function (n) { return n + "=" + factorize(n).join("*"); }).join(" "));
var primeSet = new Set(primes);
function goldbach(n) { for (var p of primes) if (primeSet.has(n - p)) return [p, n - p]; }
console.log([4, 28, 100, 998].map(function (n) { return goldbach(n).join("+"); }).join(" "));
var lastDigits = {};
primes.forEach(function (p) { var d = p % 10; lastDigits[d] = (lastDigits[d] || 0) + 1; });
console.log(lastDigits);
