/*
 * builtins/function.c — the Function constructor (CreateDynamicFunction through the runtime's
 * compile hook) and Function.prototype: call, apply, bind (BoundFunction cells), toString,
 * @@hasInstance, and the poisoned `caller`/`arguments` accessors. Function objects themselves
 * (closures, natives, names) are csrc/function.c's.
 */
#include "builtins.h"
#include "../frame.h"

// CreateDynamicFunction (§19.2.1.1.1): "p1,p2" and the body go to the compiler separately, so
// a parameter list cannot close the function early. `flags` adds COMPILE_GENERATOR/ASYNC.
Value builtins_create_dynamic_function(ThreadState *ts, const Value *args, int argc, int flags) {
    StringBuilder parameters;
    string_builder_init(&parameters, ts);
    for (int i = 0; i + 1 < argc; i++) {
        Value p = ops_to_string(ts, args[i]);
        if (value_is_exception(p)) {
            string_builder_discard(&parameters);
            return JS_EXCEPTION;
        }
        if (i > 0) string_builder_append_char(&parameters, ',');
        string_builder_append_string(&parameters, p);
    }
    Value parameter_text = string_builder_finish(&parameters);
    if (value_is_exception(parameter_text)) return JS_EXCEPTION;
    Value body = argc > 0 ? ops_to_string(ts, args[argc - 1]) : string_empty(ts);
    if (value_is_exception(body)) return JS_EXCEPTION;
    if (!ts->rt->compile_hook) return error_throw_syntax(ts, "Code generation from strings disallowed");
    Value code = ts->rt->compile_hook(ts, body, COMPILE_FUNCTION | flags, parameter_text);
    if (value_is_exception(code)) return JS_EXCEPTION;
    // Dynamic functions close over the global scope only (env undefined = global).
    Value fn = function_new_closure(ts, code, JS_UNDEFINED, JS_UNDEFINED);
    if (value_is_exception(fn)) return JS_EXCEPTION;
    // Decided by what was compiled, so the object always matches its code.
    uint32_t code_flags = ((Code *)value_to_cell(code))->flags;
    bool async_generator = (code_flags & CODE_ASYNC) && (code_flags & CODE_GENERATOR);
    if (async_generator && !function_setup_async_generator(ts, fn)) return JS_EXCEPTION;
    Value new_target = ts->new_target;
    if (!value_is_undefined(new_target) && new_target != ts->callee) {
        // GetPrototypeFromConstructor's fallback is the kind's own %...Function.prototype%.
        Intrinsic fallback = async_generator ? INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE
                           : (flags & COMPILE_GENERATOR) ? INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE
                           : (flags & COMPILE_ASYNC) ? INTRINSIC_ASYNC_FUNCTION_PROTOTYPE
                           : INTRINSIC_FUNCTION_PROTOTYPE;
        Value prototype = function_prototype_for(ts, new_target, fallback);
        if (value_is_exception(prototype) || object_set_prototype_of(ts, fn, prototype, true) < 0)
            return JS_EXCEPTION;
    }
    return fn;
}

bool function_setup_async_generator(ThreadState *ts, Value fn) {
    if (object_set_prototype_of(ts, fn, realm_intrinsic(ts, INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE), false) < 0)
        return false;
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_ASYNC_GENERATOR_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    return object_define_value(ts, fn, ATOM(ts, prototype), prototype, PROP_WRITABLE) >= 0;
}

static Value Function_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    return builtins_create_dynamic_function(ts, args, argc, 0);
}

static Value Function_prototype_apply(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!ops_is_callable(self)) return error_throw_type(ts, "Function.prototype.apply was called on %V, "
                                                            "which is a %V and not a function",
                                                        self, ops_typeof(ts, self));
    Value this_value = builtin_arg(args, argc, 0);
    Value array_like = builtin_arg(args, argc, 1);
    if (value_is_nullish(array_like)) return interp_call(ts, self, this_value, NULL, 0);
    Value list = ops_create_list_from_array_like(ts, array_like);
    if (value_is_exception(list)) return JS_EXCEPTION;
    Values *values = value_to_cell(list);
    return interp_call(ts, self, this_value, values->items, (int)values->count);
}

static Value Function_prototype_call(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    // interp_call reports a non-callable `this` as "... is not a function".
    return interp_call(ts, self, builtin_arg(args, argc, 0), argc > 1 ? args + 1 : NULL,
                       argc > 1 ? argc - 1 : 0);
}

