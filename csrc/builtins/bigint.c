/*
 * builtins/bigint.c — the BigInt global (a function that refuses `new`), BigInt.asIntN/asUintN,
 * BigInt.prototype, ToBigInt and the bigint.h conversions typed arrays and DataView use.
 * The representation and arithmetic live in ../bigint_ops.c (VAL-6..VAL-9).
 */
#include <math.h>

#include "builtins.h"
#include "../bigint.h"
#include "../errors.h"

// The value as V8 shows it in "Cannot convert X to a BigInt" (strings unquoted, symbols as
// Symbol(desc)); a String value, or JS_EXCEPTION.
static Value describe(ThreadState *ts, Value v) {
    if (value_is_symbol(v)) {
        Value description = ((Symbol *)value_to_cell(v))->description;
        StringBuilder b;
        string_builder_init(&b, ts);
        string_builder_append_cstr(&b, "Symbol(");
        if (value_is_string(description)) string_builder_append_string(&b, description);
        string_builder_append_char(&b, ')');
        return string_builder_finish(&b);
    }
    return ops_to_string(ts, v);
}

static Value cannot_convert(ThreadState *ts, Value v, bool syntax) {
    Value text = describe(ts, v);
    if (value_is_exception(text)) return JS_EXCEPTION;
    if (syntax) return error_throw_syntax(ts, "Cannot convert %V to a BigInt", text);
    return error_throw_type(ts, "Cannot convert %V to a BigInt", text);
}

// ToBigInt (§7.1.13) after ToPrimitive: numbers refuse (use BigInt(n)), strings parse.
static Value primitive_to_bigint(ThreadState *ts, Value prim) {
    if (value_is_bigint(prim)) return prim;
    if (value_is_bool(prim)) return bigint_from_int64(ts, prim == JS_TRUE);
    if (value_is_string(prim)) {
        Value result = bigint_from_string(ts, prim);
        if (result == JS_HOLE) return cannot_convert(ts, prim, true);
        return result;
    }
    return cannot_convert(ts, prim, false);
}

Value ops_to_bigint(ThreadState *ts, Value v) {
    if (value_is_bigint(v)) return v;
    Value prim = ops_to_primitive(ts, v, HINT_NUMBER);
    if (value_is_exception(prim)) return JS_EXCEPTION;
    return primitive_to_bigint(ts, prim);
}

bool value_to_bigint64(ThreadState *ts, Value v, int64_t *out) {
    Value b = ops_to_bigint(ts, v);
    if (value_is_exception(b)) return false;
    *out = (int64_t)bigint_low64(b);
    return true;
}

bool value_to_biguint64(ThreadState *ts, Value v, uint64_t *out) {
    Value b = ops_to_bigint(ts, v);
    if (value_is_exception(b)) return false;
    *out = bigint_low64(b);
    return true;
}

// NumberToBigInt (§21.2.1.1.1): only integral numbers convert.
static Value number_to_bigint(ThreadState *ts, Value n) {
    double d = value_to_number(n);
    if (!isfinite(d) || d != trunc(d)) {
        Value text = ops_to_string(ts, n);
        if (value_is_exception(text)) return JS_EXCEPTION;
        return error_throw_range(ts, "The number %V cannot be converted to a BigInt because it is "
                                     "not an integer", text);
    }
    return bigint_from_double(ts, d);
}

static Value BigInt_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (!value_is_undefined(ts->new_target)) return error_throw_type(ts, "BigInt is not a constructor");
    Value prim = ops_to_primitive(ts, builtin_arg(args, argc, 0), HINT_NUMBER);
    if (value_is_exception(prim)) return JS_EXCEPTION;
    if (value_is_number(prim)) return number_to_bigint(ts, prim);
    return primitive_to_bigint(ts, prim);
}

// BigInt.asIntN (magic 1) and BigInt.asUintN (magic 0): ToIndex(bits), then ToBigInt(bigint).
static Value BigInt_asN(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    double bits;   // ToIndex, with V8's message
    if (!ops_to_integer(ts, builtin_arg(args, argc, 0), &bits)) return JS_EXCEPTION;
    if (bits < 0 || bits > 9007199254740991.0)
        return error_throw_range(ts, "Invalid value: not (convertible to) a safe integer");
    Value b = ops_to_bigint(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(b)) return JS_EXCEPTION;
    return bigint_as_n(ts, bits, b, magic == 1);
}

// thisBigIntValue (§21.2.3): a BigInt or a BigInt wrapper; `method` names the caller.
static Value this_bigint_value(ThreadState *ts, Value self, const char *method) {
    if (value_is_bigint(self)) return self;
    if (value_cell_type(self) == CELL_BIGINT_OBJECT) return ((PrimitiveObject *)value_to_cell(self))->primitive;
    return error_throw_type(ts, "%s requires that 'this' be a BigInt", method);
}

static Value BigInt_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    Value b = this_bigint_value(ts, self, magic ? "BigInt.prototype.toLocaleString"
                                                : "BigInt.prototype.toString");
    if (value_is_exception(b)) return JS_EXCEPTION;
    Value radix_arg = builtin_arg(args, argc, 0);
    double radix = 10;
    if (!magic && !value_is_undefined(radix_arg)) {
        if (!ops_to_integer(ts, radix_arg, &radix)) return JS_EXCEPTION;
        if (radix < 2 || radix > 36)
            return error_throw_range(ts, "toString() radix argument must be between 2 and 36");
    }
    return bigint_to_string(ts, b, (int)radix);
}

static Value BigInt_prototype_valueOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    return this_bigint_value(ts, self, "BigInt.prototype.valueOf");
}

static const BuiltinEntry bigint_statics[] = {
    BUILTIN_FN_MAGIC("asIntN", BigInt_asN, 2, 1),
    BUILTIN_FN_MAGIC("asUintN", BigInt_asN, 2, 0),
};

static const BuiltinEntry bigint_prototype_methods[] = {
    BUILTIN_FN_MAGIC("toString", BigInt_prototype_toString, 0, 0),
    BUILTIN_FN_MAGIC("toLocaleString", BigInt_prototype_toString, 0, 1),
    BUILTIN_FN("valueOf", BigInt_prototype_valueOf, 0),
    BUILTIN_STRING("@@toStringTag", "BigInt", PROP_CONFIGURABLE),
};

bool builtins_install_bigint(ThreadState *ts) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_BIGINT_PROTOTYPE] = prototype;
    // A constructor only so that `new BigInt` reaches the function and its TypeError, and so that
    // IsConstructor(BigInt) holds as the spec requires.
    Value constructor = builtins_install_constructor(ts, "BigInt", BigInt_constructor, 1, prototype, 0);
    return !value_is_exception(constructor) &&
           builtins_install_table(ts, constructor, bigint_statics, BUILTIN_COUNT(bigint_statics)) &&
           builtins_install_table(ts, prototype, bigint_prototype_methods,
                                  BUILTIN_COUNT(bigint_prototype_methods));
}
