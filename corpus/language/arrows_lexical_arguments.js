// Arrow functions have no own arguments, cannot be constructed, have no prototype.
function outer() {
  var arrow = () => arguments.length + ":" + arguments[0];
  return arrow("ignored", "also ignored");
}
console.log(outer("real"));
function nestedArrows(a, b) {
  return (() => (() => Array.from(arguments).join("+"))())();
}
console.log(nestedArrows(1, 2));
const restArrow = (...args) => args.length;
console.log(restArrow(1, 2, 3));
const f = () => 1;
try {
  new f();
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(f.hasOwnProperty("prototype"), "prototype" in f);
console.log(typeof f, f.length, f.name);
const body1 = () => ({ object: "literal" });
const body2 = () => { object: "literal"; };
console.log(body1(), body2());
const compose = (g, h) => (x) => g(h(x));
console.log(compose((x) => x + 1, (x) => x * 2)(5));
const iife = ((x) => x * x)(9);
console.log(iife);
const withDefaults = (a = 1, { b } = { b: 2 }, [c] = [3]) => a + b + c;
console.log(withDefaults(), withDefaults(10, { b: 20 }, [30]));
const sorted = [3, 1, 2].sort((a, b) => b - a);
console.log(sorted);
const ternary = (n) => n > 0 ? "pos" : n < 0 ? "neg" : "zero";
console.log([5, -5, 0].map(ternary));
