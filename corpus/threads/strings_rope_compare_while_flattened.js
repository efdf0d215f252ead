// Comparing a shared rope with === walks its leaves without allocating, while other threads
// flatten the same rope (which drops its children once the flat string is published) [STR-2].
// The walk must take the flat string then, never a dropped child.
function rope(seed) {
    let s = "";
    for (let i = 0; i < 40; i++) s = s + String.fromCharCode(97 + (seed + i) % 26) + i;
    return s;
}
let bad = 0;
for (let round = 0; round < 40; round++) {
    const ropes = [], flats = [];
    for (let k = 0; k < 16; k++) { ropes.push(rope(round + k)); flats.push(rope(round + k).split("").join("")); }
    const threads = [];
    for (let t = 0; t < 4; t++) {
        threads.push(new Thread(() => {
            let wrong = 0;
            for (let k = 0; k < ropes.length; k++) {
                const j = (k + t) % ropes.length;
                if (t % 2 === 0) { if (ropes[j] !== flats[j]) wrong++; }
                else if (ropes[j].charCodeAt(5) !== flats[j].charCodeAt(5)) wrong++;
            }
            return wrong;
        }));
    }
    for (const th of threads) bad += th.join();
}
console.log("mismatches:", bad);
