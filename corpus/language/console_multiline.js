// console.log output long enough to be broken over several lines.
console.log([1, 2, 3, 4, 5, 6, 7]);
console.log(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]);
var nums = [];
for (var i = 0; i < 30; i++) nums.push(i * 3);
console.log(nums);
console.log({ firstName: "Alexander", lastName: "Hamilton", occupation: "Treasury", born: 1755 });
console.log({ nested: { list: ["one", "two", "three"], more: { deeper: "value here" } }, flag: true });
var big = [];
for (var j = 0; j < 120; j++) big.push(j);
console.log(big);
console.log("x".repeat(100));
console.log(["x".repeat(30), "y".repeat(30), "z".repeat(30)]);
