// Template literals: interpolation, nesting, multi-line, coercion.
var name = "world", n = 3;
console.log(`hello ${name}`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`nested ${`inner ${name.toUpperCase()}`} done`);
console.log(`multi
line`);
console.log(`${[1, 2, 3]} ${{}} ${null} ${undefined} ${true}`);
var obj = { toString: function () { return "OBJ"; }, valueOf: function () { return 42; } };
console.log(`${obj}`, "" + obj);
console.log(`${n > 2 ? "big" : "small"}`);
console.log(`a${""}b`, `${1}${2}`);
function greet(p) { return `Hi ${p.first} ${p.last}!`; }
console.log(greet({ first: "Ada", last: "Lovelace" }));
var rows = [1, 2].map(function (i) { return `<li>${i}</li>`; }).join("");
console.log(`<ul>${rows}</ul>`);
console.log(`\u0041\x42\n`.length);
try {
  var sym = Symbol("s");
  console.log(`${sym}`);
} catch (e) {
  console.log(e instanceof TypeError);
}
