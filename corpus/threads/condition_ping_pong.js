// Two threads take strict turns through a Condition: the log order is fully determined.
const lock = new Lock();
const cond = new Condition();
const s = { turn: 0, log: [] };
function player(me, rounds) {
    for (let i = 0; i < rounds; i++) {
        lock.hold(() => {
            while (s.turn !== me) cond.wait(lock);
            s.log.push(me === 0 ? "ping" : "pong");
            s.turn = 1 - me;
            cond.notifyAll();
        });
    }
}
const a = new Thread(player, 0, 100);
const b = new Thread(player, 1, 100);
a.join(); b.join();
console.log(s.log.length, s.log.slice(0, 4).join(" "), s.log.slice(-2).join(" "));
let alternates = true;
for (let i = 1; i < s.log.length; i++) if (s.log[i] === s.log[i - 1]) alternates = false;
console.log(alternates);
