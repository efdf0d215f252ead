// Property get/put on a few object shapes seen at the same sites (monomorphic to 4-way
// polymorphic), plus constructor-built objects and a prototype-chain lookup.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.scale = 3;

const objects = [
  { x: 1, y: 2 },
  { x: 3, y: 4, z: 5 },
  new Point(6, 7),
  { y: 8, x: 9 },
];

function run(n) {
  let sum = 0;
  const p = new Point(1, 1);
  for (let i = 0; i < n; i++) {
    p.x = (p.x + i) & 0xffff;
    p.y = p.x ^ p.y;
    sum = (sum + p.x + p.y) | 0;
    const o = objects[i & 3];
    o.x = (o.x + 1) & 0xffff;
    sum = (sum + o.x + o.y) | 0;
    if ((i & 15) === 0) {
      sum = (sum + p.scale) | 0;
    }
  }
  return sum;
}

run(1500000);
