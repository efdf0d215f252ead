// Recursive walks over a nested tree: sums, paths, search, transforms.
var tree = {
  name: "root", size: 1,
  children: [
    { name: "docs", size: 3, children: [{ name: "a.txt", size: 10 }, { name: "b.txt", size: 20 }] },
    { name: "src", size: 2, children: [
      { name: "lib", size: 1, children: [{ name: "x.js", size: 50 }] },
      { name: "main.js", size: 70 }
    ] },
    { name: "empty", size: 0, children: [] }
  ]
};
function total(n) { return n.size + (n.children || []).reduce(function (s, c) { return s + total(c); }, 0); }
console.log(total(tree));
function paths(n, prefix, out) {
  var p = prefix ? prefix + "/" + n.name : n.name;
  if (!n.children) out.push(p);
  else n.children.forEach(function (c) { paths(c, p, out); });
  return out;
}
console.log(paths(tree, "", []).join(" "));
function find(n, name) {
  if (n.name === name) return [n.name];
  for (var c of n.children || []) { var r = find(c, name); if (r) return [n.name].concat(r); }
  return null;
}
console.log(find(tree, "x.js"), find(tree, "nope"));
function depth(n) { return 1 + Math.max(0, ...(n.children || []).map(depth)); }
console.log(depth(tree));
function mapTree(n, f) {
  var m = f(n);
  if (n.children) m.children = n.children.map(function (c) { return mapTree(c, f); });
  return m;
}
var upper = mapTree(tree, function (n) { return { name: n.name.toUpperCase() }; });
console.log(upper.children[1].children[0].children[0].name, JSON.stringify(upper).length);
function render(n, indent) {
  console.log(indent + n.name + (n.children ? "/" : " (" + n.size + ")"));
  (n.children || []).forEach(function (c) { render(c, indent + "  "); });
}
render(tree, "");
