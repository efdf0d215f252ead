// Atomics on an Int32Array while another thread resizes and transfers (detaches) its buffer.
// The indexes used stay below the smallest length the view ever has while attached, so the
// only legal failure is the TypeError of a detached buffer: validation reads the buffer's
// state once, and a detach landing between "not detached" and "the length" must not surface
// as the RangeError of an index past a length of 0 [TA-8, ES2024 ValidateAtomicAccess].
const ROUNDS = 400;
const box = { ta: null, round: 0, stop: 0, ran: 0 };

function hammer() {
  let seen = -1, other = [], typeErrors = 0, ops = 0, counted = false;
  while (Atomics.load(box, "stop") === 0) {
    const round = Atomics.load(box, "round");
    if (round === seen) continue;
    seen = round;
    const ta = box.ta;
    for (let i = 0; i < 2000; i++) {
      try {
        const k = i & 3;
        Atomics.add(ta, k, 1);
        Atomics.load(ta, k);
        Atomics.compareExchange(ta, k, 5, 6);
        Atomics.exchange(ta, k, 7);
        Atomics.store(ta, k, 1);
        ops++;
      } catch (e) {
        if (e instanceof TypeError) typeErrors++;
        else if (other.length < 3) other.push(String(e));
        break;
      }
    }
    if (!counted && ops + typeErrors > 0) counted = Atomics.add(box, "ran", 1) >= 0;
  }
  return { other, ran: ops > 0 || typeErrors > 0 };
}

const threads = [new Thread(hammer), new Thread(hammer)];
// At least ROUNDS rounds, and on until both threads have run (they may start late on a busy
// machine).
for (let r = 0; r < ROUNDS || (Atomics.load(box, "ran") < 2 && r < 100000); r++) {
  const ab = new ArrayBuffer(64, { maxByteLength: 4096 });
  box.ta = new Int32Array(ab);   // length-tracking: 8 elements at the smallest size below
  Atomics.store(box, "round", r + 1);
  for (let k = 0; k < 20; k++) {
    ab.resize(4096);
    ab.resize(32);
  }
  ab.transfer();
  if (r >= ROUNDS) Atomics.wait(box, "stop", 0, 1);   // a bounded yield, so they run under the GIL
}
Atomics.store(box, "stop", 1);
for (const t of threads) {
  const r = t.join();
  console.log("ran:", r.ran, "errors other than TypeError:", JSON.stringify(r.other));
}
