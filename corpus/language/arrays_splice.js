// Array.prototype.splice in all its forms.
var a = [1, 2, 3, 4, 5];
console.log(a.splice(1, 2), a);
a = [1, 2, 3, 4, 5];
console.log(a.splice(2), a);
a = [1, 2, 3];
console.log(a.splice(1, 0, "x", "y"), a);
a = [1, 2, 3];
console.log(a.splice(-1, 1, "last"), a);
a = [1, 2, 3];
console.log(a.splice(-10, 1), a);
a = [1, 2, 3];
console.log(a.splice(1, 100), a);
a = [1, 2, 3];
console.log(a.splice(), a);
a = [1, 2, 3];
console.log(a.splice(undefined), a);
a = [1, 2, 3];
console.log(a.splice(0, -1, "neg"), a);
a = [1, 2, 3];
console.log(a.splice(1, 1, ["nested"]), a);
function remove(arr, v) {
  var i = arr.indexOf(v);
  if (i >= 0) arr.splice(i, 1);
  return arr;
}
console.log(remove([3, 1, 4, 1, 5], 1));
var list = [1, 2, 3, 4, 5, 6];
for (var i = list.length - 1; i >= 0; i--) if (list[i] % 2) list.splice(i, 1);
console.log(list);
