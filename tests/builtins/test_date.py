"""Date in the system time zone (builtins/date.c, date_parse.c): each test runs the engine with TZ
set in the child's environment. Seeded generated cases are compared with node under the same TZ
(skipped without node); DST edges, the zone names and thread safety get hard assertions."""
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
ZONES = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"]


def run(argv, tz, code):
    env = dict(os.environ, TZ=tz, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    process = subprocess.run(argv + [code], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert process.returncode == 0, process.stderr
    return process.stdout


def ours(tz, code, *flags):
    return run([sys.executable, "-m", "jsthreads", "run", *flags, "-e"], tz, code)


def node(tz, code):
    return run([NODE, "-e"], tz, code)


def generated_program(seed):
    """A program printing, one JSON line per case, what the local-time API makes of it."""
    rng = random.Random(seed)
    utc_times = [rng.randint(-2208988800000, 4102444800000) for _ in range(250)]   # 1900..2100
    utc_times += [rng.randint(-8_640_000_000_000_000 // 100, 8_640_000_000_000_000 // 100) for _ in range(30)]
    locals_ = [[rng.randint(1900, 2100), rng.randint(-2, 13), rng.randint(-3, 33), rng.randint(-1, 25),
                rng.randint(-5, 65), rng.randint(0, 59), rng.randint(0, 999)] for _ in range(250)]
    # Every 15 minutes across the DST transition days of 2021 in the zones under test.
    for month, day in [(2, 14), (2, 28), (3, 4), (9, 3), (10, 7), (10, 31), (2, 27), (9, 31)]:
        for minute in range(0, 4 * 60, 15):
            locals_.append([2021, month, day, minute // 60, minute % 60, 0, 0])
    strings = ["Jan 2 2020", "2020/01/02 10:20:30", "2020-01-02T10:20", "Sun Mar 08 2020 02:30:00",
               "Nov 1 2020 1:30 AM", "2020-03-29T02:30:00", "6/15/2020 14:30:45.678"]
    return """
const strip = (s) => s.indexOf(" (") < 0 ? s : s.slice(0, s.indexOf(" ("));
const out = [];
const view = (d) => [d.getTime(), d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(),
  d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getTimezoneOffset(), d.getYear(),
  strip(d.toString()), d.toDateString(), strip(d.toTimeString()), d.toLocaleString()];
for (const t of %s) {
  const d = new Date(t);
  const row = view(d);
  row.push(Date.parse(d.toString()), d.setHours(d.getHours() + 1), d.setDate(15), d.setMonth(6),
           d.setMinutes(90, 5), d.setFullYear(1999), d.setMilliseconds(1234), d.setYear(5));
  out.push(JSON.stringify(row));
}
for (const c of %s) out.push(JSON.stringify(view(new Date(...c))));
for (const s of %s) out.push(JSON.stringify([s, Date.parse(s)]));
console.log(out.join("\\n"));
""" % (json.dumps(utc_times), json.dumps(locals_), json.dumps(strings))


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("tz", ZONES)
def test_local_time_agrees_with_node(tz):
    """~560 generated cases per zone: getters, offsets, string forms, local setters and parsing
    (zone names are compared separately: glibc abbreviations only map to ICU names for some)."""
    code = generated_program(ZONES.index(tz))
    mine, theirs = ours(tz, code).splitlines(), node(tz, code).splitlines()
    assert len(mine) == len(theirs)
    mismatches = [(a, b) for a, b in zip(mine, theirs) if a != b]
    assert mismatches == []


DST_EDGES = {
    # (local components) -> (getTime, toString) as node prints them
    "America/New_York": [
        ([2020, 2, 8, 2, 30], 1583652600000, "Sun Mar 08 2020 03:30:00 GMT-0400 (Eastern Daylight Time)"),
        ([2020, 10, 1, 1, 30], 1604208600000, "Sun Nov 01 2020 01:30:00 GMT-0400 (Eastern Daylight Time)"),
        ([2020, 10, 1, 2, 0], 1604214000000, "Sun Nov 01 2020 02:00:00 GMT-0500 (Eastern Standard Time)"),
        ([2020, 0, 1], 1577854800000, "Wed Jan 01 2020 00:00:00 GMT-0500 (Eastern Standard Time)"),
        ([1800, 0, 1], -5364644638000, "Wed Jan 01 1800 00:00:00 GMT-0456 (GMT-04:56)"),
    ],
    "Europe/Berlin": [
        ([2020, 2, 29, 2, 30], 1585445400000, "Sun Mar 29 2020 03:30:00 GMT+0200 (Central European Summer Time)"),
        ([2020, 9, 25, 2, 30], 1603585800000, "Sun Oct 25 2020 02:30:00 GMT+0200 (Central European Summer Time)"),
        ([2020, 0, 1], 1577833200000, "Wed Jan 01 2020 00:00:00 GMT+0100 (Central European Standard Time)"),
    ],
    "Asia/Kolkata": [
        ([2020, 0, 1], 1577817000000, "Wed Jan 01 2020 00:00:00 GMT+0530 (India Standard Time)"),
    ],
    "UTC": [
        ([2020, 0, 1], 1577836800000, "Wed Jan 01 2020 00:00:00 GMT+0000 (Coordinated Universal Time)"),
    ],
    "Australia/Lord_Howe": [
        # Half-hour DST: 02:15 does not exist on 4 Oct 2020; 01:45 on 5 Apr 2020 happens twice.
        ([2020, 9, 4, 2, 15], 1601739900000, "Sun Oct 04 2020 02:45:00 GMT+1100 (GMT+11:00)"),
        ([2020, 3, 5, 1, 45], 1586011500000, "Sun Apr 05 2020 01:45:00 GMT+1100 (GMT+11:00)"),
        ([2020, 6, 1], 1593523800000, "Wed Jul 01 2020 00:00:00 GMT+1030 (GMT+10:30)"),
    ],
}


@pytest.mark.parametrize("tz", ZONES)
def test_dst_edges_take_the_offset_before_the_transition(tz):
    """A skipped local time moves forward, a repeated one takes its earlier instant (V8's rule)."""
    cases = DST_EDGES[tz]
    code = "for (const c of %s) { const d = new Date(...c); console.log(d.getTime() + '|' + d.toString()); }" % (
        json.dumps([c for c, _, _ in cases]))
    assert ours(tz, code).splitlines() == ["%d|%s" % (t, s) for _, t, s in cases]


def test_offsets_and_getters_in_kolkata():
    code = """
const d = new Date(Date.UTC(2020, 0, 1, 20, 0));
console.log(d.getTimezoneOffset(), d.getDate(), d.getHours(), d.getMinutes(), d.toLocaleString());
console.log(new Date(1800, 0, 1).getTimezoneOffset(), new Date(NaN).getTimezoneOffset());
"""
    assert ours("Asia/Kolkata", code) == "-330 2 1 30 1/2/2020, 1:30:00 AM\n-353 NaN\n"


def test_date_now_is_a_wall_clock_in_milliseconds():
    code = "const a = Date.now(); let b = a; while (b - a < 20) b = Date.now(); console.log(Number.isInteger(a), b - a < 1000, Math.abs(a - new Date().getTime()) < 1000);"
    assert ours("UTC", code) == "true true true\n"
    import time
    printed = int(ours("UTC", "console.log(Date.now())"))
    assert abs(printed - time.time() * 1000) < 60_000


def test_racing_setters_and_getters_never_tear():
    """[[DateValue]] is one atomic word: a reader racing two writers sees only whole values."""
    code = """
const d = new Date(0);
const A = 8.64e15, B = -1234567.5 | 0;
const writers = [A, B].map((v) => new Thread(() => { for (let i = 0; i < 20000; i++) d.setTime(v); }));
let bad = 0;
for (let i = 0; i < 20000; i++) {
  const t = d.getTime();
  if (t !== 0 && t !== A && t !== B) bad++;
  d.getUTCFullYear(); d.toISOString();
}
for (const w of writers) w.join();
console.log(bad, d.getTime() === A || d.getTime() === B);
"""
    assert ours("UTC", code, "--threads") == "0 true\n"


def test_bad_input_gives_js_errors_not_crashes():
    code = """
for (const f of ["getTime", "setTime", "toISOString", "toString", "setHours", "getYear", "toJSON"]) {
  try { Date.prototype[f].call(f === "toJSON" ? { toISOString: 1 } : {}, 1); console.log(f, "no error"); }
  catch (e) { console.log(f, e.constructor.name); }
}
console.log(Date.parse("\\u00e9\\u4e00 2020"), Date.parse("(" .repeat(1000)), Date.parse("9".repeat(400)));
console.log(new Date(2020, 0, 1, 0, 0, 0, 1e300).getTime(), Date.UTC(-1e300), new Date(1e81, 0).getTime());
"""
    assert ours("UTC", code) == (
        "getTime TypeError\nsetTime TypeError\ntoISOString TypeError\ntoString TypeError\n"
        "setHours TypeError\ngetYear TypeError\ntoJSON TypeError\nNaN NaN NaN\nNaN NaN NaN\n")
