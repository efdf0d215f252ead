"""The jsthreads command: exit codes and how each class of error is reported (issue 3):
SyntaxError with file:line:col and a caret, TypeError naming the property, RangeError on
stack overflow, uncaught errors with a JS stack — never a Python traceback."""
import pytest


def no_traceback(*texts):
    return all("Traceback" not in text for text in texts)


def test_success_exit_zero(run_js):
    code, out, err = run_js("console.log('hi', 1 + 2)")
    assert (code, out, err) == (0, "hi 3\n", "")


def test_syntax_error_has_position_and_caret(run_js):
    code, out, err = run_js("let a = 1;\nlet b = ;\n", "bad.js")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == "SyntaxError: Unexpected token ';'"
    assert lines[1] == "    at bad.js:2:9"
    assert lines[2] == "    let b = ;"
    assert lines[3] == "            ^"


def test_early_error_reported_before_running(run_js):
    code, out, err = run_js("console.log('ran');\nlet x = 1;\nlet x = 2;\n", "dup.js")
    assert code == 1 and out == ""
    assert err.startswith("SyntaxError: Identifier 'x' has already been declared\n    at dup.js:3:5")


def test_type_error_names_the_property(run_js):
    code, out, err = run_js("var o;\nconsole.log('before');\no.color;\n", "prop.js")
    assert code == 1 and out == "before\n"
    assert err.splitlines()[0] == "Uncaught TypeError: Cannot read properties of undefined (reading 'color')"
    assert "prop.js:3:" in err and no_traceback(err)


def test_reference_error_and_stack_frames(run_js):
    code, out, err = run_js("function inner() { return missing + 1; }\nfunction outer() { return inner(); }\nouter();\n", "ref.js")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == "Uncaught ReferenceError: missing is not defined"
    assert lines[1].startswith("    at inner (ref.js:1:")
    assert lines[2].startswith("    at outer (ref.js:2:")
    assert lines[3].startswith("    at ref.js:3:")


def test_stack_overflow_is_a_catchable_range_error(run_js):
    code, out, err = run_js(
        "function f(n) { return f(n + 1) + 1; }\n"
        "try { f(0); } catch (e) { console.log(e instanceof RangeError, e.message); }\n"
        "function g() { return [0].map(g); }\n"
        "try { g(); } catch (e) { console.log(e instanceof RangeError); }\n")
    assert (code, err) == (0, "")
    assert out == "true Maximum call stack size exceeded\ntrue\n"


def test_uncaught_non_error_value(run_js):
    code, out, err = run_js("throw 42;")
    assert code == 1 and err.startswith("Uncaught 42")


def test_error_in_microtask_is_uncaught(run_js):
    code, out, err = run_js("Promise.resolve().then(() => { throw new RangeError('late'); });\nconsole.log('sync');\n")
    assert code == 1 and out == "sync\n"
    assert "RangeError: late" in err and no_traceback(err)


def test_missing_file_exit_two(cli):
    code, out, err = cli("run", "no-such-file.js")
    assert code == 2 and "no-such-file.js" in err and no_traceback(err)


def test_bad_usage_exit_two(cli):
    code, out, err = cli("frobnicate")
    assert code == 2 and no_traceback(err)


def test_eval_flag(cli):
    code, out, err = cli("run", "-e", "console.log([1, 2].map(x => x * 2))")
    assert (code, out) == (0, "[ 2, 4 ]\n")


@pytest.mark.parametrize("flag", ["--gil", "--threads"])
def test_modes_accepted(run_js, flag):
    assert run_js("console.log(typeof globalThis)", "m.js", flag)[:2] == (0, "object\n")


def test_bad_regexp_literal_is_an_early_syntax_error(run_js):
    # Reported before anything runs: 'a' is never printed.
    code, out, err = run_js("console.log('a');\nvar r = /ab(c/;\n")
    assert code == 1 and out == "" and no_traceback(err)
    assert "SyntaxError: Invalid regular expression: /ab(c/" in err and ":2:" in err


def test_bad_regexp_from_the_constructor_is_a_catchable_syntax_error(run_js):
    code, out, err = run_js("try { new RegExp('(') } catch (e) { console.log(e.name, /ab+c/.test('xabbc')) }")
    assert code == 0 and out == "SyntaxError true\n"


def test_repl_echoes_values_and_survives_errors(cli):
    code, out, err = cli("repl", stdin="let x = 6\nfunction f(a) {\n  return a * x\n}\nf(7)\nnull.y\nx + 1\n")
    assert code == 0
    lines = out.splitlines()
    assert "42" in lines and "7" in lines
    assert any(line.startswith("Uncaught TypeError") for line in lines)


