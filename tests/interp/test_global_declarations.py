"""GlobalDeclarationInstantiation for scripts (ES2020 15.1.11; specs/bytecode.md BC-6): every
name of a script is checked (CHECK_GLOBAL_DECLARATIONS) before any binding is made, so a clash
leaves nothing of the failing script behind. Each Runtime.eval is a script of its own."""
import pytest

import jsthreads
from jsthreads.runtime import JSError


@pytest.fixture
def rt():
    runtime = jsthreads.Runtime()
    runtime.eval("""
        var existingVar = 1; let existingLet = 2; const existingConst = 3; class ExistingClass {}
        Object.defineProperty(globalThis, "locked", { value: 4, writable: false, configurable: false });
    """)
    yield runtime
    runtime.close()


@pytest.mark.parametrize("script, error", [
    ("var fresh; var existingLet;", "SyntaxError: Identifier 'existingLet' has already been declared"),
    ("var fresh; function existingConst() {}", "SyntaxError: Identifier 'existingConst' has already been declared"),
    ("var fresh; let existingVar;", "SyntaxError: Identifier 'existingVar' has already been declared"),
    ("var fresh; class ExistingClass {}", "SyntaxError: Identifier 'ExistingClass' has already been declared"),
    ("var fresh; function locked() {}", "TypeError: Cannot redefine property: locked"),
])
def test_a_clash_leaves_no_binding_behind(rt, script, error):
    with pytest.raises(JSError) as info:
        rt.eval(script)
    assert error in str(info.value)
    assert rt.eval("typeof fresh") == "undefined"
    assert rt.eval("Object.getOwnPropertyNames(globalThis).includes('fresh')") is False


def test_non_extensible_global_refuses_new_names_but_not_existing_ones(rt):
    rt.eval("Object.preventExtensions(globalThis)")
    assert rt.eval("var existingVar; existingVar") == 1
    with pytest.raises(JSError, match="Cannot define property brandNew, object is not extensible"):
        rt.eval("var brandNew;")
    with pytest.raises(JSError, match="Cannot define property newFn, object is not extensible"):
        rt.eval("function newFn() {}")


def test_redeclaring_vars_and_functions_is_allowed(rt):
    assert rt.eval("var existingVar; function existingVar2() {} existingVar") == 1
    assert rt.eval("function existingVar2() { return 7; } existingVar2()") == 7
