// Backtracking, lookaround, backreferences, case folding and unicode mode of the regexp engine.
function show(re, s) {
    var m = re.exec(s);
    console.log(String(re), JSON.stringify(s), m ? JSON.stringify(Array.from(m)) + ' @' + m.index : 'null');
}
show(/(a|ab)(c|bcd)(d*)/, 'abcd');
show(/^(?:(a+)|b)+$/, 'aabaa');
show(/(z)((a+)?(b+)?(c))*/, 'zaacbbbcac');
show(/(?=(a+))a*b\1/, 'baaabac');
show(/(.*?)a(?!(a+)b\2c)\2(.*)/, 'baaabaac');
show(/(?<=\$)\d+(?:\.\d\d)?/, 'price: $42.50');
show(/(?<!-)\b\d+/, '-5 and 7');
show(/(?<=(\d+)(\d+))$/, '1053');
show(/(?<quote>['"]).*?\k<quote>/, 'say "hi" or \'bye\'');
show(/([a-z])\1+/i, 'abcCCd');
show(/\u212a/i, 'k');
show(/\u212a/iu, 'k');
show(/^.{3}$/u, 'a\u{1F600}b');
show(/^.{3}$/, 'a\u{1F600}b');
show(/[\u{1F600}-\u{1F64F}]+/u, 'smile \u{1F601}\u{1F602}!');
show(/\p{Lu}\p{Ll}+/u, 'hello World');
show(/\P{ASCII}+/u, 'na\u00efve caf\u00e9');
show(/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/, 'first.last+tag@mail.example.org');
show(/a{2,4}?b|a+c/, 'aaaaac');
show(/x*/g, 'xxy');
show(/^$|^a/m, 'b\n\na');
show(/[^]/, '\n');
show(/.+/s, 'two\nlines');
// A pathological pattern on a short input still finishes.
show(/^(a+)+$/, 'aaaaaaaaaaaaaaaaaaaa!');
// Annex B syntax outside unicode mode.
show(/]{}\1\8/, ']{}\x018');
show(/\c1[\c1]/, '\\c1\x11');
