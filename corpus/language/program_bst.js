// Binary search tree: insert, search, delete, traversals, height, balance check.
class BST {
  constructor() { this.root = null; this.size = 0; }
  insert(k) {
    var node = { k: k, l: null, r: null };
    if (!this.root) { this.root = node; this.size++; return true; }
    for (var cur = this.root; ;) {
      if (k === cur.k) return false;
      var dir = k < cur.k ? "l" : "r";
      if (!cur[dir]) { cur[dir] = node; this.size++; return true; }
      cur = cur[dir];
    }
  }
  has(k) { for (var c = this.root; c; c = k < c.k ? c.l : c.r) if (c.k === k) return true; return false; }
  delete(k) {
    var self = this;
    function del(n, k) {
      if (!n) return null;
      if (k < n.k) n.l = del(n.l, k);
      else if (k > n.k) n.r = del(n.r, k);
      else {
        self.size--;
        if (!n.l) return n.r;
        if (!n.r) return n.l;
        var m = n.r;
        while (m.l) m = m.l;
        n.k = m.k;
        self.size++;
        n.r = del(n.r, m.k);
      }
      return n;
    }
    this.root = del(this.root, k);
  }
  *inorder(n = this.root) { if (n) { yield* this.inorder(n.l); yield n.k; yield* this.inorder(n.r); } }
  preorder(n = this.root, out = []) { if (n) { out.push(n.k); this.preorder(n.l, out); this.preorder(n.r, out); } return out; }
  levels() {
    var out = [], q = this.root ? [this.root] : [];
    while (q.length) { out.push(q.map(function (n) { return n.k; }).join(",")); q = q.flatMap(function (n) { return [n.l, n.r].filter(Boolean); }); }
    return out.join(" | ");
  }
  height(n = this.root) { return n ? 1 + Math.max(this.height(n.l), this.height(n.r)) : 0; }
}
var t = new BST();
[50, 30, 70, 20, 40, 60, 80, 35, 45, 65].forEach(function (k) { t.insert(k); });
console.log(t.insert(40), t.size, t.height());
console.log([...t.inorder()].join(" "));
console.log(t.preorder().join(" "));
console.log(t.levels());
t.delete(30);
t.delete(50);
t.delete(999);
console.log(t.size, [...t.inorder()].join(" "), t.root.k);
console.log(t.has(45), t.has(30), t.levels());
var degenerate = new BST();
for (var i = 1; i <= 8; i++) degenerate.insert(i);
console.log("degenerate height", degenerate.height());
