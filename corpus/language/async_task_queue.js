// A promise-based task queue with limited concurrency.
class TaskQueue {
  constructor(limit) { this.limit = limit; this.running = 0; this.queue = []; this.log = []; }
  add(name, ms, fail) {
    var self = this;
    return new Promise(function (resolve, reject) {
      self.queue.push({ name: name, ms: ms, fail: fail, resolve: resolve, reject: reject });
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
    setTimeout(function () {
      self.running--;
      self.log.push((t.fail ? "fail " : "done ") + t.name);
      t.fail ? t.reject(new Error(t.name + " failed")) : t.resolve(t.name + " ok");
      self.next();
    }, t.ms);
  }
}
var q = new TaskQueue(2);
var results = [
  q.add("A", 25), q.add("B", 3), q.add("C", 3, true), q.add("D", 1), q.add("E", 2)
].map(function (p) { return p.catch(function (e) { return e.message; }); });
Promise.all(results).then(function (r) {
  console.log(q.log.join("\n"));
  console.log(r);
  console.log("running at end:", q.running, "queued:", q.queue.length);
});
