/*
 * builtins/error.c — Error, the NativeErrors (EvalError ... URIError) and AggregateError:
 * constructors callable without new, the ES2022 `cause` option, Error.prototype.toString and
 * V8's Error.captureStackTrace / stackTraceLimit. Throw helpers and `stack` text are error.c's.
 */
#include "builtins.h"
#include "../frame.h"

// Defines `cause` when the options object has one (InstallErrorCause, ES2022 §20.5.8.1).
static bool install_cause(ThreadState *ts, Value error, Value options) {
    if (!value_is_object(options)) return true;
    int has = object_has_property(ts, options, ATOM(ts, cause));
    if (has <= 0) return has == 0;
    Value cause = object_get(ts, options, ATOM(ts, cause));
    return !value_is_exception(cause) &&
           object_define_value(ts, error, ATOM(ts, cause), cause, PROP_HIDDEN) >= 0;
}

// IterableToList(errors) as an Array, for AggregateError.
static Value iterable_to_array(ThreadState *ts, Value iterable) {
    IteratorRecord it;
    if (!ops_get_iterator(ts, iterable, &it)) return JS_EXCEPTION;
    Value array = array_new(ts, 0);
    if (value_is_exception(array)) return JS_EXCEPTION;
    for (;;) {
        Value item = ops_iterator_step(ts, &it);
        if (value_is_exception(item)) return JS_EXCEPTION;
        if (item == JS_HOLE) return array;
        if (array_push(ts, array, item) < 0) {
            ops_iterator_close(ts, &it, true);
            return JS_EXCEPTION;
        }
    }
}

// V8 leaves the constructors of the error out of its stack: frames up to and including the one
// running new.target (a subclass constructor calling super) are skipped; none when new.target
// runs no JS frame (plain `new Error`, or Reflect.construct with an unrelated new.target).
static int frames_of_construction(ThreadState *ts, Value new_target) {
    int n = 0;
    for (Frame *f = ts->frame; f; n++) {
        if (f->callee == new_target) return n + 1;
        int32_t caller = value_to_int(f->caller);
        f = caller >= 0 ? (Frame *)(ts->stack_base + caller) : NULL;
    }
    return 0;
}

// Every error constructor; magic is the ErrorKind. Own keys come out as V8 orders them:
// stack, message, (cause), (errors).
static Value Error_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    ErrorKind kind = (ErrorKind)magic;
    Value new_target = value_is_undefined(ts->new_target) ? ts->callee : ts->new_target;
    Value prototype = function_prototype_for(ts, new_target, error_kind_prototype(kind));
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    Value error = error_alloc(ts, prototype);
    if (value_is_exception(error)) return JS_EXCEPTION;
    if (object_define_value(ts, error, ATOM(ts, stack), JS_UNDEFINED, PROP_HIDDEN) < 0) return JS_EXCEPTION;
    int first = kind == ERROR_AGGREGATE ? 1 : 0;   // AggregateError(errors, message, options)
    Value message = builtin_arg(args, argc, first);
    if (!value_is_undefined(message)) {
        message = ops_to_string(ts, message);
        if (value_is_exception(message) ||
            object_define_value(ts, error, ATOM(ts, message), message, PROP_HIDDEN) < 0)
            return JS_EXCEPTION;
    }
    if (!install_cause(ts, error, builtin_arg(args, argc, first + 1))) return JS_EXCEPTION;
    if (kind == ERROR_AGGREGATE) {
        Value errors = iterable_to_array(ts, builtin_arg(args, argc, 0));
        if (value_is_exception(errors) ||
            object_define_value(ts, error, ATOM(ts, errors), errors, PROP_HIDDEN) < 0)
            return JS_EXCEPTION;
    }
    if (!error_install_stack(ts, error, frames_of_construction(ts, new_target))) return JS_EXCEPTION;
    return error;
}

