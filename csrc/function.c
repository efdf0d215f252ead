/*
 * function.c — function objects: closures over bytecode (with their `length`, `name` and
 * `prototype` properties, and a sloppy function's own `arguments` and `caller`), native function
 * objects, SetFunctionName and GetPrototypeFromConstructor. Must not run bytecode itself
 * (interp.c does).
 */
#include <string.h>
#include "interp.h"
#include "frame.h"
#include "jsstring.h"
#include "ops.h"
#include "errors.h"

static Value closure_prototype_for(ThreadState *ts, Code *code) {
    if (code->flags & CODE_GENERATOR) return realm_intrinsic(ts, INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE);
    if (code->flags & CODE_ASYNC) return realm_intrinsic(ts, INTRINSIC_ASYNC_FUNCTION_PROTOTYPE);
    return realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE);
}

Value function_new_closure(ThreadState *ts, Value code_value, Value env, Value home_object) {
    Code *code = value_to_cell(code_value);
    Value proto = closure_prototype_for(ts, code);
    if (!value_is_object(proto)) proto = realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE);
    Function *fn = object_alloc(ts, sizeof(Function), CELL_FUNCTION, proto);
    if (!fn) return JS_EXCEPTION;
    fn->code = code_value;
    fn->env = env;
    fn->home_object = home_object;
    fn->fields = JS_UNDEFINED;
    Value v = value_from_cell(fn);
    if (code->flags & CODE_SCRIPT) return v;
    if (object_define_value(ts, v, ATOM(ts, length), value_from_int((int32_t)code->length), PROP_CONFIGURABLE) < 0)
        return JS_EXCEPTION;
    if (!(code->flags & CODE_CLASS_CONSTRUCTOR) || string_length(code->name) > 0)
        if (object_define_value(ts, v, ATOM(ts, name), code->name, PROP_CONFIGURABLE) < 0) return JS_EXCEPTION;
    if ((code->flags & CODE_CONSTRUCTOR) && !(code->flags & (CODE_STRICT | CODE_CLASS_CONSTRUCTOR))) {
        // Like node, a sloppy `function` has its own non-writable, non-configurable `arguments`
        // and `caller`, so reading them never reaches %Function.prototype%'s throwing accessors
        // (those are for strict functions only). Node reports the live activation while the
        // function runs; ours always read null, which ES2020 16.2 (forbidden extensions) allows.
        if (object_define_value(ts, v, ATOM(ts, arguments), JS_NULL, 0) < 0 ||
            object_define_value(ts, v, ATOM(ts, caller), JS_NULL, 0) < 0)
            return JS_EXCEPTION;
    }
    if (code->flags & CODE_GENERATOR) {
        Value gen_proto = object_new(ts, realm_intrinsic(ts, INTRINSIC_GENERATOR_PROTOTYPE));
        if (value_is_exception(gen_proto)) return gen_proto;
        if (object_define_value(ts, v, ATOM(ts, prototype), gen_proto, PROP_WRITABLE) < 0) return JS_EXCEPTION;
    } else if (code->flags & CODE_CONSTRUCTOR) {
        Value instance_proto = object_new_plain(ts);
        if (value_is_exception(instance_proto)) return instance_proto;
        if (object_define_value(ts, instance_proto, ATOM(ts, constructor), v, PROP_HIDDEN) < 0) return JS_EXCEPTION;
        if (object_define_value(ts, v, ATOM(ts, prototype), instance_proto, PROP_WRITABLE) < 0) return JS_EXCEPTION;
    }
    return v;
}

Value function_new_native_named(ThreadState *ts, NativeFn fn, Value name, int length, int magic, uint16_t flags) {
    NativeFunction *nf = object_alloc(ts, sizeof(NativeFunction), CELL_NATIVE_FUNCTION,
                                      realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE));
    if (!nf) return JS_EXCEPTION;
    nf->fn = fn;
    nf->magic = (int16_t)magic;
    nf->flags = flags;
    nf->data[0] = nf->data[1] = JS_UNDEFINED;
    Value v = value_from_cell(nf);
    if (object_define_value(ts, v, ATOM(ts, length), value_from_int(length), PROP_CONFIGURABLE) < 0) return JS_EXCEPTION;
    if (value_is_symbol(name)) {
        if (function_set_name(ts, v, name, NULL) < 0) return JS_EXCEPTION;
    } else if (object_define_value(ts, v, ATOM(ts, name), name, PROP_CONFIGURABLE) < 0) {
        return JS_EXCEPTION;
    }
    return v;
}

Value function_new_native(ThreadState *ts, NativeFn fn, const char *name, int length, int magic, uint16_t flags) {
    Value name_value = string_from_cstr(ts, name);
    if (value_is_exception(name_value)) return name_value;
    return function_new_native_named(ts, fn, name_value, length, magic, flags);
}

int function_set_name(ThreadState *ts, Value fn, Value name, const char *prefix) {
    Value text;
    if (value_is_symbol(name)) {
        Symbol *symbol = value_to_cell(name);
        if (value_is_undefined(symbol->description)) {
            text = string_empty(ts);
        } else {
            text = string_concat(ts, string_from_cstr(ts, "["), symbol->description);
            if (value_is_exception(text)) return -1;
            text = string_concat(ts, text, string_from_cstr(ts, "]"));
        }
    } else {
        text = property_key_to_value(ts, name);
    }
    if (value_is_exception(text)) return -1;
    if (prefix) {
        Value p = string_from_cstr(ts, prefix);
        if (value_is_exception(p)) return -1;
        text = string_concat(ts, string_concat(ts, p, string_from_cstr(ts, " ")), text);
        if (value_is_exception(text)) return -1;
    }
    PropertyDescriptor desc = {text, JS_UNDEFINED, JS_UNDEFINED, PROP_CONFIGURABLE,
                               DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE};
    return object_define_own_property(ts, fn, ATOM(ts, name), &desc, true);
}

Value function_prototype_for(ThreadState *ts, Value new_target, Intrinsic fallback) {
    if (value_is_object(new_target)) {
        Value proto = ops_get(ts, new_target, ATOM(ts, prototype));
        if (value_is_exception(proto)) return proto;
        if (value_is_object(proto)) return proto;
    }
    return realm_intrinsic(ts, fallback);
}

bool function_is_class(Value fn) {
    if (value_cell_type(fn) != CELL_FUNCTION) return false;
    Code *code = value_to_cell(((Function *)value_to_cell(fn))->code);
    return (code->flags & CODE_CLASS_CONSTRUCTOR) != 0;
}

Value function_source_text(ThreadState *ts, Value fn) {
    if (value_cell_type(fn) != CELL_FUNCTION) return JS_UNDEFINED;
    Code *code = value_to_cell(((Function *)value_to_cell(fn))->code);
    if (!value_is_string(code->source) || code->source_end <= code->source_start ||
        code->source_end > string_length(code->source))
        return JS_UNDEFINED;
    return string_substring(ts, code->source, code->source_start, code->source_end);
}

void function_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    Function *fn = (Function *)cell;
    heap_mark_value(m, fn->code);
    heap_mark_value(m, fn->env);
    heap_mark_value(m, fn->home_object);
    heap_mark_value(m, fn->fields);
}

bool function_is_constructor(Value fn) {
    if (value_cell_type(fn) != CELL_FUNCTION) return false;
    Code *code = value_to_cell(((Function *)value_to_cell(fn))->code);
    return (code->flags & (CODE_CONSTRUCTOR | CODE_CLASS_CONSTRUCTOR)) != 0;
}
