// slice, substring, substr, charAt and bracket access.
var s = "JavaScript";
console.log(s.slice(4), s.slice(0, 4), s.slice(-6), s.slice(-6, -3));
console.log(s.slice(5, 2), s.slice(100), JSON.stringify(s.slice(3, 3)));
console.log(s.substring(4), s.substring(4, 0), s.substring(-3, 2), s.substring(NaN, 4));
console.log(s.substr(4, 3), s.substr(-6, 2), s.substr(2));
console.log(s.charAt(0), s.charAt(9), JSON.stringify(s.charAt(10)), s[4], s[99]);
console.log(s.charCodeAt(0), s.charCodeAt(100));
console.log(s.slice(1.7, 3.2), s.substring("2", "5"));
s[0] = "X";
console.log(s);
console.log(s.length, s["length"], "".length);
var chars = [];
for (var i = 0; i < 4; i++) chars.push(s[i]);
console.log(chars);
console.log(Object.keys("abc"), 1 in Object("abc"), "1" in new String("ab"));