static Value Error_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    if (!value_is_object(self))
        return error_throw_type(ts, "Method Error.prototype.toString called on incompatible receiver %V", self);
    Value name = object_get(ts, self, ATOM(ts, name));
    if (value_is_exception(name)) return JS_EXCEPTION;
    name = value_is_undefined(name) ? string_from_cstr(ts, "Error") : ops_to_string(ts, name);
    if (value_is_exception(name)) return JS_EXCEPTION;
    Value message = object_get(ts, self, ATOM(ts, message));
    if (value_is_exception(message)) return JS_EXCEPTION;
    message = value_is_undefined(message) ? string_empty(ts) : ops_to_string(ts, message);
    if (value_is_exception(message)) return JS_EXCEPTION;
    if (string_length(name) == 0) return message;
    if (string_length(message) == 0) return name;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_string(&b, name);
    string_builder_append_cstr(&b, ": ");
    string_builder_append_string(&b, message);
    return string_builder_finish(&b);
}

// V8's Error.captureStackTrace(target): gives any object a `stack` like an error's. The second
// argument (frames above a function to hide) is accepted and ignored.
static Value Error_captureStackTrace(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target = builtin_arg(args, argc, 0);
    if (!value_is_object(target)) return error_throw_type(ts, "Invalid argument");
    return error_install_stack(ts, target, 0) ? JS_UNDEFINED : JS_EXCEPTION;
}

static const BuiltinEntry error_statics[] = {
    BUILTIN_FN("captureStackTrace", Error_captureStackTrace, 2),
    BUILTIN_NUMBER("stackTraceLimit", 10, PROP_DEFAULT),
};

static const BuiltinEntry error_prototype_methods[] = {
    BUILTIN_FN("toString", Error_prototype_toString, 0),
};

// Creates one error constructor and its prototype (name, message) and stores the prototype.
static Value install_kind(ThreadState *ts, ErrorKind kind, Value parent_prototype) {
    Value prototype = object_new(ts, parent_prototype);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    ts->rt->realm.intrinsics[error_kind_prototype(kind)] = prototype;
    const char *name = error_kind_name(kind);
    Value constructor = function_new_native(ts, Error_constructor, name, kind == ERROR_AGGREGATE ? 2 : 1,
                                            kind, NATIVE_CONSTRUCTOR);
    Value name_string = string_from_cstr(ts, name);
    Value empty = string_empty(ts);
    if (value_is_exception(constructor) || value_is_exception(name_string) || value_is_exception(empty) ||
        object_define_value(ts, constructor, ATOM(ts, prototype), prototype, 0) < 0 ||
        object_define_value(ts, prototype, ATOM(ts, constructor), constructor, PROP_HIDDEN) < 0 ||
        object_define_value(ts, prototype, ATOM(ts, name), name_string, PROP_HIDDEN) < 0 ||
        object_define_value(ts, prototype, ATOM(ts, message), empty, PROP_HIDDEN) < 0 ||
        !builtins_define_global(ts, name, constructor))
        return JS_EXCEPTION;
    return constructor;
}

bool builtins_install_error(ThreadState *ts) {
    Value error = install_kind(ts, ERROR_PLAIN, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(error) ||
        !builtins_install_table(ts, error, error_statics, BUILTIN_COUNT(error_statics)))
        return false;
    Value error_prototype = realm_intrinsic(ts, INTRINSIC_ERROR_PROTOTYPE);
    if (!builtins_install_table(ts, error_prototype, error_prototype_methods,
                                BUILTIN_COUNT(error_prototype_methods)))
        return false;
    // Each NativeError constructor inherits from Error itself (§19.5.6.2).
    for (int kind = ERROR_EVAL; kind < ERROR_KIND_COUNT; kind++) {
        Value constructor = install_kind(ts, (ErrorKind)kind, error_prototype);
        if (value_is_exception(constructor) || object_set_prototype_of(ts, constructor, error, true) < 0)
            return false;
    }
    return true;
}
