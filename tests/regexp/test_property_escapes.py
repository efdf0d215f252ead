r"""\p{...} and \P{...} (csrc/regexp/unicode.c, tables from tools/gen_unicode.py): General_Category,
binary properties, Script/sc and Script_Extensions/scx, compared with node; and the early
SyntaxError for unknown names, both from the literal validator (jsthreads/parse/literals.py,
before anything runs) and from the C compiler (new RegExp)."""
import pytest

CASES = {
    "scripts": r"""
        var t = (src, s) => new RegExp(src, 'u').test(s);
        console.log(t('^\\p{Script=Greek}+$', '\u03b1\u03b2\u1f00'), t('\\p{sc=Grek}', 'abc'), t('^\\p{sc=Latn}+$', 'abc\u00e9'));
        console.log(t('\\p{Script=Han}', '\u4e2d'), t('\\p{sc=Hani}', '\u{20000}'), t('\\P{Script=Han}', '\u4e2d'));
        console.log(t('\\p{scx=Hira}', '\u30fc'), t('\\p{sc=Hira}', '\u30fc'), t('\\p{Script_Extensions=Kana}', '\u30fc'));
        console.log(t('^\\p{sc=Zyyy}+$', '1 .!'), t('\\p{Script=Inherited}', '\u0300'), t('\\p{sc=Zzzz}', '\u0378'));
        console.log(t('[\\p{sc=Kawi}\\p{sc=Nag_Mundari}]', '\u{11f00}'), t('[^\\p{sc=Garay}]', '\u{10d40}'));
        console.log('\u0391a\u03b2b'.replace(/\p{sc=Greek}/gu, '_'), 'x\u{1e900}y'.match(/\p{Script=Adlam}/u)[0].length);
    """,
    "categories_and_binary": r"""
        var t = (src, s) => new RegExp(src, 'u').test(s);
        console.log(t('^\\p{L}+$', 'h\u00e9llo'), t('\\p{Lu}', 'a'), t('\\p{General_Category=Decimal_Number}', '\u0663'), t('\\p{gc=Nd}', 'x'));
        console.log(t('\\p{Emoji}', '\u{1f600}'), t('\\p{Emoji_Presentation}', 'a'), t('\\p{Alphabetic}', '1'), t('\\p{White_Space}', '\u3000'));
        console.log(t('^\\p{Any}$', '\ud800'), t('\\p{Assigned}', '\u0378'), t('\\p{ASCII}', '\x7f'), t('\\p{RI}', '\u{1f1e6}'));
        console.log(t('\\p{Cs}', '\udc00'), t('^[\\p{L}\\p{N}]+$', 'a1\u0663'), t('^\\P{L}+$', '12 3'), t('\\p{Lowercase}', 'A'));
        console.log(t('\\p{Ll}', 'K'), new RegExp('\\p{Ll}', 'iu').test('K'), t('\\p{Changes_When_NFKC_Casefolded}', 'A'));
    """,
    "unknown_names_new_regexp": r"""
        for (var src of ['\\p{Script=Foo}', '\\p{sc=latin}', '\\p{Block=Basic_Latin}', '\\p{ASCII=Yes}', '\\p{InGreek}',
                         '\\p{sc}', '\\p{ascii}', '\\p{L=L}', '\\p{General_Category}', '\\p{gc=Greek}', '\\p{Lowercase_Letter=}',
                         '\\p{ Lu}', '\\p{Lu', '\\p', '[\\p{Foo}]', '\\p{Basic_Emoji}', '\\p{scx=Zyyy}', '\\P{Any}']) {
            try { new RegExp(src, 'u'); console.log('ok', src) } catch (e) { console.log(e.name, e.message) }
        }
        console.log(/\p{Foo}/.test('p{Foo}'), new RegExp('\\p{Foo}').source);
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_property_escapes_like_node(same_as_node, name):
    same_as_node(CASES[name])


@pytest.mark.parametrize("literal", [r"/\p{Script=Foo}/u", r"/\p{sc=Greek}/u", r"/[\P{Blah}]/u",
                                     r"/\p{Script_Extensions=Latin}/u"])
def test_literal_property_names_checked_before_running(jsthreads, literal):
    # A bad name is an early error: the program's first statement never runs.
    result = jsthreads(f"console.log('ran'); var r = {literal};")
    if literal.startswith(r"/\p{sc=Greek}") or literal.startswith(r"/\p{Script_Extensions"):
        assert result.returncode == 0 and result.stdout == "ran\n", result.stderr
    else:
        assert result.returncode != 0 and "ran" not in result.stdout
        assert "SyntaxError" in result.stderr and "Invalid property name" in result.stderr


def test_validator_and_engine_accept_the_same_names(jsthreads):
    # The literal validator's name lists and the C tables come from one generator run; every
    # name the validator accepts must compile in the engine, as a literal and through new RegExp.
    from jsthreads.parse import regexp_properties as names
    exprs = sorted(names.GENERAL_CATEGORY_VALUES | names.BINARY_PROPERTIES)
    exprs += ["gc=" + v for v in sorted(names.GENERAL_CATEGORY_VALUES)]
    exprs += [p + "=" + v for v in sorted(names.SCRIPT_VALUES) for p in ("sc", "Script_Extensions")]
    assert len(names.SCRIPT_VALUES) > 300 and "Tolong_Siki" in names.SCRIPT_VALUES
    literals = "".join(f"/\\p{{{e}}}/u;\n" for e in exprs)
    program = literals + "var bad = [];\n" + "".join(
        f"try {{ new RegExp('\\\\P{{{e}}}', 'u') }} catch (e) {{ bad.push('{e}') }}\n" for e in exprs
    ) + "console.log(bad.length, bad.slice(0, 5).join());"
    result = jsthreads(program)
    assert (result.returncode, result.stdout) == (0, "0 \n"), result.stderr
