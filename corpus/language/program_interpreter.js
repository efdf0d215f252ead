// A tiny expression tokenizer, parser and evaluator with variables.
function tokenize(src) {
  var tokens = [], i = 0;
  while (i < src.length) {
    var ch = src[i];
    if (ch === " ") { i++; continue; }
    if (ch >= "0" && ch <= "9") {
      var num = "";
      while (i < src.length && ((src[i] >= "0" && src[i] <= "9") || src[i] === ".")) num += src[i++];
      tokens.push({ t: "num", v: parseFloat(num) });
    } else if ((ch >= "a" && ch <= "z") || ch === "_") {
      var id = "";
      while (i < src.length && ((src[i] >= "a" && src[i] <= "z") || src[i] === "_")) id += src[i++];
      tokens.push({ t: "id", v: id });
    } else if ("+-*/()=^".includes(ch)) { tokens.push({ t: ch }); i++; }
    else throw new SyntaxError("bad char " + ch);
  }
  return tokens;
}
function parse(tokens) {
  var pos = 0;
  var peek = function () { return tokens[pos] && tokens[pos].t; };
  function primary() {
    var tok = tokens[pos++];
    if (!tok) throw new SyntaxError("unexpected end");
    if (tok.t === "num") return { k: "num", v: tok.v };
    if (tok.t === "id") return { k: "var", n: tok.v };
    if (tok.t === "-") return { k: "neg", e: primary() };
    if (tok.t === "(") { var e = expr(); pos++; return e; }
    throw new SyntaxError("unexpected " + tok.t);
  }
  function power() { var b = primary(); return peek() === "^" ? (pos++, { k: "^", l: b, r: power() }) : b; }
  function term() { var l = power(); while (peek() === "*" || peek() === "/") l = { k: tokens[pos++].t, l: l, r: power() }; return l; }
  function expr() { var l = term(); while (peek() === "+" || peek() === "-") l = { k: tokens[pos++].t, l: l, r: term() }; return l; }
  function stmt() {
    if (tokens[1] && tokens[1].t === "=") { var name = tokens[0].v; pos = 2; return { k: "let", n: name, e: expr() }; }
    return expr();
  }
  return stmt();
}
function evaluate(node, env) {
  switch (node.k) {
    case "num": return node.v;
    case "var": if (!(node.n in env)) throw new ReferenceError(node.n + " undefined"); return env[node.n];
    case "neg": return -evaluate(node.e, env);
    case "let": return (env[node.n] = evaluate(node.e, env));
    case "^": return Math.pow(evaluate(node.l, env), evaluate(node.r, env));
    case "+": return evaluate(node.l, env) + evaluate(node.r, env);
    case "-": return evaluate(node.l, env) - evaluate(node.r, env);
    case "*": return evaluate(node.l, env) * evaluate(node.r, env);
    case "/": return evaluate(node.l, env) / evaluate(node.r, env);
  }
}
var env = Object.create(null);
["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "x = 10", "y = x / 4", "x * y - -1", "z + 1", "3 $ 4", "(1 +"]
  .forEach(function (line) {
    try {
      console.log(line, "=>", evaluate(parse(tokenize(line)), env));
    } catch (e) {
      console.log(line, "=>", e.name);
    }
  });
console.log(JSON.stringify(parse(tokenize("a + b * 2"))));
