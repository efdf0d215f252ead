// Allocation: many small short-lived objects and arrays (binary trees built and walked), so the
// allocator and the collector dominate.
function makeTree(depth) {
  if (depth === 0) return { left: null, right: null };
  return { left: makeTree(depth - 1), right: makeTree(depth - 1) };
}

function check(tree) {
  return tree.left === null ? 1 : 1 + check(tree.left) + check(tree.right);
}

let total = 0;
const longLived = makeTree(12);
for (let round = 0; round < 60; round++) {
  total += check(makeTree(12));
  const pairs = [];
  for (let i = 0; i < 4000; i++) {
    pairs.push([i, { value: i * 2 }]);
  }
  total += pairs[(round * 100) % pairs.length][1].value;
}
total + check(longLived);
