// Block scoping of let/const/class and function-level var.
let x = "outer";
{
  let x = "block";
  console.log(x);
  {
    const x = "nested";
    console.log(x);
  }
}
console.log(x);
if (true) {
  let onlyHere = 1;
  var everywhere = 2;
}
console.log(typeof onlyHere, everywhere);
{
  class Local {}
  console.log(typeof Local);
}
console.log(typeof Local);
for (let i = 0; i < 1; i++) {
  let i = "shadowed body";
  console.log(i);
}
switch (1) {
  case 1: {
    let s = "case block";
    console.log(s);
  }
}
try {
  throw new Error("e");
} catch (err) {
  let inCatch = "catch block";
  console.log(inCatch, typeof err);
}
console.log(typeof err, typeof inCatch);
var results = [];
label: {
  let tmp = "labelled block";
  results.push(tmp);
  break label;
}
console.log(results, typeof tmp);
