"""Number, Math and the global number functions (builtins/number.c, math.c, global.c) compared with node."""
import pytest

PRELUDE = r"""
"""

CASES = {
    "part1": r"""
        var xs = [0, -0, 1, 1.5, -1.5, 2.5, 123.456, 0.000001234, 1e21, 1e-7, 255, -255, 1234.5678, 0.5, 1.005, 1.45, 8.345, NaN, Infinity, -Infinity, 1e100, 2**53 + 2];
        for (var x of xs) {
          var r = [x.toString(), x.toString(2), x.toString(16), x.toString(36), x.toFixed(), x.toFixed(2), x.toExponential(), x.toExponential(3), x.toPrecision(), x.toPrecision(4), x.toLocaleString()];
          console.log(r.join(' | '));
        }
        console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON, Number.MAX_VALUE, Number.MIN_VALUE);
        console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), Number.isSafeInteger(2**53), Number.isSafeInteger(2**53 - 1), Number.isNaN('x'), isNaN('x'), Number.isFinite('5'), isFinite('5'));
        console.log(parseInt('  42px'), parseInt('0x1f'), parseInt('1f', 16), parseInt('z', 36), parseInt(''), parseInt('-0'), parseInt('12', 1), parseInt('11', 2), parseFloat('3.14abc'), parseFloat('.5e1'), parseFloat('-Infinityx'), parseFloat('x'));
    """,
    "part2": r"""
        console.log(Number.parseInt === parseInt, Number.parseFloat === parseFloat, Number('12abc'), Number(''), Number('  0x10  '), Number(null), Number([]), Number(['7']));
        console.log(new Number(5) + 1, typeof new Number(5), Number.prototype.valueOf.call(7), (5).constructor === Number);
        try { (1).toFixed(101); } catch (e) { console.log(e.name, e.message); }
        try { (1).toString(37); } catch (e) { console.log(e.name, e.message); }
        try { Number.prototype.toString.call('x'); } catch (e) { console.log(e.name, e.message); }
        console.log((1234567.891).toLocaleString(), (-0.0005).toLocaleString(), (999.9995).toLocaleString(), (0.0005).toLocaleString(), (1e21).toLocaleString(), (12).toLocaleString());
        console.log(Math.max(), Math.min(), Math.max(1, NaN), Math.max(-0, 0), Math.min(0, -0), Math.round(-0.5), Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.sign(-3), Math.trunc(-4.7), Math.hypot(3, 4), Math.hypot(), Math.clz32(1), Math.imul(3, -4), Math.fround(5.5), Math.fround(5.05), Math.cbrt(27), Math.abs(-7.5), Math.ceil(-0.5), Math.floor(-0.5));
        console.log(typeof Math.random(), Math.random() < 1, Object.prototype.toString.call(Math), String(Math));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_node(same_as_node, name):
    same_as_node(PRELUDE + CASES[name])
