// JSON and unicode: escapes, lone surrogates (well-formed stringify), control chars.
console.log(JSON.stringify("\u00e9\u4e2d\u{1F600}"));
console.log(JSON.stringify("\u0000\u0001\u001f\u007f"));
console.log(JSON.stringify("\ud800"), JSON.stringify("\udfff"), JSON.stringify("\ud83d\ude00"));
console.log(JSON.stringify("\u2028\u2029"), JSON.stringify("\b\f\n\r\t"));
console.log(JSON.parse('"\\ud83d\\ude00"') === "\u{1F600}", JSON.parse('"\\u00e9"'));
console.log(JSON.parse('"\\uD83D"').length, JSON.parse('"caf\\u00E9"'));
var round = { emoji: "\u{1F600}", cjk: "\u6f22\u5b57", mixed: "a\u0301" };
console.log(JSON.stringify(JSON.parse(JSON.stringify(round))) === JSON.stringify(round));
console.log(JSON.stringify({ "\u00e9": 1, "key\nwith newline": 2 }));
console.log(JSON.parse('{"\\u0061":"b"}').a);
console.log(JSON.stringify("</script>"), JSON.stringify("'single'"));
