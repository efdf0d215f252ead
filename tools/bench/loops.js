// Nested numeric loops: int32 and double arithmetic, comparisons and branches, no calls.
function loops(n) {
  let ints = 0;
  let doubles = 0.5;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      ints = (ints + ((i * j) ^ (i + j))) | 0;
      if ((i + j) % 3 === 0) {
        doubles += i * 0.25 - j * 0.125;
      } else {
        doubles -= 0.5;
      }
    }
  }
  return ints + Math.floor(doubles);
}

loops(2500);
