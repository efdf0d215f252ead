// Closures captured by setTimeout callbacks: var vs let, and IIFE capture.
var out = [];
for (var i = 0; i < 3; i++) setTimeout(function () { out.push("var:" + i); }, 0);
for (let j = 0; j < 3; j++) setTimeout(function () { out.push("let:" + j); }, 0);
for (var k = 0; k < 3; k++) (function (k) { setTimeout(function () { out.push("iife:" + k); }, 0); })(k);
for (var m = 0; m < 2; m++) setTimeout(function (captured) { out.push("arg:" + captured); }, 0, m);
function makeDelayedCounter() {
  var count = 0;
  return function () {
    count++;
    var snapshot = count;
    setTimeout(function () { out.push("count now " + count + " snapshot " + snapshot); }, 0);
  };
}
var tick = makeDelayedCounter();
tick(); tick();
var message = "before";
setTimeout(function () { out.push("message: " + message); }, 0);
message = "after";
setTimeout(function () { console.log(out.join("\n")); }, 5);
