console.log(/a\/b/gi, [/x/], {r: /y/m}, new RegExp(""));
class R extends RegExp {}; console.log(new R("z"));
var q = /k/; q.extra = 1; console.log(q);
console.log(Object.prototype.toString.call(/x/), Object.prototype.toString.call(new Date(0)), new Date(0), [new Date(NaN)]);
