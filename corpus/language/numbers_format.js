// Default number -> string conversion (shortest round-trip, exponent forms).
var values = [0, -0, 1, -1, 0.1, 0.2 + 0.1, 1 / 3, 100, 1e6, 1e20, 1e21,
  1.5e21, 123456789012345680000, 1e-6, 1e-7, 1.23e-7, 0.000001234,
  5e-324, 1.7976931348623157e308, 2 ** 53, 2 ** 64, -1e-7, 4.35, 0.1 * 3,
  1e100, 12e-1, 255 / 256, 1 / 7];
for (var i = 0; i < values.length; i++) {
  console.log(String(values[i]));
}
console.log(-0, [-0], String(-0), `${-0}`);
console.log(1e21 + "", 1e-7 + "", (25).toString());
