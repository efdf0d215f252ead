// A vending machine state machine driven by a list of events.
var PRODUCTS = { A1: { name: "chips", price: 150 }, B2: { name: "soda", price: 125 }, C3: { name: "gum", price: 50 } };
var COINS = [100, 25, 10, 5];
function change(amount) {
  var out = [];
  COINS.forEach(function (c) { while (amount >= c) { out.push(c); amount -= c; } });
  return out;
}
function machine() {
  var state = "idle", credit = 0, stock = { A1: 1, B2: 5, C3: 0 }, log = [];
  var handlers = {
    idle: {
      coin(v) { if (!COINS.includes(v)) return log.push("rejected coin " + v); credit += v; state = "hasCredit"; log.push("credit " + credit); }
    },
    hasCredit: {
      coin(v) { handlers.idle.coin(v); },
      select(code) {
        var p = PRODUCTS[code];
        if (!p) return log.push("unknown " + code);
        if (!stock[code]) return log.push(p.name + " sold out");
        if (credit < p.price) return log.push("need " + (p.price - credit) + " more for " + p.name);
        stock[code]--;
        credit -= p.price;
        log.push("vend " + p.name + (credit ? ", change " + change(credit).join("+") : ""));
        credit = 0;
        state = "idle";
      },
      cancel() { log.push("refund " + change(credit).join("+")); credit = 0; state = "idle"; }
    }
  };
  return {
    send(evt, arg) {
      var h = handlers[state][evt];
      if (!h) { log.push("ignored " + evt + " in " + state); return; }
      h(arg);
    },
    log: log,
    get state() { return state; }
  };
}
var m = machine();
[["select", "A1"], ["coin", 100], ["coin", 3], ["select", "A1"], ["coin", 25], ["coin", 25], ["select", "A1"],
  ["coin", 100], ["select", "A1"], ["select", "C3"], ["select", "Z9"], ["coin", 100], ["select", "B2"],
  ["coin", 10], ["cancel"], ["cancel"]].forEach(function (e) { m.send(e[0], e[1]); });
m.log.forEach(function (l, i) { console.log(String(i + 1).padStart(2), l); });
console.log("final state:", m.state);
