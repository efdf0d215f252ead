// Symbol.toPrimitive and the hint passed to it.
var hints = [];
var temp = {
  [Symbol.toPrimitive]: function (hint) {
    hints.push(hint);
    if (hint === "number") return 42;
    if (hint === "string") return "forty-two";
    return "default!";
  }
};
console.log(+temp, `${temp}`, temp + "", temp * 1, String(temp));
console.log(temp == "default!", temp < 50);
var o = {};
o[temp] = true;
console.log(Object.keys(o));
console.log(hints.join(" "));
var wins = {
  [Symbol.toPrimitive]: function () { return 1; },
  valueOf: function () { return 2; },
  toString: function () { return "3"; }
};
console.log(wins + 0, `${wins}`);
var badResult = { [Symbol.toPrimitive]: function () { return {}; } };
try {
  badResult + 1;
} catch (e) {
  console.log(e instanceof TypeError);
}
var notCallable = { [Symbol.toPrimitive]: 5 };
try {
  notCallable + 1;
} catch (e) {
  console.log(e instanceof TypeError);
}
var undef = { [Symbol.toPrimitive]: undefined, valueOf: function () { return 9; } };
console.log(undef + 1);
class Money {
  constructor(n) { this.n = n; }
  [Symbol.toPrimitive](hint) { return hint === "string" ? "$" + this.n : this.n; }
}
var m = new Money(5);
console.log(`${m}`, m + 1, m * 3);
