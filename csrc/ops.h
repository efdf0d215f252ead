/*
 * ops.h — the abstract operations of ES2020 §7 and the generic operators: conversions (ToNumber,
 * ToString, ToPrimitive, ...), equality and relational comparison, typeof, instanceof, the
 * generic + and property access on any value (primitives through their prototypes).
 * Implemented by ops.c. Every coercion in the core goes through here, so each exists once.
 */
#ifndef JST_OPS_H
#define JST_OPS_H

#include "value.h"
#include "object.h"
#include "thread.h"

typedef enum { HINT_DEFAULT, HINT_NUMBER, HINT_STRING } PrimitiveHint;

// Conversions; JS_EXCEPTION (or a false/negative return) when user code threw.
Value ops_to_primitive(ThreadState *ts, Value v, PrimitiveHint hint);
bool ops_to_boolean(Value v);
Value ops_to_numeric(ThreadState *ts, Value v);             // a Number or BigInt Value
bool ops_to_number(ThreadState *ts, Value v, double *out);
bool ops_to_int32(ThreadState *ts, Value v, int32_t *out);
bool ops_to_uint32(ThreadState *ts, Value v, uint32_t *out);
bool ops_to_integer(ThreadState *ts, Value v, double *out);  // ToIntegerOrInfinity
bool ops_to_length(ThreadState *ts, Value v, double *out);   // ToLength
bool ops_to_index(ThreadState *ts, Value v, double *out);    // ToIndex (RangeError)
Value ops_to_string(ThreadState *ts, Value v);               // a String Value
Value ops_to_object(ThreadState *ts, Value v);               // TypeError for null/undefined
Value ops_number_to_string(ThreadState *ts, double d);       // Number::toString, small ints cached
int32_t ops_double_to_int32(double d);                       // the modular conversion

// Operators.
Value ops_add(ThreadState *ts, Value a, Value b);            // the generic + (strings, numbers)
// The operators ops_arithmetic implements generically (the interpreter keeps the int32 fast paths).
typedef enum ArithOp {
    ARITH_SUB, ARITH_MUL, ARITH_DIV, ARITH_MOD, ARITH_EXP, ARITH_BIT_AND, ARITH_BIT_OR, ARITH_BIT_XOR,
    ARITH_SHL, ARITH_SAR, ARITH_SHR
} ArithOp;
Value ops_arithmetic(ThreadState *ts, ArithOp op, Value a, Value b);  // ToNumeric both, then op
bool ops_strict_equals(Value a, Value b);
bool ops_same_value(Value a, Value b);
bool ops_same_value_zero(Value a, Value b);
int ops_loose_equals(ThreadState *ts, Value a, Value b);     // 1, 0, or -1 on throw
// Abstract relational comparison a < b: 1 true, 0 false, 2 undefined (NaN), -1 threw.
int ops_less_than(ThreadState *ts, Value a, Value b, bool left_first);
Value ops_typeof(ThreadState *ts, Value v);                  // an atom
int ops_instance_of(ThreadState *ts, Value v, Value target); // 1, 0, -1
int ops_ordinary_has_instance(ThreadState *ts, Value constructor, Value v);
bool ops_is_callable(Value v);
bool ops_is_constructor(Value v);
int ops_is_array(ThreadState *ts, Value v);                  // IsArray (Proxy-aware later)

// Property access on any value: primitives use their wrapper prototype; null/undefined throw
// "Cannot read properties of undefined (reading 'x')" like V8.
Value ops_get(ThreadState *ts, Value base, PropKey key);
Value ops_get_by_value(ThreadState *ts, Value base, Value key);
int ops_set(ThreadState *ts, Value base, PropKey key, Value v, bool strict);
int ops_set_by_value(ThreadState *ts, Value base, Value key, Value v, bool strict);
Value ops_get_method(ThreadState *ts, Value v, PropKey key);  // GetMethod: undefined if nullish
// Helpers natives use constantly.
Value ops_get_cstr(ThreadState *ts, Value obj, const char *name);
int64_t ops_length_of_array_like(ThreadState *ts, Value obj); // -1 on throw
Value ops_species_constructor(ThreadState *ts, Value obj, Value default_constructor);
Value ops_create_list_from_array_like(ThreadState *ts, Value obj);  // a Values cell value

// Iteration protocol (GetIterator, IteratorStep, IteratorClose).
typedef struct IteratorRecord { Value iterator; Value next; bool done; } IteratorRecord;
bool ops_get_iterator(ThreadState *ts, Value v, IteratorRecord *out);
// Returns the next value, JS_HOLE when done, JS_EXCEPTION on throw.
Value ops_iterator_step(ThreadState *ts, IteratorRecord *it);
// Closes after abrupt completion; keeps a pending exception if one is already set.
bool ops_iterator_close(ThreadState *ts, IteratorRecord *it, bool throwing);
Value ops_create_iter_result(ThreadState *ts, Value value, bool done);

// Invoke(v, key, args): GetV then Call; TypeError "x.key is not a function" style when not callable.
Value ops_invoke(ThreadState *ts, Value v, PropKey key, const Value *args, int argc);
// Call(fn, this, args) after checking IsCallable; `what` names the value in the TypeError.
Value ops_call_checked(ThreadState *ts, Value fn, Value this_value, const Value *args, int argc,
                       const char *what);
// The double's spec number value (also for int Values); only valid when value_is_number.
static inline double ops_number_value(Value v) { return value_to_number(v); }

#endif
