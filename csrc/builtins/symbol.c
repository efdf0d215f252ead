/*
 * builtins/symbol.c — Symbol (callable, not constructible), the global registry (Symbol.for /
 * keyFor), the well-known symbol properties and Symbol.prototype. Symbols themselves and the
 * registry live in string.c / atom.c.
 */
#include "builtins.h"

static Value Symbol_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (!value_is_undefined(ts->new_target)) return error_throw_type(ts, "Symbol is not a constructor");
    Value description = builtin_arg(args, argc, 0);
    if (!value_is_undefined(description)) {
        description = ops_to_string(ts, description);
        if (value_is_exception(description)) return JS_EXCEPTION;
    }
    return symbol_new(ts, description);
}

static Value Symbol_for(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value key = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(key)) return JS_EXCEPTION;
    return symbol_for(ts, key);
}

static Value Symbol_keyFor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value symbol = builtin_arg(args, argc, 0);
    if (!value_is_symbol(symbol)) return error_throw_type(ts, "%V is not a symbol", symbol);
    return symbol_key_for(ts, symbol);
}

// thisSymbolValue (§19.4.3): a symbol or a Symbol wrapper; `method` names the caller in the error.
static Value this_symbol_value(ThreadState *ts, Value self, const char *method) {
    if (value_is_symbol(self)) return self;
    if (value_cell_type(self) == CELL_SYMBOL_OBJECT) return ((PrimitiveObject *)value_to_cell(self))->primitive;
    return error_throw_type(ts, "%s requires that 'this' be a Symbol", method);
}

static Value Symbol_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value symbol = this_symbol_value(ts, self, "Symbol.prototype.toString");
    if (value_is_exception(symbol)) return JS_EXCEPTION;
    Value description = ((Symbol *)value_to_cell(symbol))->description;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "Symbol(");
    if (value_is_string(description)) string_builder_append_string(&b, description);
    string_builder_append_char(&b, ')');
    return string_builder_finish(&b);
}

static Value Symbol_prototype_valueOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    return this_symbol_value(ts, self, "Symbol.prototype.valueOf");
}

static Value Symbol_prototype_description(ThreadState *ts, Value self, const Value *args, int argc,
                                          int magic) {
    (void)args, (void)argc, (void)magic;
    Value symbol = this_symbol_value(ts, self, "Symbol.prototype.description");
    if (value_is_exception(symbol)) return JS_EXCEPTION;
    return ((Symbol *)value_to_cell(symbol))->description;
}

static Value Symbol_prototype_toPrimitive(ThreadState *ts, Value self, const Value *args, int argc,
                                          int magic) {
    (void)args, (void)argc, (void)magic;
    return this_symbol_value(ts, self, "Symbol.prototype [ @@toPrimitive ]");
}

static const BuiltinEntry symbol_statics[] = {
    BUILTIN_FN("for", Symbol_for, 1),
    BUILTIN_FN("keyFor", Symbol_keyFor, 1),
};

static const BuiltinEntry symbol_prototype_methods[] = {
    BUILTIN_FN("toString", Symbol_prototype_toString, 0),
    BUILTIN_FN("valueOf", Symbol_prototype_valueOf, 0),
    BUILTIN_GETSET("description", Symbol_prototype_description, NULL),
    {"@@toPrimitive", BUILTIN_KIND_FUNCTION, PROP_CONFIGURABLE, 1, 0, Symbol_prototype_toPrimitive, NULL, 0, NULL},
    BUILTIN_STRING("@@toStringTag", "Symbol", PROP_CONFIGURABLE),
};

bool builtins_install_symbol(ThreadState *ts) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_SYMBOL_PROTOTYPE] = prototype;
    Value constructor = builtins_install_constructor(ts, "Symbol", Symbol_constructor, 0, prototype, 0);
    if (value_is_exception(constructor) ||
        !builtins_install_table(ts, constructor, symbol_statics, BUILTIN_COUNT(symbol_statics)) ||
        !builtins_install_table(ts, prototype, symbol_prototype_methods,
                                BUILTIN_COUNT(symbol_prototype_methods)))
        return false;
    // Symbol.iterator and friends: fixed properties holding the runtime's well-known symbols.
    static const char *const names[SYMBOL_COUNT] = {
#define X(n) #n,
        WELL_KNOWN_SYMBOLS(X)
#undef X
    };
    for (int i = 0; i < SYMBOL_COUNT; i++) {
        Value key = atom_from_cstr(ts, names[i]);
        if (value_is_exception(key) ||
            object_define_value(ts, constructor, key, ts->rt->well_known_symbols[i], 0) < 0)
            return false;
    }
    return true;
}
