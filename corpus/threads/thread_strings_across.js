// Strings (flat and concatenated ropes) made on one thread are read on others.
const parts = new Thread(() => {
    let s = "";
    for (let i = 0; i < 200; i++) s += String.fromCharCode(97 + (i % 26));
    return [s, "héllo wörld", "\u{1F600} emoji", s.slice(10, 20)];
}).join();
console.log(parts[0].length, parts[0].slice(0, 30));
console.log(parts[1], parts[1].length, parts[2].length, parts[3]);
// Two threads flatten the same rope at once; both see the same text.
let rope = "";
for (let i = 0; i < 500; i++) rope += i % 10;
const a = new Thread((s) => s.indexOf("789012") + ":" + s.length, rope);
const b = new Thread((s) => s.charAt(499) + s.charAt(0), rope);
console.log(a.join(), b.join(), rope.length);
