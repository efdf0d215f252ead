"""Scope semantics that the node-generated corpus cannot show (node runs files as CommonJS
modules, so their top-level let is not a global lexical): the global cases of
EvalDeclarationInstantiation and GlobalDeclarationInstantiation, run through the CLI."""

import pytest


def run_lines(run_js, source):
    code, out, err = run_js(source)
    assert code == 0, err
    return out.splitlines()


def test_eval_var_cannot_redeclare_a_global_lexical(run_js):
    lines = run_lines(run_js, """
        let g = 1;
        function attempt(label, f) {
          try { f(); console.log(label, "ok"); } catch (e) { console.log(label, e.name); }
        }
        attempt("direct", () => eval("var g"));
        attempt("direct at top", function () { return (0, eval)("eval('var g')"); });
        attempt("indirect", () => (0, eval)("var g"));
        attempt("indirect function", () => (0, eval)("function g() {}"));
        attempt("block let", () => (0, eval)("{ let h; eval('var h'); }"));
        attempt("own let", () => (0, eval)("let q = 1; q"));
        attempt("no leak", () => { if (typeof q !== "undefined") throw new Error(); });
        console.log(g);
    """)
    assert lines == ["direct ok", "direct at top SyntaxError", "indirect SyntaxError",
                     "indirect function SyntaxError", "block let SyntaxError", "own let ok",
                     "no leak ok", "1"]


def test_indirect_eval_lexicals_do_not_become_globals(run_js):
    lines = run_lines(run_js, """
        (0, eval)("let a = 1; const b = 2; class C {} var v = a + b; function f() { return a; }");
        console.log(typeof a, typeof b, typeof C, v, f());
        console.log(Object.getOwnPropertyDescriptor(globalThis, "v").configurable);
        (0, eval)("let a = 'again'");
        (0, eval)("'use strict'; var s = 1; function sf() {}");
        console.log(typeof s, typeof sf);
    """)
    assert lines == ["undefined undefined undefined 3 1", "true", "undefined undefined"]


@pytest.mark.parametrize("source, expected", [
    ("var x = 'outer'; function f(a = x) { var x = 'inner'; return a; } console.log(f());", "outer"),
    ("function f(a = b, b) {} try { f(); } catch (e) { console.log(e.name); }", "ReferenceError"),
    ("function f(a, a) { arguments[1] = 9; return a; } console.log(f(1, 2));", "9"),
    ("function f() { return eval('() => this')(); } console.log(f.call('s') == 's');", "true"),
])
def test_function_scope_cases(run_js, source, expected):
    assert run_lines(run_js, source) == [expected]


def test_with_assignments_keep_the_reference_they_resolved_first(run_js):
    """ES2020 6.2.4.9 (node differs): the write goes to the binding found before the right side
    ran, even if that binding was deleted meanwhile."""
    lines = run_lines(run_js, """
        var x = 0;
        var scope = { get x() { delete this.x; return 2; } };
        with (scope) { x ^= 3; }
        console.log(scope.x, x);
        var o = { y: 1 };
        with (o) { y += (delete o.y, 5); }
        console.log(o.y);
        var obj = { id: 1 };
        with (obj) { var id = delete obj.id; }
        console.log(obj.id, id);
        function f() { var a = 1; eval("a += 2; a++"); return a; }
        console.log(f());
    """)
    assert lines == ["1 0", "6", "true undefined", "4"]


def test_break_out_of_finally_completes_with_its_value(run_js):
    lines = run_lines(run_js, """
        console.log(eval("99; do { -99; try { 39 } catch (e) { -1 } finally { 42; break; -2 } } while (false);"));
        console.log(eval("99; do { -99; try { 39 } catch (e) { -1 } finally { break; -2 } } while (false);"));
        console.log(eval("99; do { -99; try { 39 } finally { 42 } } while (false);"));
    """)
    assert lines == ["42", "undefined", "39"]


def test_a_script_whose_let_conflicts_creates_none_of_its_vars(run_js):
    """GlobalDeclarationInstantiation checks the lexical names before creating any binding
    (§16.1.7), so a second script's `var x; let taken;` throws and leaves no `x` behind."""
    code, out, err = run_js("""
        var takenVar; let takenLet;
        const shell = globalThis.$jstShell;
        for (const source of ["var x; let takenVar;", "var y; let takenLet;", "var z; const takenLet = 1;"]) {
          try { shell.evalScript(source); console.log("no error"); } catch (e) { console.log(e.name); }
        }
        console.log(typeof x, typeof y, typeof z, "x" in globalThis);
        shell.evalScript("var fresh = 1; let freshLet = 2;");
        console.log(fresh, freshLet, Object.getOwnPropertyDescriptor(globalThis, "fresh").configurable);
    """, env={"JSTHREADS_SHELL_HELPERS": "1"})
    assert code == 0, err
    assert out.splitlines() == ["SyntaxError", "SyntaxError", "SyntaxError", "undefined undefined undefined false",
                                "1 2 false"]
