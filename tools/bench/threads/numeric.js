// Independent numeric work: one unit is a pure integer/float loop with no allocation and no shared
// state, so N threads should finish N units in the time one thread takes for one.
function unit(index) {
  let x = index + 1;
  let acc = 0;
  for (let i = 0; i < 1000000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    acc += (x & 1023) * 0.5;
  }
  return acc % 1000003;
}
