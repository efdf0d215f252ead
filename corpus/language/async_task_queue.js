// A promise-based task queue with limited concurrency. Task durations are counted in
// microtask turns, so the schedule is fully deterministic.
function turns(n) {
  var p = Promise.resolve();
  for (var i = 0; i < n; i++) p = p.then(function () {});
  return p;
}
class TaskQueue {
  constructor(limit) { this.limit = limit; this.running = 0; this.queue = []; this.log = []; }
  add(name, cost, fail) {
    var self = this;
    return new Promise(function (resolve, reject) {
      self.queue.push({ name: name, cost: cost, fail: fail, resolve: resolve, reject: reject });
      self.next();
    });
  }
  next() {
    while (this.running < this.limit && this.queue.length) {
      var t = this.queue.shift();
      this.running++;
      this.log.push("start " + t.name + " (running " + this.running + ")");
      this.exec(t);
    }
  }
  exec(t) {
    var self = this;
    turns(t.cost).then(function () {
      self.running--;
      self.log.push((t.fail ? "fail " : "done ") + t.name);
      t.fail ? t.reject(new Error(t.name + " failed")) : t.resolve(t.name + " ok");
      self.next();
    });
  }
}
var q = new TaskQueue(2);
var results = [
  q.add("A", 40), q.add("B", 6), q.add("C", 6, true), q.add("D", 2), q.add("E", 4)
].map(function (p) { return p.catch(function (e) { return e.message; }); });
Promise.all(results).then(function (r) {
  console.log(q.log.join("\n"));
  console.log(r);
  console.log("running at end:", q.running, "queued:", q.queue.length);
});
