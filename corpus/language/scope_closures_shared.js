// Multiple closures sharing and mutating the same environment.
function makeAccount() {
  var balance = 0;
  var history = [];
  return {
    deposit: function (n) { balance += n; history.push("+" + n); return balance; },
    withdraw: function (n) { balance -= n; history.push("-" + n); return balance; },
    report: function () { return balance + " " + history.join(" "); }
  };
}
var acc = makeAccount();
acc.deposit(10);
acc.withdraw(3);
acc.deposit(5);
console.log(acc.report());
var acc2 = makeAccount();
console.log(acc2.report(), acc.report());
function counterPair() {
  let n = 0;
  const inc = () => ++n;
  const get = () => n;
  return [inc, get];
}
const [inc, get] = counterPair();
inc(); inc(); inc();
console.log(get());
function outer() {
  var x = 1;
  function a() { return x; }
  x = 2;
  function b() { x = 3; }
  var first = a();
  b();
  return [first, a()];
}
console.log(outer());
var adders = [];
function makeAdders() {
  for (var i = 0; i < 3; i++) {
    adders.push((function (k) { return function (v) { return v + k; }; })(i * 10));
  }
}
makeAdders();
console.log(adders.map(function (f) { return f(1); }));
