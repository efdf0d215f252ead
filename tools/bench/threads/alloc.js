// Allocation-heavy work: one unit builds and walks many short-lived binary trees and arrays, so
// per-thread allocators and the collector (stop-the-world with both threads parked) dominate.
function unit(index) {
  function make(depth) {
    return depth === 0 ? { left: null, right: null } : { left: make(depth - 1), right: make(depth - 1) };
  }
  function count(tree) {
    return tree.left === null ? 1 : 1 + count(tree.left) + count(tree.right);
  }
  let total = index;
  for (let round = 0; round < 30; round++) {
    total += count(make(12));
    const pairs = [];
    for (let i = 0; i < 2000; i++) pairs.push([i, { value: i + round }]);
    total += pairs[round * 37 % pairs.length][1].value;
  }
  return total;
}
