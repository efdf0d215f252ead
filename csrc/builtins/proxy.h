/*
 * builtins/proxy.h — the seam between Proxy exotic objects (builtins/proxy.c) and the code that
 * dispatches on callables (ops.c: IsCallable, IsConstructor, IsArray; interp.c: [[Call]] and
 * [[Construct]]; inspect.c). Reflect (builtins/reflect.c) lends its descriptor conversions back.
 * Implements the callable half of OM-P1..OM-P5 (specs/objectmodel.md, "Proxy").
 */
#ifndef JST_PROXY_H
#define JST_PROXY_H

#include "../object.h"

enum { PROXY_CALLABLE = 1, PROXY_CONSTRUCTOR = 2 };

/*
 * A Proxy cell. Target and handler are not fields: they live as one immutable [target, handler]
 * Values pair in named slot 0 of the proxy's ordinary storage (so object_trace marks them), under
 * a key only Proxy knows. Revocation replaces the pair with null by one atomic store [OM-P2].
 */
typedef struct ProxyObject {
    Object object;     // CELL_PROXY
    uint8_t kind;      // PROXY_* of the target at creation; written before the proxy is published
} ProxyObject;

static inline uint8_t proxy_kind(Value v) {
    return value_cell_type(v) == CELL_PROXY ? ((ProxyObject *)value_to_cell(v))->kind : 0;
}
static inline bool proxy_is_callable(Value v) { return (proxy_kind(v) & PROXY_CALLABLE) != 0; }
static inline bool proxy_is_constructor(Value v) { return (proxy_kind(v) & PROXY_CONSTRUCTOR) != 0; }

// [[Call]] and [[Construct]] of a callable proxy (§9.5.12-13); `fn` is a CELL_PROXY.
Value proxy_call(ThreadState *ts, Value fn, Value this_value, const Value *args, int argc);
Value proxy_construct(ThreadState *ts, Value fn, const Value *args, int argc, Value new_target);
// IsArray through a proxy (§7.2.2 step 3): 1, 0, or -1 after the revoked TypeError.
int proxy_is_array(ThreadState *ts, Value proxy);
// The target, or JS_NULL once revoked (for inspect: runs no trap).
Value proxy_target(Value proxy);

// ToPropertyDescriptor (§6.2.5.5) and FromPropertyDescriptor (§6.2.5.4) of a possibly partial
// descriptor (builtins/reflect.c).
bool reflect_to_property_descriptor(ThreadState *ts, Value obj, PropertyDescriptor *desc);
Value reflect_from_property_descriptor(ThreadState *ts, const PropertyDescriptor *desc);

#endif
