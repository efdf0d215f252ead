// Math's elementary functions print node's exact digits: libm and fdlibm differ in the last
// digit for a few percent of arguments, so every value here is printed in full.
const fns = ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
             "exp", "expm1", "log", "log1p", "log2", "log10", "cbrt"];
const args = [0.5, -0.75, 1, 2, 3, Math.PI / 3, 7.048099323584882, 1e-9, 12.5, 100, -336594.1652528193,
              1e22, 709.5, -5e-324, 3.9297152344e-314, 0.9999999999999999];
for (const name of fns) {
  console.log(name.padEnd(6), args.map(x => Math[name](x)).join(" "));
}
console.log("atan2", [[1, 2], [-6.542854523602928, -2.2369581226752056], [1e300, -1], [-0, -1], [0, -0]].map(p => Math.atan2(...p)).join(" "));
console.log("hypot", Math.hypot(3, 4), Math.hypot(1e200, 1e200), Math.hypot(0.1, 0.2, 0.3), Math.hypot());
console.log("pow  ", [[2, 10], [2, 0.5], [10, -2], [-8, 3], [1.5, 2.5], [0.1, 3], [NaN, 0], [1, Infinity]].map(p => Math.pow(...p)).join(" "));
console.log("exp(1) === Math.E:", Math.exp(1) === Math.E, "cbrt(27):", Math.cbrt(27), "cbrt(-64):", Math.cbrt(-64));
// Large arguments need the full-precision reduction modulo pi/2.
for (const x of [1e6, 2 ** 30, 1e15, 2 ** 60, 1e100, 1e300, 1.7976931348623157e308]) {
  console.log(x, Math.sin(x), Math.cos(x), Math.tan(x));
}
// Special values, signed zeros included.
const specials = [NaN, Infinity, -Infinity, 0, -0];
for (const name of fns) {
  console.log(name, specials.map(x => Object.is(Math[name](x), -0) ? "-0" : String(Math[name](x))).join(" "));
}
