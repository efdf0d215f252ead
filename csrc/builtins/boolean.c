/*
 * builtins/boolean.c — the Boolean constructor (a conversion when called, a wrapper when
 * constructed) and Boolean.prototype, itself a Boolean object holding false (§19.3.3).
 */
#include "builtins.h"

static Value Boolean_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value b = value_from_bool(ops_to_boolean(builtin_arg(args, argc, 0)));
    if (value_is_undefined(ts->new_target)) return b;
    Value prototype = function_prototype_for(ts, ts->new_target, INTRINSIC_BOOLEAN_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    PrimitiveObject *o = object_alloc(ts, sizeof(PrimitiveObject), CELL_BOOLEAN_OBJECT, prototype);
    if (!o) return JS_EXCEPTION;
    o->primitive = b;
    return value_from_cell(o);
}

// thisBooleanValue (§19.3.3): a boolean or a Boolean wrapper.
static Value this_boolean_value(ThreadState *ts, Value self, const char *method) {
    if (value_is_bool(self)) return self;
    if (value_cell_type(self) == CELL_BOOLEAN_OBJECT) return ((PrimitiveObject *)value_to_cell(self))->primitive;
    return error_throw_type(ts, "%s requires that 'this' be a Boolean", method);
}

static Value Boolean_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value b = this_boolean_value(ts, self, "Boolean.prototype.toString");
    if (value_is_exception(b)) return JS_EXCEPTION;
    return b == JS_TRUE ? ATOM(ts, true) : ATOM(ts, false);
}

static Value Boolean_prototype_valueOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    return this_boolean_value(ts, self, "Boolean.prototype.valueOf");
}

static const BuiltinEntry boolean_prototype_methods[] = {
    BUILTIN_FN("toString", Boolean_prototype_toString, 0),
    BUILTIN_FN("valueOf", Boolean_prototype_valueOf, 0),
};

bool builtins_install_boolean(ThreadState *ts) {
    PrimitiveObject *o = object_alloc(ts, sizeof(PrimitiveObject), CELL_BOOLEAN_OBJECT,
                                      realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (!o) return false;
    o->primitive = JS_FALSE;
    Value prototype = value_from_cell(o);
    ts->rt->realm.intrinsics[INTRINSIC_BOOLEAN_PROTOTYPE] = prototype;
    Value constructor = builtins_install_constructor(ts, "Boolean", Boolean_constructor, 1, prototype, 0);
    return !value_is_exception(constructor) &&
           builtins_install_table(ts, prototype, boolean_prototype_methods,
                                  BUILTIN_COUNT(boolean_prototype_methods));
}
