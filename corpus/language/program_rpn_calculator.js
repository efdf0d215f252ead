// Shunting-yard conversion to RPN and evaluation with a stack.
var PREC = { "+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3 };
var RIGHT = { "^": true };
function toRPN(expr) {
  var out = [], ops = [], num = "";
  function flushNum() { if (num) { out.push(num); num = ""; } }
  for (var ch of expr) {
    if ((ch >= "0" && ch <= "9") || ch === ".") { num += ch; continue; }
    flushNum();
    if (ch === " ") continue;
    if (ch === "(") ops.push(ch);
    else if (ch === ")") { while (ops[ops.length - 1] !== "(") out.push(ops.pop()); ops.pop(); }
    else {
      while (ops.length && ops[ops.length - 1] !== "(" &&
        (PREC[ops[ops.length - 1]] > PREC[ch] || (PREC[ops[ops.length - 1]] === PREC[ch] && !RIGHT[ch]))) out.push(ops.pop());
      ops.push(ch);
    }
  }
  flushNum();
  while (ops.length) out.push(ops.pop());
  return out;
}
function evalRPN(tokens) {
  var st = [];
  tokens.forEach(function (t) {
    if (t in PREC) {
      var b = st.pop(), a = st.pop();
      st.push(t === "+" ? a + b : t === "-" ? a - b : t === "*" ? a * b : t === "/" ? a / b : t === "%" ? a % b : a ** b);
    } else st.push(parseFloat(t));
  });
  return st.pop();
}
["3 + 4 * 2 / (1 - 5) ^ 2 ^ 3", "(1 + 2) * (3 + 4)", "10 / 4 - 0.5", "2 ^ 10 % 1000", "100 - 10 - 1", "7"]
  .forEach(function (e) {
    var rpn = toRPN(e);
    console.log(e, "=>", rpn.join(" "), "=", evalRPN(rpn));
  });