// BoundFunctionCreate (§9.4.1.3) plus the `length` and `name` steps of §19.2.3.2.
static Value Function_prototype_bind(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!ops_is_callable(self)) return error_throw_type(ts, "Bind must be called on a function");
    Value prototype = object_get_prototype_of(ts, self);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    int bound_argc = argc > 1 ? argc - 1 : 0;
    Value bound_args = JS_UNDEFINED;
    if (bound_argc > 0) {
        Values *list = values_new(ts, (uint32_t)bound_argc);
        if (!list) return JS_EXCEPTION;
        for (int i = 0; i < bound_argc; i++) list->items[i] = args[i + 1];
        list->count = (uint32_t)bound_argc;
        bound_args = value_from_cell(list);
    }
    BoundFunction *bound = object_alloc(ts, sizeof(BoundFunction), CELL_BOUND_FUNCTION, prototype);
    if (!bound) return JS_EXCEPTION;
    bound->target = self;
    bound->bound_this = builtin_arg(args, argc, 0);
    bound->bound_args = bound_args;
    bound->bound_argc = (uint32_t)bound_argc;
    Value fn = value_from_cell(bound);

    double length = 0;
    int has_length = object_has_own_property(ts, self, ATOM(ts, length));
    if (has_length < 0) return JS_EXCEPTION;
    if (has_length) {
        Value target_length = object_get(ts, self, ATOM(ts, length));
        if (value_is_exception(target_length)) return JS_EXCEPTION;
        if (value_is_number(target_length)) {
            double d = value_to_number(target_length);
            if (d == INFINITY) {
                length = INFINITY;
            } else if (d == d && d != -INFINITY) {
                d = trunc(d) - bound_argc;
                length = d > 0 ? d : 0;
            }
        }
    }
    if (object_define_value(ts, fn, ATOM(ts, length), value_from_number(length), PROP_CONFIGURABLE) < 0)
        return JS_EXCEPTION;
    Value target_name = object_get(ts, self, ATOM(ts, name));
    if (value_is_exception(target_name)) return JS_EXCEPTION;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "bound ");
    if (value_is_string(target_name)) string_builder_append_string(&b, target_name);
    Value name = string_builder_finish(&b);
    if (value_is_exception(name) ||
        object_define_value(ts, fn, ATOM(ts, name), name, PROP_CONFIGURABLE) < 0)
        return JS_EXCEPTION;
    return fn;
}

// Whether a native's name can stand in NativeFunction text: "get "/"set " before an
// IdentifierName (ASCII rules; any non-ASCII unit is let through) or a bracketed symbol name.
// The legacy RegExp statics' getters ("get $&", "get $`") cannot, and print without a name.
static bool native_name_printable(ThreadState *ts, Value name) {
    String *s = string_flatten(ts, name);
    if (!s) return false;
    uint32_t n = s->length, i = 0;
    if (n >= 4 && (string_char_at(s, 0) == 'g' || string_char_at(s, 0) == 's') && string_char_at(s, 1) == 'e' &&
        string_char_at(s, 2) == 't' && string_char_at(s, 3) == ' ')
        i = 4;
    if (i < n && string_char_at(s, i) == '[') return string_char_at(s, n - 1) == ']';
    for (uint32_t k = i; k < n; k++) {
        uint16_t c = string_char_at(s, k);
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_' || c >= 0x80;
        if (!letter && !(k > i && c >= '0' && c <= '9')) return false;
    }
    return true;
}

// Closures print their source text; natives, bound functions and closures without source
// print as NativeFunction text (§19.2.3.5).
static Value Function_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc,
                                         int magic) {
    (void)args, (void)argc, (void)magic;
    if (!ops_is_callable(self))
        return error_throw_type(ts, "Function.prototype.toString requires that 'this' be a Function");
    if (value_cell_type(self) == CELL_FUNCTION) {
        Value source = function_source_text(ts, self);
        if (!value_is_undefined(source)) return source;
    }
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "function ");
    if (value_cell_type(self) != CELL_BOUND_FUNCTION) {
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, self, ATOM(ts, name), &desc);
        if (found < 0) {
            string_builder_discard(&b);
            return JS_EXCEPTION;
        }
        if (found && !(desc.attributes & PROP_ACCESSOR) && value_is_string(desc.value) &&
            native_name_printable(ts, desc.value))
            string_builder_append_string(&b, desc.value);
    }
    string_builder_append_cstr(&b, "() { [native code] }");
    return string_builder_finish(&b);
}

static Value Function_prototype_hasInstance(ThreadState *ts, Value self, const Value *args, int argc,
                                            int magic) {
    (void)magic;
    int result = ops_ordinary_has_instance(ts, self, builtin_arg(args, argc, 0));
    return result < 0 ? JS_EXCEPTION : value_from_bool(result);
}

static const BuiltinEntry function_prototype_methods[] = {
    BUILTIN_FN("apply", Function_prototype_apply, 2),
    BUILTIN_FN("bind", Function_prototype_bind, 1),
    BUILTIN_FN("call", Function_prototype_call, 1),
    BUILTIN_FN("toString", Function_prototype_toString, 0),
    // Non-writable and non-configurable so that instanceof cannot be hijacked by assignment.
    {"@@hasInstance", BUILTIN_KIND_FUNCTION, 0, 1, 0, Function_prototype_hasInstance, NULL, 0, NULL},
};

bool builtins_install_function(ThreadState *ts) {
    Value prototype = realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE);
    Value thrower = realm_intrinsic(ts, INTRINSIC_THROW_TYPE_ERROR);
    // AddRestrictedFunctionProperties (§9.2.7.1) on %Function.prototype%.
    if (object_define_accessor(ts, prototype, ATOM(ts, arguments), thrower, thrower, PROP_CONFIGURABLE) < 0 ||
        object_define_accessor(ts, prototype, ATOM(ts, caller), thrower, thrower, PROP_CONFIGURABLE) < 0)
        return false;
    Value constructor = builtins_install_constructor(ts, "Function", Function_constructor, 1, prototype, 0);
    return !value_is_exception(constructor) &&
           builtins_install_table(ts, prototype, function_prototype_methods,
                                  BUILTIN_COUNT(function_prototype_methods));
}
