// console.log formatting of sparse arrays and arrays with extra properties.
console.log([, 1]);
console.log([1, , 3]);
console.log([1, , , , 5]);
console.log(new Array(3));
console.log(new Array(1));
console.log([, ,]);
var a = [1, 2];
a.extra = "prop";
console.log(a);
var b = [];
b[5] = "end";
console.log(b);
var c = [1, 2, 3];
delete c[1];
console.log(c);
var d = [];
d["-1"] = "negative";
console.log(d);