def test_disasm_prints_functions(cli, tmp_path):
    (tmp_path / "d.js").write_text("function add(a, b) { return a + b; }\n")
    code, out, err = cli("disasm", "d.js", cwd=tmp_path)
    assert code == 0 and "add" in out and "ADD" in out


def test_async_generator_runs_to_the_end_of_the_script(run_js):
    # Calling one only creates it; its body runs from next(), after the script (INT-16).
    code, out, err = run_js("async function* g() { console.log('body'); yield 1; }\nconsole.log('before');\n"
                            "g().next().then(r => console.log(r.value));\nconsole.log('after');\n")
    assert (code, err) == (0, "")
    assert out == "before\nbody\nafter\n1\n"


def test_source_bytes_reach_the_parser_untranslated(cli, tmp_path):
    # A bare CR is a line terminator of its own and stays in the source text (issue 3): reading
    # the file in text mode would have turned it, and CR LF, into LF.
    (tmp_path / "cr.js").write_bytes(b"function f() {\r}\r\nfunction g() {\r\n}\n"
                                     b"console.log(JSON.stringify(String(f)), JSON.stringify(String(g)));\r"
                                     b"console.log(new Error('e').stack.split('\\n')[1].trim());\n")
    code, out, err = cli("run", "cr.js", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.splitlines() == ['"function f() {\\r}" "function g() {\\r\\n}"', "at cr.js:6:13"]


def test_invalid_utf8_is_a_read_error(cli, tmp_path):
    (tmp_path / "bad.js").write_bytes(b"console.log('\xff');\n")
    code, out, err = cli("run", "bad.js", cwd=tmp_path)
    assert code == 2 and "cannot read bad.js" in err and no_traceback(err)


def test_code_cache_serves_unchanged_files_and_follows_edits(cli, tmp_path):
    cache = tmp_path / "cache"
    env = {"JSTHREADS_CODE_CACHE": str(cache), "PYTHONDONTWRITEBYTECODE": ""}
    script = tmp_path / "c.js"
    script.write_text("console.log('one');\n")

    def entries():
        return sorted(path.name for path in cache.rglob("*") if path.is_file())

    assert cli("run", "c.js", cwd=tmp_path, env=env)[:2] == (0, "one\n")
    first = entries()
    assert len(first) == 1
    assert cli("run", "c.js", cwd=tmp_path, env=env)[:2] == (0, "one\n")
    assert entries() == first
    script.write_text("console.log('two');\n")
    assert cli("run", "c.js", cwd=tmp_path, env=env)[:2] == (0, "two\n")
    assert len(entries()) == 2
    script.write_text("let = ;\n")
    assert cli("run", "c.js", cwd=tmp_path, env=env)[0] == 1
    assert len(entries()) == 2  # failed compilations are not stored
    script.write_text("console.log('three');\n")
    assert cli("run", "c.js", cwd=tmp_path, env=dict(env, PYTHONDONTWRITEBYTECODE="1"))[:2] == (0, "three\n")
    assert len(entries()) == 2  # like .pyc files: nothing written under PYTHONDONTWRITEBYTECODE


def test_fast_run_path_leaves_everything_else_to_argparse(cli, tmp_path):
    from jsthreads import cli as cli_module

    args = cli_module._fast_run_args(["run", "x.js", "--gil", "--shell-helpers"])
    assert (args.file, args.gil, args.shell_helpers, args.eval) == ("x.js", True, True, None)
    for arguments in (["run"], ["run", "a.js", "b.js"], ["run", "-e", "1"], ["run", "x.js", "--gil", "--threads"],
                      ["run", "x.js", "--bogus"], ["repl"], ["run", "--help"]):
        assert cli_module._fast_run_args(arguments) is None, arguments
    code, out, err = cli("run", "x.js", "--gil", "--threads", cwd=tmp_path)
    assert code == 2 and "not allowed with argument" in err


@pytest.mark.parametrize("mode", ["--threads", "--gil"])
def test_the_readme_demo_runs_the_same_in_both_modes(cli, mode):
    code, out, err = cli("run", "examples/demo.js", mode)
    assert (code, err) == (0, "")
    assert "squares from threads: [ 1, 4, 9, 16 ]" in out and "hits: 40000 workers seen: 4" in out
    assert out.splitlines()[-1] == "timer fired last"
