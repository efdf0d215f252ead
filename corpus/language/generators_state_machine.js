// Generators as coroutines: a traffic light, a parser and a cooperative scheduler.
function* trafficLight() {
  while (true) {
    yield "green";
    yield "yellow";
    var emergency = yield "red";
    if (emergency) yield "flashing";
  }
}
var light = trafficLight();
var states = [];
for (var i = 0; i < 4; i++) states.push(light.next().value);
states.push(light.next().value, light.next().value);
states.push(light.next(true).value, light.next().value);
console.log(states.join(" -> "));
function* lineParser() {
  var records = [];
  var line;
  while ((line = yield records.length) !== null) {
    var [k, v] = line.split("=");
    records.push({ [k.trim()]: v === undefined ? true : v.trim() });
  }
  return records;
}
var parser = lineParser();
parser.next();
["a = 1", "flag", "name = test"].forEach(function (l) { parser.next(l); });
console.log(JSON.stringify(parser.next(null).value));
function* task(name, steps) {
  for (var s = 1; s <= steps; s++) yield name + s;
  return name + " done";
}
function run(tasks) {
  var log = [];
  var queue = tasks.slice();
  while (queue.length) {
    var t = queue.shift();
    var r = t.next();
    log.push(r.value);
    if (!r.done) queue.push(t);
  }
  return log;
}
console.log(run([task("A", 3), task("B", 1), task("C", 2)]).join(" "));
function* accumulate() { var total = 0; while (true) { var x = yield total; if (typeof x === "number") total += x; } }
var acc = accumulate();
acc.next();
[5, "skip", 10, 2.5].forEach(function (x) { acc.next(x); });
console.log(acc.next().value);
