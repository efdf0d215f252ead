// A binary-heap priority queue used for Dijkstra's shortest paths.
class PriorityQueue {
  constructor(cmp) { this.heap = []; this.cmp = cmp || function (a, b) { return a - b; }; }
  get size() { return this.heap.length; }
  push(x) {
    var h = this.heap;
    h.push(x);
    for (var i = h.length - 1; i > 0;) {
      var p = (i - 1) >> 1;
      if (this.cmp(h[i], h[p]) >= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop() {
    var h = this.heap, top = h[0], last = h.pop();
    if (h.length) {
      h[0] = last;
      for (var i = 0; ;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < h.length && this.cmp(h[l], h[m]) < 0) m = l;
        if (r < h.length && this.cmp(h[r], h[m]) < 0) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
var pq = new PriorityQueue();
[5, 3, 8, 1, 9, 2, 7].forEach(function (x) { pq.push(x); });
var drained = [];
while (pq.size) drained.push(pq.pop());
console.log(drained.join(" "));
var graph = {
  A: { B: 4, C: 2 }, B: { C: 5, D: 10 }, C: { E: 3 }, D: { F: 11 }, E: { D: 4 }, F: {}
};
function dijkstra(start) {
  var dist = { [start]: 0 }, prev = {};
  var q = new PriorityQueue(function (a, b) { return a[0] - b[0]; });
  q.push([0, start]);
  while (q.size) {
    var [d, u] = q.pop();
    if (d > dist[u]) continue;
    for (var v in graph[u]) {
      var nd = d + graph[u][v];
      if (dist[v] === undefined || nd < dist[v]) { dist[v] = nd; prev[v] = u; q.push([nd, v]); }
    }
  }
  return { dist: dist, prev: prev };
}
var res = dijkstra("A");
console.log(res.dist);
var path = [], node = "F";
while (node) { path.unshift(node); node = res.prev[node]; }
console.log(path.join(" -> "));
var tasks = new PriorityQueue(function (a, b) { return b.pri - a.pri || a.seq - b.seq; });
[["write", 2], ["test", 5], ["deploy", 1], ["review", 5]].forEach(function (t, i) { tasks.push({ name: t[0], pri: t[1], seq: i }); });
var order = [];
while (tasks.size) order.push(tasks.pop().name);
console.log(order.join(", "));
