// Destructuring in function parameters.
function draw({ x = 0, y = 0, color = "black" } = {}) { return `${x},${y},${color}`; }
console.log(draw(), draw({ x: 5 }), draw({ color: "red", y: 2 }));
function pair([a, b]) { return a + b; }
console.log(pair([1, 2]), pair("xy"));
const area = ({ w, h }) => w * h;
console.log(area({ w: 3, h: 4 }));
function opts(req, { verbose = false, level = 1 } = {}, ...extra) {
  return [req, verbose, level, extra.length];
}
console.log(opts("r"), opts("r", { verbose: true }, 1, 2));
function nested({ a: { b: [c] } }) { return c; }
console.log(nested({ a: { b: ["deep"] } }));
try {
  draw(null);
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(draw.length, pair.length, opts.length);
var entries = Object.entries({ a: 1, b: 2 });
console.log(entries.map(([k, v]) => k + "=" + v).join("&"));
function withArguments({ p }) { return arguments[0].p + p; }
console.log(withArguments({ p: "q" }));
var swap = ([a, b]) => [b, a];
console.log(swap([1, 2]));
class Rect {
  constructor({ w = 1, h = 1 } = {}) { this.w = w; this.h = h; }
  scale([sx, sy = sx]) { return [this.w * sx, this.h * sy]; }
}
console.log(new Rect({ w: 2 }).scale([3]), new Rect().scale([2, 5]));
