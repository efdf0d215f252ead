// The legacy RegExp statics as node (V8) has them: updated by every successful builtin exec
// (exec, test, and the String methods that go through @@match/@@replace/@@search/@@split),
// untouched by failed matches; "" for anything not matched; input is settable, the rest ignore
// assignments.
function show(label) {
    console.log(label, JSON.stringify([RegExp.input, RegExp.lastMatch, RegExp.lastParen,
        RegExp.leftContext, RegExp.rightContext, RegExp.$1, RegExp.$2, RegExp.$9]));
}
show("initial");
/(\w+)@(\w+)\.com/.exec("mail bob@example.com now");
show("exec");
/nothing/.exec("here");
show("failed exec");
"2024-01-15".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1");
show("replace");
"a,b;c".split(/[,;]/);
show("split");
"one two three".match(/t(\w+)/g);
show("global match");
/(x)?y/.test("zy");
show("unmatched group");
const words = [];
"the quick brown fox".replace(/\b(\w)(\w*)/g, (m, first, rest) => {
    words.push(RegExp.$1 + "|" + RegExp.leftContext.length);
    return first.toUpperCase() + rest;
});
console.log(words.join(" "));
RegExp.input = "replaced input";
show("input set");
RegExp.lastMatch = "nope";
show("lastMatch assignment ignored");
console.log(RegExp["$_"] === RegExp.input, RegExp["$&"] === RegExp.lastMatch, RegExp["$+"] === RegExp.lastParen,
    RegExp["$`"] === RegExp.leftContext, RegExp["$'"] === RegExp.rightContext);
