// parseInt, parseFloat and Number() conversions.
console.log(parseInt("42px"), parseInt("  -17  "), parseInt("0x1A"), parseInt("1e3"));
console.log(parseInt("08"), parseInt("0.9"), parseInt(""), parseInt("-0"));
console.log(parseInt("101", 2), parseInt("12", 3), parseInt("z", 36), parseInt("9", 8));
console.log(parseInt(0.0000005), parseInt(1e21), parseInt(null, 36));
console.log(parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-.5e2"), parseFloat("e5"));
console.log(parseFloat("Infinityx"), parseFloat("  1.5  "), parseFloat("1.2.3"));
console.log(Number(""), Number("  12  "), Number("12px"), Number("0x10"), Number("0b101"));
console.log(Number("0o17"), Number("1e3"), Number("-Infinity"), Number(".5"), Number("5."));
console.log(Number(null), Number(undefined), Number(true), Number([]), Number([7]));
console.log(Number([1, 2]), Number({}), Number("\t\n 3 \n"));
console.log(Number.parseInt === parseInt, Number.parseFloat === parseFloat);
console.log(+"1_000", Number("+5"), Number("--5"), Number("1 2"));
console.log(0b1010, 0o17, 0xFF, 0B11, 0O7, 0Xa, .5e1, 5e-1);
