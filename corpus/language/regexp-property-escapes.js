// Unicode property escapes: scripts, script extensions, categories and binary properties, used
// the way programs use them (tokenizing mixed-script text, stripping marks, finding emoji).
var text = 'Hello мир 世界 \u3053\u3093\u306b\u3061\u306f \u0645\u0631\u062d\u0628\u0627 123 \u{1F600}!';
var scripts = ['Latin', 'Cyrillic', 'Han', 'Hiragana', 'Arabic', 'Common'];
scripts.forEach(function (s) {
  var re = new RegExp('\\p{Script=' + s + '}+', 'gu');
  console.log(s, JSON.stringify(text.match(re)));
});
console.log('cafe\u0301 na\u0308ive'.normalize('NFD').replace(/\p{M}/gu, ''));
console.log(JSON.stringify(text.match(/\p{Emoji_Presentation}/gu)));
console.log(JSON.stringify('a1\u0663\u0966x'.match(/\p{Nd}/gu)));
console.log(/^\p{scx=Hira}+$/u.test('\u3053\u30fc'), /^\p{sc=Hira}+$/u.test('\u3053\u30fc'));
console.log('Ünïcödé Wörds'.split(/\P{L}+/u));
console.log(/[\p{Lu}&&]/u.test('&'), /\p{Lu}/iu.test('a'), /\P{Lu}/iu.test('A'));
['\\p{Script=Klingon}', '\\p{sc=latin}', '\\p{Latin}', '\\p{ASCII=Y}'].forEach(function (src) {
  try { new RegExp(src, 'u'); console.log('accepted', src); }
  catch (e) { console.log(e.name + ': ' + e.message); }
});
console.log(/\p{Latin}/.test('p{Latin}'));
