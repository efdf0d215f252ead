// Escape sequences in string literals.
var s = "tab\there";
console.log(s, s.length);
console.log("quote: \" and \' and \\");
console.log('single \'inner\' quotes');
console.log("line1\nline2");
console.log("\x41\x42\x43", "\u0041\u00e9", "\u{1F600}".length);
console.log("\0".length, "\0".charCodeAt(0));
console.log("a\
b");
console.log("\b\f\v\r".split("").map(function (c) { return c.charCodeAt(0); }));
console.log("\q\w" === "qw");
console.log("caf\u00e9" === "café");
console.log(JSON.stringify("a\tb\nc\"d\\"));
console.log("\u2028\u2029".length);
console.log(["\n", "\t", "'", "\""]);
console.log(`template \` backtick and \${not} interpolated`);
console.log("\u{41}\u{000042}");
