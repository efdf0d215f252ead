/*
 * interp.c — the dispatch loop (computed goto over register bytecode), frame push/pop, calls and
 * constructs, exception unwinding through handler tables, generators, async functions and async
 * generators (their request-queue driver and for-await's opcodes).
 * Implements INT-1..INT-12, INT-15 and INT-16 (specs/interpreter.md) and fills the value profiles
 * (BC-18). JS-to-JS calls push a frame on the thread's register stack and stay in the same
 * loop, so deep JS recursion never consumes the C stack;
 * natives that call back into JS re-enter through interp_call with a depth limit [INT-4].
 * Every thread running a Code shares its inline caches and generators, so IC entries and
 * generator states change atomically [INT-11, INT-12]; slots go through object.h's accessors.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "interp.h"
#include "frame.h"
#include "jsstring.h"
#include "ops.h"
#include "errors.h"
#include "safepoint.h"
#include "structure.h"
#include "atomics.h"
#include "builtins/builtins.h"
#include "builtins/typedarray.h"
#include "builtins/proxy.h"
#include "bigint.h"
#include "gen/opcodes.h"

// Native re-entries (a builtin calling back into JS) nest on the C stack: stop at a fixed depth or
// when the C stack nears its end, whichever comes first, with a RangeError [INT-4].
#define MAX_NATIVE_DEPTH 20000

// Generator / async function activation state [INT-6].
enum { GEN_SUSPENDED_START, GEN_SUSPENDED_YIELD, GEN_RUNNING, GEN_DONE };
enum { RESUME_NEXT, RESUME_THROW, RESUME_RETURN };
typedef struct Generator {
    Object object;                // CELL_GENERATOR
    Value snapshot;               // Values: frame header words then registers
    Value promise;                // async functions: the result promise
    Value return_value;           // the value of a pending return() completion
    uint32_t state;
    uint32_t resume_pc;
    uint32_t resume_register;
    uint32_t is_async;
    uint32_t delegating;          // suspended inside yield*: resumption re-runs YIELD_DELEGATE
    uint32_t resume_mode;         // RESUME_* of the last resumption, read by YIELD_DELEGATE
    uint32_t yielded_raw;         // the value yielded is already an iterator result (yield*)
    uint32_t suspend_pc;          // the YIELD/AWAIT instruction: a resumption by throw() throws there
    // Async generators only [INT-16]: the request queue and its state machine.
    Value queue;                  // Values: [mode, value, promise] triples from queue_head on
    uint32_t queue_head;
    uint32_t ag_state;            // AG_*; under ag_lock, changed by the claimant [INT-16]
    uint32_t raw_resume;          // suspended at YIELD_RESUME: the resume mode goes to mode_register
    uint32_t mode_register;
} Generator;
// Generator.is_async: 0 generator, 1 async function, 2 async generator.
enum { GEN_KIND_SYNC, GEN_KIND_ASYNC_FUNCTION, GEN_KIND_ASYNC_GENERATOR };
// AsyncGeneratorState (ES2020 25.5): the request queue's view, apart from the frame's state.
enum { AG_SUSPENDED_START, AG_SUSPENDED_YIELD, AG_EXECUTING, AG_AWAITING_RETURN, AG_COMPLETED };

static Value run(ThreadState *ts, bool throwing);

// ---------------------------------------------------------------------------------------------
// Frames

static inline Code *frame_code(Frame *f) { return value_to_cell(f->code); }

static Value stack_overflow(ThreadState *ts) {
    return error_throw_range(ts, "Maximum call stack size exceeded");
}

static inline bool native_stack_exhausted(ThreadState *ts) {
    return ts->native_depth >= MAX_NATIVE_DEPTH ||
           (uintptr_t)__builtin_frame_address(0) < ts->native_stack_limit;
}

// Makes `this` for a non-strict function: undefined/null become the global object [INT-2].
static Value coerce_this(ThreadState *ts, Code *code, Value this_value) {
    if (code->flags & (CODE_STRICT | CODE_ARROW)) return this_value;
    if (value_is_nullish(this_value)) return ts->rt->realm.global_object;
    if (!value_is_object(this_value)) return ops_to_object(ts, this_value);
    return this_value;
}

/*
 * Pushes a frame for `fn` at ts->sp. The arguments may live anywhere (caller registers or a
 * native array); they are copied before anything can allocate over them. `below` says they lie
 * wholly below ts->sp (a CALL's caller registers), so a plain forward copy is enough. The body
 * is inlined into the cached CALL and NEW paths, where `below` and `kind` are constants.
 */
static inline __attribute__((always_inline)) Frame *push_frame_inline(ThreadState *ts, Function *fn,
        Value this_value, const Value *args, int argc, Value new_target, uint32_t kind, bool below) {
    Code *code = value_to_cell(fn->code);
    Value *base = ts->sp;
    if (base + FRAME_WORDS + code->register_count + 8 > ts->stack_limit) {
        stack_overflow(ts);
        return NULL;
    }
    Frame *f = (Frame *)base;
    Value *regs = frame_registers(f);
    if (code->flags & CODE_ARROW) this_value = fn->fields;
    uint32_t params = code->param_count;
    uint32_t copy = (uint32_t)argc < params ? (uint32_t)argc : params;
    // Copy arguments first: they may alias the area being initialised (callee registers).
    if (below) {
        for (uint32_t i = 0; i < copy; i++) regs[i] = args[i];
    } else {
        memmove(regs, args, copy * sizeof(Value));
    }
    for (uint32_t i = copy; i < code->register_count; i++) regs[i] = JS_UNDEFINED;
    f->callee = value_from_cell(fn);
    f->code = fn->code;
    f->env = fn->env;
    f->this_value = this_value;
    f->new_target = new_target;
    f->arguments = JS_UNDEFINED;
    f->caller = value_from_int(ts->frame ? (int32_t)((Value *)ts->frame - ts->stack_base) : -1);
    f->return_pc = value_from_int(0);
    f->return_register = value_from_int(0);
    f->kind = value_from_int((int32_t)kind);
    f->generator = JS_UNDEFINED;
    f->pc = value_from_int(0);
    ts->sp = regs + code->register_count;
    ts->frame = f;
    if (code->flags & CODE_NEEDS_ARGUMENTS) {
        Values *all = values_new(ts, argc > 0 ? (uint32_t)argc : 1);
        if (!all) goto fail;
        // args may have been below sp (caller registers) or in native memory: both unchanged.
        for (int i = 0; i < argc; i++) all->items[i] = i < (int)copy ? regs[i] : args[i];
        all->count = (uint32_t)argc;
        f->arguments = value_from_cell(all);
    }
    if (!(kind & FRAME_CONSTRUCT) || !(code->flags & CODE_DERIVED)) {
        Value t = coerce_this(ts, code, this_value);
        if (value_is_exception(t)) goto fail;
        f->this_value = t;
    }
    if (code->flags & CODE_NEEDS_ENV) {
        Env *env = heap_alloc(ts, sizeof(Env) + code->env_size * sizeof(Value), CELL_ENV);
        if (!env) goto fail;
        env->count = code->env_size;
        env->flags = ENV_FUNCTION;
        env->parent = fn->env;
        env->names = code->env_names;
        env->eval_vars = JS_UNDEFINED;
        for (uint32_t i = 0; i < code->env_size; i++) env->slots[i] = JS_UNDEFINED;
        f->env = value_from_cell(env);
    }
    return f;
fail:
    ts->sp = base;
    ts->frame = value_to_int(f->caller) >= 0 ? (Frame *)(ts->stack_base + value_to_int(f->caller)) : NULL;
    return NULL;
}

static Frame *push_frame(ThreadState *ts, Function *fn, Value this_value, const Value *args, int argc,
                         Value new_target, uint32_t kind) {
    return push_frame_inline(ts, fn, this_value, args, argc, new_target, kind, false);
}

static void pop_frame(ThreadState *ts, Frame *f) {
    ts->sp = (Value *)f;
    int32_t caller = value_to_int(f->caller);
    ts->frame = caller >= 0 ? (Frame *)(ts->stack_base + caller) : NULL;
}

// ---------------------------------------------------------------------------------------------
// Calls from native code

static Value call_native(ThreadState *ts, NativeFunction *nf, Value this_value, const Value *args, int argc,
                         Value new_target) {
    if (native_stack_exhausted(ts)) return stack_overflow(ts);
    Value saved_callee = ts->callee, saved_target = ts->new_target;
    ts->callee = value_from_cell(nf);
    ts->new_target = new_target;
    ts->native_depth++;
    Value result = nf->fn(ts, this_value, args, argc, nf->magic);
    ts->native_depth--;
    ts->callee = saved_callee;
    ts->new_target = saved_target;
    return result;
}

static Value not_a_function(ThreadState *ts, Value fn) {
    return error_throw_type(ts, "%V is not a function", fn);
}

static Value bound_arguments(ThreadState *ts, BoundFunction *bf, const Value *args, int argc, Values **out) {
    Values *all = values_new(ts, bf->bound_argc + (uint32_t)argc + 1);
    if (!all) return JS_EXCEPTION;
    Values *bound = value_is_cell(bf->bound_args) ? value_to_cell(bf->bound_args) : NULL;
    for (uint32_t i = 0; i < bf->bound_argc; i++) all->items[all->count++] = bound->items[i];
    for (int i = 0; i < argc; i++) all->items[all->count++] = args[i];
    *out = all;
    return JS_UNDEFINED;
}

Value interp_call(ThreadState *ts, Value fn, Value this_value, const Value *args, int argc) {
    switch (value_cell_type(fn)) {
    case CELL_FUNCTION: {
        Function *f = value_to_cell(fn);
        Code *code = value_to_cell(f->code);
        if (code->flags & CODE_CLASS_CONSTRUCTOR)
            return error_throw_type(ts, "Class constructor %V cannot be invoked without 'new'", code->name);
        if (native_stack_exhausted(ts)) return stack_overflow(ts);
        if (!push_frame(ts, f, this_value, args, argc, JS_UNDEFINED, FRAME_ENTRY)) return JS_EXCEPTION;
        ts->native_depth++;
        Value result = run(ts, false);
        ts->native_depth--;
        return result;
    }
    case CELL_NATIVE_FUNCTION: {
        NativeFunction *nf = value_to_cell(fn);
        if (nf->flags & NATIVE_NEW_ONLY)
            return error_throw_type(ts, "Constructor %V requires 'new'", ops_get(ts, fn, ATOM(ts, name)));
        return call_native(ts, nf, this_value, args, argc, JS_UNDEFINED);
    }
    case CELL_BOUND_FUNCTION: {
        BoundFunction *bf = value_to_cell(fn);
        Values *all;
        if (value_is_exception(bound_arguments(ts, bf, args, argc, &all))) return JS_EXCEPTION;
        return interp_call(ts, bf->target, bf->bound_this, all->items, (int)all->count);
    }
    case CELL_PROXY:
        if (!proxy_is_callable(fn)) return not_a_function(ts, fn);
        return proxy_call(ts, fn, this_value, args, argc);
    default:
        return not_a_function(ts, fn);
    }
}

// OrdinaryCreateFromConstructor for a bytecode constructor's `this` [INT-3].
static Value construct_this(ThreadState *ts, Value new_target) {
    Value proto = function_prototype_for(ts, new_target, INTRINSIC_OBJECT_PROTOTYPE);
    if (value_is_exception(proto)) return proto;
    return object_new(ts, proto);
}

Value interp_construct(ThreadState *ts, Value fn, const Value *args, int argc, Value new_target) {
    switch (value_cell_type(fn)) {
    case CELL_FUNCTION: {
        Function *f = value_to_cell(fn);
        Code *code = value_to_cell(f->code);
        if (!(code->flags & (CODE_CONSTRUCTOR | CODE_CLASS_CONSTRUCTOR)))
            return error_throw_type(ts, "%V is not a constructor", code->name);
        if (native_stack_exhausted(ts)) return stack_overflow(ts);
        Value this_value = JS_HOLE;
        if (!(code->flags & CODE_DERIVED)) {
            this_value = construct_this(ts, new_target);
            if (value_is_exception(this_value)) return this_value;
        }
        if (!push_frame(ts, f, this_value, args, argc, new_target, FRAME_ENTRY | FRAME_CONSTRUCT))
            return JS_EXCEPTION;
        ts->native_depth++;
        Value result = run(ts, false);
        ts->native_depth--;
        return result;
    }
    case CELL_NATIVE_FUNCTION: {
        NativeFunction *nf = value_to_cell(fn);
        if (!(nf->flags & (NATIVE_CONSTRUCTOR | NATIVE_NEW_ONLY)))
            return error_throw_type(ts, "%V is not a constructor", ops_get(ts, fn, ATOM(ts, name)));
        return call_native(ts, nf, JS_UNDEFINED, args, argc, new_target);
    }
    case CELL_BOUND_FUNCTION: {
        BoundFunction *bf = value_to_cell(fn);
        if (!ops_is_constructor(bf->target)) return error_throw_type(ts, "%V is not a constructor", fn);
        Values *all;
        if (value_is_exception(bound_arguments(ts, bf, args, argc, &all))) return JS_EXCEPTION;
        if (new_target == fn) new_target = bf->target;
        return interp_construct(ts, bf->target, all->items, (int)all->count, new_target);
    }
    case CELL_PROXY:
        if (!proxy_is_constructor(fn)) return error_throw_type(ts, "proxy is not a constructor");
        return proxy_construct(ts, fn, args, argc, new_target);
    default:
        return error_throw_type(ts, "%V is not a constructor", fn);
    }
}

/*
 * JSTHREADS_PROFILE_DUMP=1: after a script's synchronous run, print every non-empty value-profile
 * slot of its functions to stderr, one line each: "jsthreads-profile", file, the function's
 * source_start and source_end, slot, kinds and structure id, tab-separated. `jsthreads disasm
 * --profile` reads these lines [BC-18]. Function Codes are reached through the function
 * constants (BC-9), each referenced by exactly one parent.
 */
static void dump_profiles(ThreadState *ts, Code *code, int depth) {
    if (depth > 1000) return;
    char *file = string_to_utf8(ts, code->filename, NULL);
    for (uint32_t i = 0; i < code->profile_count; i++) {
        ValueProfile *p = &code->profiles[i];
        uint32_t kinds = load_relaxed(&p->kinds), id = load_relaxed(&p->structure_id);
        if (kinds == 0) continue;
        fprintf(stderr, "jsthreads-profile\t%s\t%u\t%u\t%u\t%u\t%u\n", file ? file : "?", code->source_start,
                code->source_end, i, kinds, id);
    }
    free(file);
    Values *constants = value_to_cell(code->constants);
    for (uint32_t i = 0; i < constants->count; i++)
        if (value_cell_type(constants->items[i]) == CELL_CODE)
            dump_profiles(ts, value_to_cell(constants->items[i]), depth + 1);
}

Value interp_run_script(ThreadState *ts, Value code_value) {
    Function *fn = value_to_cell(function_new_closure(ts, code_value, JS_UNDEFINED, JS_UNDEFINED));
    if (!fn) return JS_EXCEPTION;
    if (!push_frame(ts, fn, ts->rt->realm.global_object, NULL, 0, JS_UNDEFINED, FRAME_ENTRY)) return JS_EXCEPTION;
    Value result = run(ts, false);
    const char *dump = getenv("JSTHREADS_PROFILE_DUMP");
    if (dump && *dump && strcmp(dump, "0") != 0) dump_profiles(ts, value_to_cell(code_value), 0);
    return result;
}

// Runs eval code in the caller's environment (direct eval) or the global one (indirect) [INT-5].
static Value run_eval_code(ThreadState *ts, Value code_value, Value env, Value this_value, Value new_target,
                           Value callee) {
    Function *fn = value_to_cell(function_new_closure(ts, code_value, env, JS_UNDEFINED));
    if (!fn) return JS_EXCEPTION;
    Code *code = value_to_cell(code_value);
    if (native_stack_exhausted(ts)) return stack_overflow(ts);
    Frame *f = push_frame(ts, fn, this_value, NULL, 0, new_target, FRAME_ENTRY);
    if (!f) return JS_EXCEPTION;
    f->this_value = this_value;
    if (value_is_object(callee)) f->callee = callee;
    (void)code;
    ts->native_depth++;
    Value result = run(ts, false);
    ts->native_depth--;
    return result;
}

// ---------------------------------------------------------------------------------------------
// Environments and dynamic names

static Env *env_at(Value env, uint32_t hops) {
    Env *e = value_to_cell(env);
    while (hops--) e = value_to_cell(e->parent);
    return e;
}

static Value new_env(ThreadState *ts, Value parent, uint32_t size, Value names, uint32_t flags) {
    Env *env = heap_alloc(ts, sizeof(Env) + size * sizeof(Value), CELL_ENV);
    if (!env) return JS_EXCEPTION;
    env->count = size;
    env->flags = flags;
    env->parent = parent;
    env->names = names;
    env->eval_vars = JS_UNDEFINED;
    for (uint32_t i = 0; i < size; i++) env->slots[i] = JS_UNDEFINED;
    return value_from_cell(env);
}

static int32_t env_find(Env *env, Value name) {
    if (!value_is_cell(env->names)) return -1;
    Values *names = value_to_cell(env->names);
    for (uint32_t i = 0; i < names->count && i < env->count; i++)
        if (names->items[i] == name) return (int32_t)i;
    return -1;
}

// Env.flags bits set by PUSH_ENV, read only here: a catch clause's parameter Env (kind 2, for
// the eval var check below) and the Env of a named function expression's own name (kind 3),
// which assignments by name cannot change.
enum { ENV_CATCH = 4, ENV_CALLEE = 8 };


// A var or function declaration of global code may not reuse a global lexical's name (ES2020
// 15.1.11 step 5.a, 18.2.1.3 step 5.a): throws the SyntaxError and returns true if it does.
static bool global_lexical_conflicts(ThreadState *ts, Value name) {
    int has = object_has_own_property(ts, ts->rt->realm.global_lexicals, name);
    if (has > 0) error_throw_syntax(ts, "Identifier '%K' has already been declared", name);
    return has != 0;
}

/*
 * GlobalDeclarationInstantiation's checks (ES2020 15.1.11 steps 5-12) for a script's lexical,
 * var and function names (atom lists), made before any binding exists so that a clash leaves no
 * partial declarations behind. A var-declared global is a non-configurable global property
 * (scripts make their vars non-configurable), which stands in for the spec's [[VarNames]].
 */
// Whether sloppy eval code running in `env` declares its vars on the global object: no function
// Env lies between it and the global scope.
static bool eval_var_scope_is_global(Value env) {
    for (Value e = env; value_is_cell(e); e = ((Env *)value_to_cell(e))->parent)
        if (((Env *)value_to_cell(e))->flags & ENV_FUNCTION) return false;
    return true;
}

static bool is_atom_list(ThreadState *ts, const Value *lists, int count) {
    for (int i = 0; i < count; i++)
        if (value_cell_type(lists[i]) != CELL_VALUES) { error_throw_type(ts, "invalid code blob"); return false; }
    return true;
}

// Does a lexical declaration of `name` clash with an existing global binding? 1 yes (SyntaxError
// thrown), 0 no, -1 threw. A configurable global property may be shadowed.
static int lexical_declaration_clashes(ThreadState *ts, Value name) {
    Realm *realm = &ts->rt->realm;
    int has = object_has_own_property(ts, realm->global_lexicals, name);
    if (has < 0) return -1;
    PropertyDescriptor desc;
    int on_global = has ? 0 : object_get_own_property(ts, realm->global_object, name, &desc);
    if (on_global < 0) return -1;
    if (has || (on_global && !(desc.attributes & PROP_CONFIGURABLE))) {
        error_throw_syntax(ts, "Identifier '%K' has already been declared", name);
        return 1;
    }
    return 0;
}

// The checks of GlobalDeclarationInstantiation (ES2020 15.1.11 steps 5-12): lists[0] and [1] are
// the let/class and const names, lists[2] the var names, lists[3] the function names. Eval code
// passes empty lexical lists (EvalDeclarationInstantiation's var and function checks).
static bool check_global_declarations(ThreadState *ts, Values *const lists[4]) {
    Realm *realm = &ts->rt->realm;
    Values *names;
    for (int list = 0; list < 4; list++) {
        names = lists[list];
        for (uint32_t i = 0; i < names->count; i++)
            if (list < 2 ? lexical_declaration_clashes(ts, names->items[i]) != 0
                         : global_lexical_conflicts(ts, names->items[i]))
                return false;
    }
    int extensible = object_is_extensible(ts, realm->global_object);
    if (extensible < 0) return false;
    // CanDeclareGlobalFunction: a new name needs an extensible global; an existing one must be
    // configurable or a writable, enumerable data property.
    names = lists[3];
    for (uint32_t i = 0; i < names->count; i++) {
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, realm->global_object, names->items[i], &desc);
        if (found < 0) return false;
        bool ok = found ? (desc.attributes & PROP_CONFIGURABLE) ||
                          (!(desc.attributes & PROP_ACCESSOR) && (desc.attributes & PROP_WRITABLE) &&
                           (desc.attributes & PROP_ENUMERABLE))
                        : extensible;
        if (!ok) {
            error_throw_type(ts, found ? "Cannot redefine property: %K" : "Cannot define property %K, object is not extensible",
                             names->items[i]);
            return false;
        }
    }
    // CanDeclareGlobalVar: an existing own property, or room for a new one.
    names = lists[2];
    for (uint32_t i = 0; i < names->count && !extensible; i++) {
        int found = object_has_own_property(ts, realm->global_object, names->items[i]);
        if (found < 0) return false;
        if (!found) {
            error_throw_type(ts, "Cannot define property %K, object is not extensible", names->items[i]);
            return false;
        }
    }
    return true;
}

// CreateGlobalVarBinding (ES2020 8.1.1.4.17): an existing own property stays as it is.
static bool create_global_var(ThreadState *ts, Value name, uint8_t attributes) {
    Value global = ts->rt->realm.global_object;
    int has = object_has_own_property(ts, global, name);
    if (has < 0) return false;
    return has || object_define_value(ts, global, name, JS_UNDEFINED, attributes) >= 0;
}

// CreateGlobalFunctionBinding (ES2020 8.1.1.4.18): a new or configurable property is redefined as
// a data property, any other one (writable and enumerable, CHECK made sure) is assigned.
static bool create_global_function(ThreadState *ts, Value name, Value function, uint8_t attributes) {
    Value global = ts->rt->realm.global_object;
    PropertyDescriptor existing;
    int found = object_get_own_property(ts, global, name, &existing);
    if (found < 0) return false;
    if (!found || (existing.attributes & PROP_CONFIGURABLE))
        return object_define_value(ts, global, name, function, attributes) >= 0;
    return object_set(ts, global, name, function, global, true) >= 0;
}

// A top-level let/const/class binding, in its TDZ (a hole) until INIT_GLOBAL_LEXICAL. Configurable
// so that INIT_GLOBAL_LEXICAL can store the value; a const stays non-writable. The add is the
// check again, atomically, for any declaring path that does not hold declarations_lock.
static bool create_global_lexical(ThreadState *ts, Value name, bool constant) {
    int added = object_add_if_absent(ts, ts->rt->realm.global_lexicals, name, JS_HOLE,
                                     PROP_CONFIGURABLE | (constant ? 0 : PROP_WRITABLE));
    if (added == 0) error_throw_syntax(ts, "Identifier '%K' has already been declared", name);
    return added > 0;
}

/*
 * DECLARE_GLOBALS: a script's GlobalDeclarationInstantiation, checks and bindings, as one step
 * [BC-6]. Scripts on other threads declare under the same lock, so none can bind a clashing name
 * between this script's checks and its bindings (two scripts declaring `let x` and `var x` would
 * otherwise both pass their checks and leave both bindings, or both fail half-declared). Function
 * bindings hold undefined until DECLARE_GLOBAL_FUNCTION stores the closure, before any statement
 * of the script runs. No JS runs under the lock: the global object and the lexicals are ordinary.
 */
static bool declare_globals(ThreadState *ts, Values *const lists[4]) {
    Runtime *rt = ts->rt;
    if (pthread_mutex_trylock(&rt->declarations_lock) != 0) {
        // The holder may be allocating, i.e. waiting for a collection: wait as blocked [SP-5].
        safepoint_enter_blocked(ts);
        pthread_mutex_lock(&rt->declarations_lock);
        safepoint_leave_blocked(ts);
    }
    bool ok = check_global_declarations(ts, lists);
    for (int list = 0; list < 4 && ok; list++) {
        Values *names = lists[list];
        for (uint32_t i = 0; i < names->count && ok; i++) {
            Value name = names->items[i];
            ok = list < 2   ? create_global_lexical(ts, name, list == 1)
                 : list == 2 ? create_global_var(ts, name, PROP_WRITABLE | PROP_ENUMERABLE)
                             : create_global_function(ts, name, JS_UNDEFINED, PROP_WRITABLE | PROP_ENUMERABLE);
        }
    }
    pthread_mutex_unlock(&rt->declarations_lock);
    return ok;
}

// Is `name` visible through a with-object (honouring @@unscopables)? 1 yes, 0 no, -1 threw.
static int with_has(ThreadState *ts, Value obj, Value name) {
    int has = object_has_property(ts, obj, name);
    if (has <= 0) return has;
    Value unscopables = object_get(ts, obj, SYMBOL(ts, unscopables));
    if (value_is_exception(unscopables)) return -1;
    if (value_is_object(unscopables)) {
        Value blocked = object_get(ts, unscopables, name);
        if (value_is_exception(blocked)) return -1;
        if (ops_to_boolean(blocked)) return 0;
    }
    return 1;
}

typedef enum { NAME_NOT_FOUND, NAME_SLOT, NAME_OBJECT, NAME_GLOBAL_LEXICAL, NAME_GLOBAL, NAME_ERROR } NameKind;
typedef struct NameRef { NameKind kind; Env *env; uint32_t slot; Value object; } NameRef;

// Resolves a name through the env chain, then the global lexicals and the global object.
static NameRef resolve_name(ThreadState *ts, Value env_value, Value name) {
    NameRef ref = {NAME_NOT_FOUND, NULL, 0, JS_UNDEFINED};
    while (value_is_cell(env_value)) {
        Env *env = value_to_cell(env_value);
        if (env->flags & ENV_WITH) {
            int has = with_has(ts, env->slots[0], name);
            if (has < 0) { ref.kind = NAME_ERROR; return ref; }
            if (has) { ref.kind = NAME_OBJECT; ref.object = env->slots[0]; return ref; }
        } else {
            int32_t slot = env_find(env, name);
            if (slot >= 0) { ref.kind = NAME_SLOT; ref.env = env; ref.slot = (uint32_t)slot; return ref; }
            if (value_is_object(env->eval_vars)) {
                int has = object_has_own_property(ts, env->eval_vars, name);
                if (has < 0) { ref.kind = NAME_ERROR; return ref; }
                if (has) { ref.kind = NAME_OBJECT; ref.object = env->eval_vars; return ref; }
            }
        }
        env_value = env->parent;
    }
    Realm *realm = &ts->rt->realm;
    int has = object_has_own_property(ts, realm->global_lexicals, name);
    if (has < 0) { ref.kind = NAME_ERROR; return ref; }
    if (has) { ref.kind = NAME_GLOBAL_LEXICAL; ref.object = realm->global_lexicals; return ref; }
    has = object_has_property(ts, realm->global_object, name);
    if (has < 0) { ref.kind = NAME_ERROR; return ref; }
    if (has) { ref.kind = NAME_GLOBAL; ref.object = realm->global_object; }
    return ref;
}

static Value tdz_error(ThreadState *ts, Value name) {
    // A derived constructor's `this` read through its Env (arrows, eval) before super() [INT-3].
    Value this_name = atom_from_cstr(ts, "this");
    if (value_is_exception(this_name)) return this_name;
    if (name == this_name)
        return error_throw_reference(ts, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
    return error_throw_reference(ts, "Cannot access '%K' before initialization", name);
}

static Value name_get(ThreadState *ts, Value env, Value name, bool for_typeof) {
    NameRef ref = resolve_name(ts, env, name);
    switch (ref.kind) {
    case NAME_ERROR: return JS_EXCEPTION;
    case NAME_SLOT:
        if (ref.env->slots[ref.slot] == JS_HOLE) return tdz_error(ts, name);
        return ref.env->slots[ref.slot];
    case NAME_GLOBAL_LEXICAL: {
        Value v = object_get(ts, ref.object, name);
        if (v == JS_HOLE) return tdz_error(ts, name);
        return v;
    }
    case NAME_OBJECT: case NAME_GLOBAL: return object_get(ts, ref.object, name);
    default:
        if (for_typeof) return JS_UNDEFINED;
        return error_throw_reference(ts, "%K is not defined", name);
    }
}

// Assigns an Env slot found by name: the hole is a TDZ error; a function expression's own name
// ignores sloppy assignments and rejects strict ones (ES2020 8.1.1.1.5 step 6).
static bool env_slot_put(ThreadState *ts, Env *env, int32_t slot, Value name, Value v, bool strict) {
    if (env->slots[slot] == JS_HOLE) { tdz_error(ts, name); return false; }
    if (env->flags & ENV_CALLEE) {
        if (strict) { error_throw_type(ts, "Assignment to constant variable."); return false; }
        return true;
    }
    env->slots[slot] = v;
    return true;
}

static bool name_put(ThreadState *ts, Value env, Value name, Value v, bool strict) {
    NameRef ref = resolve_name(ts, env, name);
    switch (ref.kind) {
    case NAME_ERROR: return false;
    case NAME_SLOT:
        return env_slot_put(ts, ref.env, (int32_t)ref.slot, name, v, strict);
    case NAME_GLOBAL_LEXICAL: {
        Value old = object_get(ts, ref.object, name);
        if (old == JS_HOLE) { tdz_error(ts, name); return false; }
        return object_set(ts, ref.object, name, v, ref.object, true) > 0;
    }
    case NAME_OBJECT: case NAME_GLOBAL:
        return object_set(ts, ref.object, name, v, ref.object, strict) >= 0;
    default:
        if (strict) { error_throw_reference(ts, "%K is not defined", name); return false; }
        return object_set(ts, ts->rt->realm.global_object, name, v, ts->rt->realm.global_object, false) >= 0;
    }
}

// EvalDeclarationInstantiation's conflict check (ES2020 18.2.1.3 steps 3-5 with B.3.5): a
// sloppy direct eval may not declare a var that a lexical binding between it and its variable
// scope already has (catch parameters excepted), nor a global lexical when that scope is the
// global object. Throws the SyntaxError and returns true on a conflict.
static bool eval_var_conflicts(ThreadState *ts, Value env_value, Value name) {
    while (value_is_cell(env_value)) {
        Env *env = value_to_cell(env_value);
        if (env->flags & ENV_FUNCTION) return false;
        if (!(env->flags & (ENV_WITH | ENV_CATCH)) && env_find(env, name) >= 0) {
            error_throw_syntax(ts, "Identifier '%K' has already been declared", name);
            return true;
        }
        env_value = env->parent;
    }
    return global_lexical_conflicts(ts, name);
}

// The variable environment a sloppy direct eval declares `var`s in: the nearest function Env,
// or the global object at top level [INT-5]. When that Env already has a slot for `name`,
// *slot points at it (the declaration reuses the binding) and nothing is allocated.
static Value eval_var_scope(ThreadState *ts, Value env_value, Value name, Value **slot) {
    *slot = NULL;
    while (value_is_cell(env_value)) {
        Env *env = value_to_cell(env_value);
        if (env->flags & ENV_FUNCTION) {
            int32_t index = env_find(env, name);
            if (index >= 0) {
                *slot = &env->slots[index];
                return JS_UNDEFINED;
            }
            if (!value_is_object(env->eval_vars)) {
                Value holder = object_new(ts, JS_NULL);
                if (value_is_exception(holder)) return holder;
                env->eval_vars = holder;
            }
            return env->eval_vars;
        }
        env_value = env->parent;
    }
    return ts->rt->realm.global_object;
}

// ---------------------------------------------------------------------------------------------
// Inline cache entries [INT-11]: see InlineCache in frame.h for the publication protocol.

// A reader's consistent copy of a cache's multi-word entry.
typedef struct CacheEntry {
    uint32_t kind, structure_id, slot, next_structure_id;
    uint32_t chain[CACHE_CHAIN], chain_length;
    Value holder;
} CacheEntry;

static inline uint64_t cache_own_word(uint32_t structure_id, uint32_t slot) {
    return (uint64_t)structure_id << 32 | slot;
}

// o's structure id (acquire: the storage it describes is visible after it [OM-3]). An id with
// STRUCTURE_ID_BUSY set (a layout change in progress) never equals a cached id.
static inline uint32_t object_id(const Object *o) {
    return object_structure_id(o);
}

// Copies the multi-word entry if no fill overlapped the copy; false (a miss) otherwise.
static inline bool cache_read(const InlineCache *c, CacheEntry *e) {
    uint32_t before = load_acquire(&c->sequence);
    if (before & 1) return false;
    e->kind = load_relaxed(&c->kind);
    if (e->kind == CACHE_EMPTY) return false;
    e->structure_id = load_relaxed(&c->structure_id);
    e->slot = load_relaxed(&c->slot);
    e->next_structure_id = load_relaxed(&c->next_structure_id);
    e->chain_length = load_relaxed(&c->chain_length);
    for (uint32_t i = 0; i < CACHE_CHAIN; i++) e->chain[i] = load_relaxed(&c->chain[i]);
    e->holder = load_relaxed(&c->holder);
    // The field loads above must complete before the sequence is read again.
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return load_relaxed(&c->sequence) == before && e->chain_length <= CACHE_CHAIN;
}

// Publishes a multi-word entry. A filler that finds another fill in progress gives up: the
// site just stays uncached until a later miss.
static void cache_write(InlineCache *c, const CacheEntry *e) {
    uint32_t sequence = load_relaxed(&c->sequence);
    if ((sequence & 1) || !cas_acq_rel(&c->sequence, &sequence, sequence + 1)) return;
    store_relaxed(&c->kind, e->kind);
    store_relaxed(&c->structure_id, e->structure_id);
    store_relaxed(&c->slot, e->slot);
    store_relaxed(&c->next_structure_id, e->next_structure_id);
    store_relaxed(&c->chain_length, e->chain_length);
    for (uint32_t i = 0; i < CACHE_CHAIN; i++) store_relaxed(&c->chain[i], e->chain[i]);
    store_relaxed(&c->holder, e->holder);
    store_release(&c->sequence, sequence + 2);
}

// Whether slots of (id, s) may be cached: never an id caught mid-change, never a restricted
// object's structure (each of its accesses is checked against the calling thread).
static inline bool cacheable(uint32_t id, const Structure *s) {
    return s && !(id & STRUCTURE_ID_BUSY) && !structure_is_restricted(s);
}

/*
 * Loads slot `slot` of o for a cache entry keyed on `id`, through the segment-aware accessor
 * [OM-5]. The id is loaded again after the slot: a value read from a slot that id no longer
 * describes (a delete's or a kind change's vacated slot keeps its old value until the next
 * collection, OM-8) is refused. An Accessor cell met in a data slot (attributes and value change
 * in two steps [OM-7]) is refused too. Refused means a miss: the generic path decides.
 */
static inline bool cache_load(Object *o, uint32_t slot, uint32_t id, Value *out) {
    Value v = object_load_slot(o, slot);
    if (value_is_cell(v) && ((Cell *)value_to_cell(v))->type == CELL_ACCESSOR) return false;
    if (object_id(o) != id) return false;
    *out = v;
    return true;
}

// Stores into a cached writable data slot; object_store_slot sets SW first when this thread is
// not the owner, so the store can never be lost to the owner's growth [OM-4].
static inline bool cache_store(ThreadState *ts, Object *o, uint32_t slot, Value v) {
    Value old = object_load_slot(o, slot);
    if (value_is_cell(old) && ((Cell *)value_to_cell(old))->type == CELL_ACCESSOR) return false;
    object_store_slot(ts, o, slot, v);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Call and construct caches [INT-15]

/*
 * A CALL site's keys are the Codes it has called as plain JS-to-JS calls (never a class
 * constructor, which must throw). A hit skips the generic callable dispatch. A miss fills an
 * empty way, first `holder` then `alt`, with a CAS so two racing fillers never both think they
 * own a way; when both are taken the site is megamorphic and keeps its keys (no thrashing).
 * Returns whether `callee` may be called in the loop.
 */
static inline bool call_cache_hit(const InlineCache *c, Value code) {
    return load_relaxed(&c->holder) == code || load_relaxed(&c->alt) == code;
}

static bool call_cache_miss(InlineCache *c, const Function *callee) {
    const Code *target = value_to_cell(callee->code);
    if (target->flags & CODE_CLASS_CONSTRUCTOR) return false;
    Value empty = JS_UNDEFINED;
    if (!cas_acq_rel(&c->holder, &empty, callee->code) && empty != callee->code) {
        empty = JS_UNDEFINED;
        cas_acq_rel(&c->alt, &empty, callee->code);
    }
    return true;
}

// Allocates an ordinary object of structure s, which must be live (the caller holds it, so
// the conservative scan keeps it alive across the allocation). Mirrors object_alloc.
static Value object_new_with_structure(ThreadState *ts, Structure *s) {
    Object *o = heap_alloc(ts, sizeof(Object), CELL_OBJECT);
    if (!o) return JS_EXCEPTION;
    butterfly_init(o, ts->tid);
    o->header.structure_id = structure_id(s);
    return value_from_cell(o);
}

/*
 * `this` for `new fn` where fn is its own new.target [INT-3], through the site's
 * CACHE_CONSTRUCT entry. A hit needs fn's structure id to be the cached one, the cached slot to
 * still hold the cached prototype (read with the id re-checked, so a racing redefinition
 * misses) and that prototype's initial structure to be alive; then the object is allocated
 * without a property lookup or a structure-table probe. A miss takes the generic path and
 * refills the entry when fn's `prototype` is a plain own data property holding an object.
 */
static Value construct_this_cached(ThreadState *ts, Value fn, InlineCache *c) {
    Object *o = value_to_object(fn);
    uint32_t id = object_id(o);
    CacheEntry e;
    Value proto;
    if (cache_read(c, &e) && e.kind == CACHE_CONSTRUCT && e.structure_id == id &&
        cache_load(o, e.slot, id, &proto) && proto == e.holder) {
        Structure *s = structure_get(ts->rt, e.next_structure_id);
        if (s) return object_new_with_structure(ts, s);
    }
    Structure *fs = structure_get(ts->rt, id);
    uint8_t attributes;
    int32_t slot = cacheable(id, fs) && object_ic_cacheable(o) ? structure_lookup(fs, ATOM(ts, prototype), &attributes) : -1;
    if (slot < 0 || (attributes & PROP_ACCESSOR) || !cache_load(o, (uint32_t)slot, id, &proto) ||
        !value_is_object(proto))
        return construct_this(ts, fn);
    Structure *s = structure_initial(ts, proto);
    if (!s) return JS_EXCEPTION;
    CacheEntry fill = {0};
    fill.kind = CACHE_CONSTRUCT;
    fill.structure_id = id;
    fill.slot = (uint32_t)slot;
    fill.holder = proto;
    fill.next_structure_id = structure_id(s);
    cache_write(c, &fill);
    return object_new_with_structure(ts, s);
}

// ---------------------------------------------------------------------------------------------
// Value profiles [BC-18]: what the JIT tiers will specialise on. Updates are racy on purpose
// and benign: kind bits are only ever ORed in, a structure id only moves 0 -> id -> polymorphic.

#define PROFILE_LANES(result, left, right) ((uint32_t)(result) | (uint32_t)(left) << 8 | (uint32_t)(right) << 16)

static inline uint32_t profile_kind(Value v) {
    if (value_is_int(v)) return PROFILE_INT;
    if (value_is_number(v)) return PROFILE_DOUBLE;
    if (value_is_string(v)) return PROFILE_STRING;
    if (value_is_object(v)) return PROFILE_OBJECT;
    if (value_is_bool(v)) return PROFILE_BOOLEAN;
    if (value_is_nullish(v)) return PROFILE_NULLISH;
    return PROFILE_OTHER;
}

static inline uint32_t profile_number_kind(Value v) {
    return value_is_int(v) ? PROFILE_INT : PROFILE_DOUBLE;
}

// Out of line: the dispatch loop keeps only the test, so its register allocation is unchanged.
static __attribute__((noinline, cold)) void profile_add(ValueProfile *p, uint32_t bits) {
    __atomic_fetch_or(&p->kinds, bits, __ATOMIC_RELAXED);
}

// The common case is a slot that has seen these kinds already: one relaxed load, no store, so
// threads running the same Code keep the slot's cache line shared.
static inline void profile_note(ValueProfile *p, uint32_t bits) {
    if (__builtin_expect((load_relaxed(&p->kinds) & bits) != bits, 0)) profile_add(p, bits);
}

static __attribute__((noinline, cold)) void profile_structure(ValueProfile *p, uint32_t id) {
    uint32_t seen = load_relaxed(&p->structure_id);
    if (seen == id || seen == PROFILE_POLYMORPHIC) return;
    if (seen == 0 && cas_acq_rel(&p->structure_id, &seen, id)) return;
    if (seen != id) store_relaxed(&p->structure_id, PROFILE_POLYMORPHIC);
}

// Records v in lane 0 (with its structure when it is an object) and `lanes` in the others.
static inline void profile_value(ValueProfile *p, Value v, uint32_t lanes) {
    uint32_t kind = profile_kind(v);
    profile_note(p, kind | lanes);
    if (kind == PROFILE_OBJECT) {
        uint32_t id = object_id(value_to_object(v)) & ~STRUCTURE_ID_BUSY;
        if (__builtin_expect(load_relaxed(&p->structure_id) != id, 0)) profile_structure(p, id);
    }
}

// ---------------------------------------------------------------------------------------------
// Globals

/*
 * A global site caches either a top-level let/const/class binding (CACHE_GLOBAL_LEXICAL: the
 * global lexicals' id and slot; lexicals are looked up first, so nothing can shadow them) or a
 * global object property (CACHE_GLOBAL: the global object's id, the lexicals' id, which proves
 * that no lexical binding shadows the name since the fill, and the slot).
 */
static inline bool global_cache_read(InlineCache *cache, Object *global, Object *lexicals, CacheEntry *e) {
    if (!cache || !cache_read(cache, e)) return false;
    if (e->kind == CACHE_GLOBAL_LEXICAL) return object_id(lexicals) == e->structure_id;
    return e->kind == CACHE_GLOBAL && object_id(global) == e->structure_id &&
           object_id(lexicals) == e->next_structure_id;
}

static void global_cache_fill(InlineCache *cache, uint32_t kind, uint32_t id, uint32_t lexicals_id, int32_t slot) {
    if (!cache) return;
    CacheEntry e = {0};
    e.kind = kind;
    e.structure_id = id;
    e.next_structure_id = lexicals_id;
    e.slot = (uint32_t)slot;
    e.holder = JS_UNDEFINED;
    cache_write(cache, &e);
}

// The slot of name in the global lexicals (a data property of that id), filling the cache; -1
// when it is not a lexical binding; *writable tells const from let.
static int32_t global_lexical_slot(ThreadState *ts, Object *lexicals, Value name, InlineCache *cache,
                                   bool *writable) {
    uint32_t id = object_id(lexicals);
    Structure *s = structure_get(ts->rt, id);
    uint8_t attributes;
    int32_t slot = s ? structure_lookup(s, name, &attributes) : -1;
    if (slot < 0 || (attributes & PROP_ACCESSOR)) return -1;
    *writable = (attributes & PROP_WRITABLE) != 0;
    // next_structure_id records writability: only a let binding's site may store through it.
    if (cacheable(id, s)) global_cache_fill(cache, CACHE_GLOBAL_LEXICAL, id, *writable, slot);
    return slot;
}

static Value global_get(ThreadState *ts, Value name, InlineCache *cache, bool for_typeof) {
    Realm *realm = &ts->rt->realm;
    Object *global = value_to_object(realm->global_object);
    Object *lexicals = value_to_object(realm->global_lexicals);
    CacheEntry e;
    Value v;
    if (global_cache_read(cache, global, lexicals, &e)) {
        if (e.kind == CACHE_GLOBAL_LEXICAL) {
            if (cache_load(lexicals, e.slot, e.structure_id, &v) && v != JS_HOLE) return v;
        } else if (cache_load(global, e.slot, e.structure_id, &v)) {
            return v;
        }
    }
    bool writable;
    int32_t lexical = global_lexical_slot(ts, lexicals, name, cache, &writable);
    if (lexical >= 0) {
        v = object_load_slot(lexicals, (uint32_t)lexical);
        if (v == JS_HOLE) return tdz_error(ts, name);
        return v;
    }
    int has = object_has_own_property(ts, realm->global_lexicals, name);
    if (has < 0) return JS_EXCEPTION;
    if (has) {
        v = object_get(ts, realm->global_lexicals, name);
        if (v == JS_HOLE) return tdz_error(ts, name);
        return v;
    }
    uint32_t id = object_id(global);
    Structure *s = structure_get(ts->rt, id);
    uint8_t attributes;
    int32_t found = s ? structure_lookup(s, name, &attributes) : -1;
    if (found >= 0 && !(attributes & PROP_ACCESSOR)) {
        if (cacheable(id, s)) global_cache_fill(cache, CACHE_GLOBAL, id, object_id(lexicals), found);
        if (cache_load(global, (uint32_t)found, id, &v)) return v;
    }
    has = object_has_property(ts, realm->global_object, name);
    if (has < 0) return JS_EXCEPTION;
    if (!has) {
        if (for_typeof) return JS_UNDEFINED;
        return error_throw_reference(ts, "%K is not defined", name);
    }
    return object_get(ts, realm->global_object, name);
}

static bool global_put(ThreadState *ts, Value name, Value v, InlineCache *cache, bool strict) {
    Realm *realm = &ts->rt->realm;
    Object *global = value_to_object(realm->global_object);
    Object *lexicals = value_to_object(realm->global_lexicals);
    CacheEntry e;
    if (global_cache_read(cache, global, lexicals, &e)) {
        if (e.kind == CACHE_GLOBAL_LEXICAL) {
            // A let binding (const ones throw on the slow path); the hole still means TDZ.
            Value old = object_load_slot(lexicals, e.slot);
            if (e.next_structure_id && old != JS_HOLE && value_cell_type(old) != CELL_ACCESSOR) {
                object_store_slot(ts, lexicals, e.slot, v);
                return true;
            }
        } else if (cache_store(ts, global, e.slot, v)) {
            return true;
        }
    }
    bool writable;
    if (global_lexical_slot(ts, lexicals, name, cache, &writable) >= 0 ||
        object_has_own_property(ts, realm->global_lexicals, name) > 0) {
        Value old = object_get(ts, realm->global_lexicals, name);
        if (value_is_exception(old)) return false;
        if (old == JS_HOLE) { tdz_error(ts, name); return false; }
        // Const global lexicals are non-writable properties of the lexical holder.
        PropertyDescriptor desc;
        if (object_get_own_property(ts, realm->global_lexicals, name, &desc) > 0 && !(desc.attributes & PROP_WRITABLE)) {
            error_throw_type(ts, "Assignment to constant variable.");
            return false;
        }
        return object_set(ts, realm->global_lexicals, name, v, realm->global_lexicals, true) > 0;
    }
    if (error_pending(ts)) return false;
    uint32_t id = object_id(global);
    Structure *s = structure_get(ts->rt, id);
    uint8_t attributes;
    int32_t found = s ? structure_lookup(s, name, &attributes) : -1;
    if (found >= 0 && (attributes & (PROP_ACCESSOR | PROP_WRITABLE)) == PROP_WRITABLE && cacheable(id, s))
        global_cache_fill(cache, CACHE_GLOBAL, id, object_id(lexicals), found);
    if (strict && found < 0) {
        int has = object_has_property(ts, realm->global_object, name);
        if (has < 0) return false;
        if (!has) { error_throw_reference(ts, "%K is not defined", name); return false; }
    }
    return object_set(ts, realm->global_object, name, v, realm->global_object, strict) >= 0;
}

// A dynamic reference resolved once (RESOLVE_NAME) and used later: compound assignments,
// updates and `x = v` under with or sloppy eval read and write the binding they resolved
// before evaluating the rest, even if it has gone since (ES2020 6.2.4.8-9). The base is the
// Env holding the binding, the object that has it, or undefined when it was unresolvable.
static Value reference_base(ThreadState *ts, Value env, Value name) {
    NameRef ref = resolve_name(ts, env, name);
    switch (ref.kind) {
    case NAME_ERROR: return JS_EXCEPTION;
    case NAME_SLOT: return value_from_cell(ref.env);
    case NAME_NOT_FOUND: return JS_UNDEFINED;
    default: return ref.object;
    }
}

static Value reference_get(ThreadState *ts, Value base, Value name) {
    if (base == JS_UNDEFINED) return error_throw_reference(ts, "%K is not defined", name);
    Value v;
    if (value_cell_type(base) == CELL_ENV) {
        Env *env = value_to_cell(base);
        v = env->slots[env_find(env, name)];
    } else {
        v = object_get(ts, base, name);
    }
    return v == JS_HOLE ? tdz_error(ts, name) : v;
}

static bool reference_put(ThreadState *ts, Value base, Value name, Value v, bool strict) {
    Realm *realm = &ts->rt->realm;
    if (base == JS_UNDEFINED) {
        if (strict) { error_throw_reference(ts, "%K is not defined", name); return false; }
        return object_set(ts, realm->global_object, name, v, realm->global_object, false) >= 0;
    }
    if (value_cell_type(base) == CELL_ENV) {
        Env *env = value_to_cell(base);
        return env_slot_put(ts, env, env_find(env, name), name, v, strict);
    }
    if (base == realm->global_lexicals) return global_put(ts, name, v, NULL, strict);
    if (strict) {
        // A strict assignment to a binding deleted meanwhile is a ReferenceError.
        int has = object_has_property(ts, base, name);
        if (has < 0) return false;
        if (!has) { error_throw_reference(ts, "%K is not defined", name); return false; }
    }
    return object_set(ts, base, name, v, base, strict) >= 0;
}

// ---------------------------------------------------------------------------------------------
// Property access with inline caches

// The prototype chain an add entry relied on is unchanged: every prototype still has the id
// recorded at the fill (each id fixes that object's own prototype, so the chain ends as it did).
static bool cache_chain_valid(ThreadState *ts, const CacheEntry *e, const Structure *s) {
    Value proto = structure_prototype(s);
    for (uint32_t i = 0; i < e->chain_length; i++) {
        if (!value_is_object(proto)) return false;
        uint32_t id = object_id(value_to_object(proto));
        if (id != e->chain[i]) return false;
        const Structure *ps = structure_get(ts->rt, id);
        if (!ps) return false;
        proto = structure_prototype(ps);
    }
    return !value_is_object(proto);
}

static Value get_prop_slow(ThreadState *ts, Value base, Value key, InlineCache *c) {
    if (!value_is_object(base) || !c || !object_ic_cacheable(value_to_object(base))) return ops_get(ts, base, key);
    Object *o = value_to_object(base);
    // One load of the id: the structure, the lookup and the entry all describe that id.
    uint32_t id = object_id(o);
    Structure *s = structure_get(ts->rt, id);
    if (!cacheable(id, s)) return object_get(ts, base, key);
    uint8_t attributes;
    int32_t slot = structure_lookup(s, key, &attributes);
    Value v;
    if (slot >= 0 && !(attributes & PROP_ACCESSOR)) {
        store_relaxed(&c->own, cache_own_word(id, (uint32_t)slot));
        if (cache_load(o, (uint32_t)slot, id, &v)) return v;
        return object_get(ts, base, key);
    }
    if (slot < 0 && !property_key_is_index(key)) {
        // One prototype level: the commonest method lookup (instance -> class prototype).
        Value proto = structure_prototype(s);
        if (value_is_object(proto) && value_cell_type(proto) != CELL_GLOBAL &&
            object_ic_cacheable(value_to_object(proto))) {
            Object *p = value_to_object(proto);
            uint32_t pid = object_id(p);
            Structure *ps = structure_get(ts->rt, pid);
            int32_t pslot = cacheable(pid, ps) ? structure_lookup(ps, key, &attributes) : -1;
            if (pslot >= 0 && !(attributes & PROP_ACCESSOR)) {
                CacheEntry e = {0};
                e.kind = CACHE_PROTO;
                e.structure_id = id;
                e.chain[0] = pid;
                e.chain_length = 1;
                e.slot = (uint32_t)pslot;
                e.holder = proto;
                cache_write(c, &e);
                if (cache_load(p, (uint32_t)pslot, pid, &v)) return v;
            }
        }
    }
    return object_get(ts, base, key);
}

static inline Value get_prop(ThreadState *ts, Value base, Value key, InlineCache *c) {
    if (value_is_object(base)) {
        Object *o = value_to_object(base);
        uint32_t id = object_id(o);
        uint64_t own = load_relaxed(&c->own);
        Value v;
        if ((uint32_t)(own >> 32) == id) {
            if (cache_load(o, (uint32_t)own, id, &v)) return v;
        } else {
            CacheEntry e;
            if (cache_read(c, &e) && e.kind == CACHE_PROTO && e.structure_id == id) {
                Object *holder = value_to_object(e.holder);
                // The receiver's id is re-checked too: a racing add of the key to it shadows.
                if (cache_load(holder, e.slot, e.chain[0], &v) && object_id(o) == id) return v;
            }
        }
    }
    return get_prop_slow(ts, base, key, c);
}

// Records the add that object_set just made (before -> after, key at slot) when it was a plain
// transition: after has exactly before's properties plus key, with default attributes and the
// same prototype. Another thread's racing add or delete on the same object fails this check.
static void cache_add_transition(ThreadState *ts, InlineCache *c, Object *o, uint32_t before, Structure *s,
                                 Value key, bool with_chain) {
    uint32_t after_id = object_id(o);
    Structure *after = structure_get(ts->rt, after_id);
    if (!cacheable(after_id, after) || after_id == before || structure_is_dictionary(after) ||
        structure_is_dictionary(s))
        return;
    uint8_t attributes;
    int32_t slot = structure_lookup(after, key, &attributes);
    if (slot < 0 || attributes != PROP_DEFAULT ||
        structure_property_count(after) != structure_property_count(s) + 1 ||
        structure_prototype(after) != structure_prototype(s))
        return;
    CacheEntry e = {0};
    e.kind = CACHE_ADD;
    e.structure_id = before;
    e.next_structure_id = after_id;
    e.slot = (uint32_t)slot;
    e.holder = JS_UNDEFINED;
    Value proto = with_chain ? structure_prototype(s) : JS_NULL;
    while (value_is_object(proto) && e.chain_length < CACHE_CHAIN) {
        Object *p = value_to_object(proto);
        uint32_t pid = object_id(p);
        Structure *ps = structure_get(ts->rt, pid);
        // A proxy on the chain runs its set trap on every add: never cache past it [OM-P1].
        if (!ps || (pid & STRUCTURE_ID_BUSY) || !object_ic_cacheable(p)) return;
        e.chain[e.chain_length++] = pid;
        proto = structure_prototype(ps);
    }
    if (!value_is_object(proto)) cache_write(c, &e);
}

static bool put_prop_slow(ThreadState *ts, Value base, Value key, Value v, InlineCache *c, bool strict) {
    if (!value_is_object(base) || !object_ic_cacheable(value_to_object(base)) || !c)
        return ops_set(ts, base, key, v, strict) >= 0;
    Object *o = value_to_object(base);
    uint32_t before = object_id(o);
    Structure *s = structure_get(ts->rt, before);
    if (!cacheable(before, s)) return object_set(ts, base, key, v, base, strict) >= 0;
    uint8_t attributes;
    int32_t slot = structure_lookup(s, key, &attributes);
    if (slot >= 0 && (attributes & (PROP_ACCESSOR | PROP_WRITABLE)) == PROP_WRITABLE) {
        store_relaxed(&c->own, cache_own_word(before, (uint32_t)slot));
        // The id may have changed since it was loaded: the store goes through only if it has not.
        if (object_id(o) == before && cache_store(ts, o, (uint32_t)slot, v)) return true;
        return object_set(ts, base, key, v, base, strict) >= 0;
    }
    int result = object_set(ts, base, key, v, base, strict);
    if (result < 0) return false;
    // A plain add through a transition: cache it with the prototype chain it relied on.
    if (slot < 0 && result > 0 && !property_key_is_index(key)) cache_add_transition(ts, c, o, before, s, key, true);
    return true;
}

static inline bool put_prop(ThreadState *ts, Value base, Value key, Value v, InlineCache *c, bool strict) {
    if (value_is_object(base)) {
        Object *o = value_to_object(base);
        uint32_t id = object_id(o);
        uint64_t own = load_relaxed(&c->own);
        if ((uint32_t)(own >> 32) == id) {
            if (cache_store(ts, o, (uint32_t)own, v)) return true;
        } else {
            CacheEntry e;
            uintptr_t word = load_acquire(&o->butterfly);
            // Only the owner adds through the cache, and only to storage nobody else writes:
            // anything shared takes object.c's locked path [OM-4, OM-7].
            if (cache_read(c, &e) && e.kind == CACHE_ADD && e.structure_id == id &&
                !(word & BUTTERFLY_SHARED_WRITE) && butterfly_owner(o) == ts->tid) {
                Structure *s = structure_get(ts->rt, id);
                Structure *next = structure_get(ts->rt, e.next_structure_id);
                if (s && next && cache_chain_valid(ts, &e, s))
                    return object_add_with_transition(ts, o, id, next, e.slot, v) == 0;
            }
        }
    }
    return put_prop_slow(ts, base, key, v, c, strict);
}

/*
 * CreateDataPropertyOrThrow(base, key, v) for an object literal's or a class field's static name.
 * Cached like a put's add (structure before -> after, slot), without a prototype chain: a define
 * consults no prototype, and an object whose id is the cached one is extensible and lacks the
 * key, since an id names one immutable layout [OM-3]. Only ordinary objects are cached (an
 * exotic define, like a class field named "length" on an Array subclass, is not a plain add).
 */
static bool define_field_name(ThreadState *ts, Value base, Value key, Value v, InlineCache *c) {
    Object *o = value_to_object(base);
    uint32_t id = object_id(o);
    CacheEntry e;
    uintptr_t word = load_acquire(&o->butterfly);
    // The owner adds to storage nobody else writes; anything shared takes object.c's locked path.
    if (cache_read(c, &e) && e.kind == CACHE_ADD && e.structure_id == id &&
        !(word & BUTTERFLY_SHARED_WRITE) && butterfly_owner(o) == ts->tid) {
        Structure *next = structure_get(ts->rt, e.next_structure_id);
        if (next) return object_add_with_transition(ts, o, id, next, e.slot, v) == 0;
    }
    Structure *s = structure_get(ts->rt, id);
    bool cache = !object_has_virtual_properties(base) && cacheable(id, s) && structure_lookup(s, key, NULL) < 0;
    if (object_create_data_property_or_throw(ts, base, key, v) < 0) return false;
    if (cache) cache_add_transition(ts, c, o, id, s, key, false);
    return true;
}

static inline Value get_elem(ThreadState *ts, Value base, Value key) {
    if (value_is_int(key) && value_cell_type(base) == CELL_ARRAY && value_to_int(key) >= 0) {
        // Either storage layout; a racing shrink or grow just makes this a hole or a miss [OM-5].
        Value v = object_load_element(value_to_object(base), (uint32_t)value_to_int(key));
        if (v != JS_HOLE && value_cell_type(v) != CELL_ACCESSOR) return v;
    }
    Value element;
    if (typed_array_get_fast(base, key, &element)) return element;
    // A null or undefined base throws before the key is converted (ES2020 12.3.2.1 step 4).
    if (value_is_nullish(base) && value_is_object(key))
        return error_throw_type(ts, "Cannot read properties of %s", value_is_null(base) ? "null" : "undefined");
    return ops_get_by_value(ts, base, key);
}

static inline bool put_elem(ThreadState *ts, Value base, Value key, Value v, bool strict) {
    if (typed_array_set_fast(ts, base, key, v)) return true;
    if (value_is_int(key) && value_is_object(base) && value_to_int(key) >= 0 &&
        object_set_element_fast(ts, value_to_object(base), (uint32_t)value_to_int(key), v))
        return true;
    return ops_set_by_value(ts, base, key, v, strict) >= 0;
}

// The arguments of a spread call: the spread array's elements copied out through the
// segment-aware accessor, holes as undefined, so nothing assumes one flat block [OM-5].
static Values *spread_arguments(ThreadState *ts, Value array) {
    uint32_t n = array_length(array);
    Values *all = values_new(ts, n ? n : 1);
    if (!all) return NULL;
    Object *o = value_to_object(array);
    for (uint32_t i = 0; i < n; i++) {
        Value v = object_load_element(o, i);
        all->items[i] = v == JS_HOLE ? JS_UNDEFINED : v;
    }
    all->count = n;
    return all;
}

// ---------------------------------------------------------------------------------------------
// Objects the bytecode creates

static Value create_arguments(ThreadState *ts, Frame *f, bool mapped) {
    Code *code = frame_code(f);
    Values *all = value_to_cell(f->arguments);
    uint32_t argc = all ? all->count : 0;
    Arguments *a = object_alloc(ts, sizeof(Arguments), CELL_ARGUMENTS, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (!a) return JS_EXCEPTION;
    a->env = JS_UNDEFINED;
    a->mapping = JS_UNDEFINED;
    Value args = value_from_cell(a);
    for (uint32_t i = 0; i < argc; i++)
        if (object_define_value(ts, args, property_key_from_index(i), all->items[i], PROP_DEFAULT) < 0) return JS_EXCEPTION;
    if (object_define_value(ts, args, ATOM(ts, length), value_from_int((int32_t)argc), PROP_HIDDEN) < 0) return JS_EXCEPTION;
    if (object_define_value(ts, args, SYMBOL(ts, iterator), realm_intrinsic(ts, INTRINSIC_ARRAY_PROTOTYPE_VALUES), PROP_HIDDEN) < 0)
        return JS_EXCEPTION;
    if (mapped) {
        if (object_define_value(ts, args, ATOM(ts, callee), f->callee, PROP_HIDDEN) < 0) return JS_EXCEPTION;
        uint32_t mapped_count = argc < code->param_count ? argc : code->param_count;
        if (mapped_count > 0 && value_is_cell(f->env)) {
            Values *mapping = values_new(ts, mapped_count);
            if (!mapping) return JS_EXCEPTION;
            // Parameter i lives in env slot i when arguments are mapped [BC-7].
            for (uint32_t i = 0; i < mapped_count; i++) mapping->items[i] = value_from_int((int32_t)i);
            mapping->count = mapped_count;
            a->env = f->env;
            a->mapping = value_from_cell(mapping);
        }
    } else {
        Value thrower = realm_intrinsic(ts, INTRINSIC_THROW_TYPE_ERROR);
        if (object_define_accessor(ts, args, ATOM(ts, callee), thrower, thrower, 0) < 0) return JS_EXCEPTION;
    }
    return args;
}

static Value create_rest(ThreadState *ts, Frame *f, uint32_t from) {
    Values *all = value_to_cell(f->arguments);
    uint32_t argc = all ? all->count : 0;
    if (from >= argc) return array_new(ts, 0);
    return array_from_values(ts, all->items + from, argc - from);
}

// A site's template object is made once: two threads may both build one, the first CAS wins
// and both return the winner, so the site always yields the same object.
static Value template_object(ThreadState *ts, Value strings, InlineCache *cache) {
    Value existing = load_acquire(&cache->holder);
    if (value_is_object(existing)) return existing;
    Values *pair = value_to_cell(strings);
    Values *cooked = value_to_cell(pair->items[0]);
    Values *raw = value_to_cell(pair->items[1]);
    Value cooked_array = array_from_values(ts, cooked->items, cooked->count);
    if (value_is_exception(cooked_array)) return cooked_array;
    Value raw_array = array_from_values(ts, raw->items, raw->count);
    if (value_is_exception(raw_array)) return raw_array;
    if (object_set_integrity(ts, raw_array, true) < 0) return JS_EXCEPTION;
    if (object_define_value(ts, cooked_array, ATOM(ts, raw), raw_array, 0) < 0) return JS_EXCEPTION;
    if (object_set_integrity(ts, cooked_array, true) < 0) return JS_EXCEPTION;
    Value expected = existing;
    if (!cas_acq_rel(&cache->holder, &expected, cooked_array)) return expected;
    return cooked_array;
}

static Value make_class(ThreadState *ts, Value code, Value env, Value heritage, Value *proto_out) {
    Value proto_parent = realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE);
    Value constructor_parent = realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE);
    if (heritage != JS_HOLE) {
        if (heritage == JS_NULL) {
            proto_parent = JS_NULL;
        } else {
            if (!ops_is_constructor(heritage))
                return error_throw_type(ts, "Class extends value %V is not a constructor or null", heritage);
            proto_parent = ops_get(ts, heritage, ATOM(ts, prototype));
            if (value_is_exception(proto_parent)) return proto_parent;
            if (!value_is_object(proto_parent) && proto_parent != JS_NULL)
                return error_throw_type(ts, "Class extends value does not have valid prototype property %V", proto_parent);
            constructor_parent = heritage;
        }
    }
    Value proto = object_new(ts, proto_parent);
    if (value_is_exception(proto)) return proto;
    Value ctor = function_new_closure(ts, code, env, proto);
    if (value_is_exception(ctor)) return ctor;
    if (object_set_prototype_of(ts, ctor, constructor_parent, true) < 0) return JS_EXCEPTION;
    if (object_define_value(ts, ctor, ATOM(ts, prototype), proto, 0) < 0) return JS_EXCEPTION;
    if (object_define_value(ts, proto, ATOM(ts, constructor), ctor, PROP_HIDDEN) < 0) return JS_EXCEPTION;
    *proto_out = proto;
    return ctor;
}

// ---- Private names (ES2022 class private elements) [INT-18]
// Each evaluation of a class gives every private field name, and the class's private methods
// and accessors together (the brand), a storage that maps an object to its value: a WeakMap
// that never reaches JS. Private state is so in no property table: no reflection path, proxy
// trap, freeze or preventExtensions sees or affects it, an object is collectable whatever
// classes stamped it, and the WeakMap's own lock makes it safe under --threads.
// The storages are map.c's engine-internal WeakMaps (weakmap_new/lookup/put): no JS runs.

// The object's entry in a storage, or the hole. A static private method's brand is the class
// constructor itself (compared by identity), every other brand or field a storage.
static Value private_lookup(ThreadState *ts, Value storage, Value object) {
    if (!value_is_object(object)) return JS_HOLE;
    if (value_cell_type(storage) != CELL_WEAKMAP) return storage == object ? JS_TRUE : JS_HOLE;
    return weakmap_lookup(ts, storage, object);
}

static bool private_store(ThreadState *ts, Value storage, Value object, Value value) {
    return weakmap_put(ts, storage, object, value) >= 0;
}

static Value private_missing(ThreadState *ts, Value object, Value name, bool write) {
    if (value_is_nullish(object))
        return error_throw_type(ts, write ? "Cannot set properties of %V (setting '%K')"
                                          : "Cannot read properties of %V (reading '%K')", object, name);
    return write ? error_throw_type(ts, "Cannot write private member %K to an object whose class did not declare it", name)
                 : error_throw_type(ts, "Cannot read private member %K from an object whose class did not declare it", name);
}

static int define_method(ThreadState *ts, Value target, Value key, Value fn, int kind) {
    switch (kind) {
    case 0: {
        // Class methods are non-enumerable, and defined with DefinePropertyOrThrow: a static
        // method named by a computed "prototype" throws (ES2020 14.3.8 step 8).
        PropertyDescriptor desc = {fn, JS_UNDEFINED, JS_UNDEFINED, PROP_HIDDEN,
                                   DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE};
        return object_define_own_property(ts, target, key, &desc, true);
    }
    case 3:
        // Object-literal methods are enumerable.
        return object_define_value(ts, target, key, fn, PROP_DEFAULT);
    case 1: case 2: case 7: case 8: {
        // Only the half being defined is present, so a getter and a setter for one key merge.
        bool getter = kind == 1 || kind == 7;
        PropertyDescriptor desc = {JS_UNDEFINED, getter ? fn : JS_UNDEFINED, getter ? JS_UNDEFINED : fn,
                                   (uint8_t)(PROP_ACCESSOR | PROP_CONFIGURABLE | (kind >= 7 ? PROP_ENUMERABLE : 0)),
                                   (uint8_t)((getter ? DESC_HAS_GET : DESC_HAS_SET) | DESC_HAS_ENUMERABLE |
                                             DESC_HAS_CONFIGURABLE)};
        return object_define_own_property(ts, target, key, &desc, true);
    }
    case 4: return function_set_name(ts, fn, key, NULL);
    case 5: return function_set_name(ts, fn, key, "get");
    case 6: return function_set_name(ts, fn, key, "set");
    }
    return 0;
}

static int copy_data_properties(ThreadState *ts, Value target, Value source, Value excluded) {
    if (value_is_nullish(source)) return 0;
    Value from = ops_to_object(ts, source);
    if (value_is_exception(from)) return -1;
    Value keys = object_own_keys(ts, from, OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
    if (value_is_exception(keys)) return -1;
    uint32_t n = array_length(keys);
    for (uint32_t i = 0; i < n; i++) {
        Value key_value = object_get(ts, keys, property_key_from_index(i));
        Value key = property_key_from_value(ts, key_value);
        if (value_is_exception(key)) return -1;
        if (value_is_object(excluded)) {
            bool skip = false;
            uint32_t m = array_length(excluded);
            for (uint32_t j = 0; j < m && !skip; j++) {
                Value ex = property_key_from_value(ts, object_get(ts, excluded, property_key_from_index(j)));
                if (ex == key) skip = true;
            }
            if (skip) continue;
        }
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, from, key, &desc);
        if (found < 0) return -1;
        if (!found || !(desc.attributes & PROP_ENUMERABLE)) continue;
        Value v = object_get(ts, from, key);
        if (value_is_exception(v)) return -1;
        if (object_define_value(ts, target, key, v, PROP_DEFAULT) < 0) return -1;
    }
    return 0;
}

// for-in: a Values state [object, keys array, next index] (ES2020 13.7.5.15, EnumerateObjectProperties).
static Value for_in_prepare(ThreadState *ts, Value v) {
    Values *state = values_new(ts, 3);
    if (!state) return JS_EXCEPTION;
    state->count = 3;
    state->items[0] = JS_UNDEFINED;
    state->items[1] = JS_UNDEFINED;
    state->items[2] = value_from_int(0);
    if (value_is_nullish(v)) return value_from_cell(state);
    Value obj = ops_to_object(ts, v);
    if (value_is_exception(obj)) return obj;
    Value keys = array_new(ts, 8);
    if (value_is_exception(keys)) return keys;
    Value visited = object_new(ts, JS_NULL);
    if (value_is_exception(visited)) return visited;
    for (Value o = obj; value_is_object(o);) {
        Value own = object_own_keys(ts, o, OWN_KEYS_STRINGS);
        if (value_is_exception(own)) return own;
        uint32_t n = array_length(own);
        for (uint32_t i = 0; i < n; i++) {
            Value name = object_get(ts, own, property_key_from_index(i));
            Value key = property_key_from_value(ts, name);
            if (value_is_exception(key)) return key;
            int seen = object_has_own_property(ts, visited, key);
            if (seen) continue;
            object_define_value(ts, visited, key, JS_TRUE, PROP_DEFAULT);
            PropertyDescriptor desc;
            int found = object_get_own_property(ts, o, key, &desc);
            if (found < 0) return JS_EXCEPTION;
            if (found && (desc.attributes & PROP_ENUMERABLE))
                if (array_push(ts, keys, name) < 0) return JS_EXCEPTION;
        }
        o = object_get_prototype_of(ts, o);
        if (value_is_exception(o)) return o;
    }
    state->items[0] = obj;
    state->items[1] = keys;
    return value_from_cell(state);
}

// Next key, or JS_HOLE when done. Keys deleted before being reached are skipped.
static Value for_in_next(ThreadState *ts, Value state_value) {
    Values *state = value_to_cell(state_value);
    if (!value_is_object(state->items[1])) return JS_HOLE;
    Value keys = state->items[1];
    for (;;) {
        int32_t i = value_to_int(state->items[2]);
        if ((uint32_t)i >= array_length(keys)) return JS_HOLE;
        state->items[2] = value_from_int(i + 1);
        Value name = object_get(ts, keys, property_key_from_index((uint32_t)i));
        Value key = property_key_from_value(ts, name);
        if (value_is_exception(key)) return key;
        int has = object_has_property(ts, state->items[0], key);
        if (has < 0) return JS_EXCEPTION;
        if (has) return name;
    }
}

static Value iterator_next_value(ThreadState *ts, Value iterator, Value next, bool *done) {
    Value result = interp_call(ts, next, iterator, NULL, 0);
    if (value_is_exception(result)) return result;
    if (!value_is_object(result)) return error_throw_type(ts, "Iterator result %V is not an object", result);
    Value d = object_get(ts, result, ATOM(ts, done));
    if (value_is_exception(d)) return d;
    if (ops_to_boolean(d)) { *done = true; return JS_UNDEFINED; }
    *done = false;
    return object_get(ts, result, ATOM(ts, value));
}

static bool array_spread(ThreadState *ts, Value array, Value iterable) {
    IteratorRecord it;
    if (!ops_get_iterator(ts, iterable, &it)) return false;
    for (;;) {
        Value v = ops_iterator_step(ts, &it);
        if (value_is_exception(v)) return false;
        if (v == JS_HOLE) return true;
        if (array_push(ts, array, v) < 0) return false;
    }
}

// ---------------------------------------------------------------------------------------------
// Generators and async functions

static Value generator_snapshot(ThreadState *ts, Frame *f, Generator *gen) {
    Code *code = frame_code(f);
    uint32_t words = FRAME_WORDS + code->register_count;
    Values *snap = value_is_cell(gen->snapshot) ? value_to_cell(gen->snapshot) : NULL;
    if (!snap || snap->capacity < words) {
        snap = values_new(ts, words);
        if (!snap) return JS_EXCEPTION;
        gen->snapshot = value_from_cell(snap);
    }
    memcpy(snap->items, f, words * sizeof(Value));
    snap->count = words;
    return JS_UNDEFINED;
}

static Value generator_create(ThreadState *ts, Frame *f, uint32_t resume_pc) {
    Code *code = frame_code(f);
    bool generator = (code->flags & CODE_GENERATOR) != 0;
    Value proto;
    if (!generator) {
        proto = JS_NULL;
    } else {
        proto = ops_get(ts, f->callee, ATOM(ts, prototype));
        if (value_is_exception(proto)) return proto;
        if (!value_is_object(proto))
            proto = realm_intrinsic(ts, (code->flags & CODE_ASYNC) ? INTRINSIC_ASYNC_GENERATOR_PROTOTYPE
                                                                   : INTRINSIC_GENERATOR_PROTOTYPE);
    }
    Generator *gen = object_alloc(ts, sizeof(Generator), CELL_GENERATOR, proto);
    if (!gen) return JS_EXCEPTION;
    gen->snapshot = gen->promise = gen->return_value = gen->queue = JS_UNDEFINED;
    gen->state = GEN_SUSPENDED_START;
    gen->resume_pc = resume_pc;
    gen->resume_register = 0;
    gen->is_async = !(code->flags & CODE_ASYNC) ? GEN_KIND_SYNC
                  : generator ? GEN_KIND_ASYNC_GENERATOR : GEN_KIND_ASYNC_FUNCTION;
    gen->ag_state = AG_SUSPENDED_START;
    f->generator = value_from_cell(gen);
    if (gen->is_async == GEN_KIND_ASYNC_FUNCTION) {
        gen->promise = promise_new(ts);
        if (value_is_exception(gen->promise)) return JS_EXCEPTION;
        gen->state = GEN_RUNNING;
    } else if (value_is_exception(generator_snapshot(ts, f, gen))) {
        return JS_EXCEPTION;
    }
    return value_from_cell(gen);
}

/*
 * Which generator the innermost YIELD/AWAIT of this thread suspended, if any. Several threads
 * may hold one generator, so after `run` returns the resumer must learn whether the frame
 * suspended from its own thread, never from the shared Generator: by then another thread may
 * already have resumed it [INT-12].
 */
static _Thread_local Generator *suspended_generator;
// Whether that suspension was an AWAIT (the frame published its own state) rather than a yield.
static _Thread_local bool suspended_at_await;

/*
 * Resumes a suspended generator frame; returns what the frame yields/returns [INT-6]. Claiming
 * the generator is a CAS from a suspended state to GEN_RUNNING, so when threads race to resume
 * one generator exactly one runs it and the others throw "Generator is already running"; the
 * state goes back to suspended (release) only after the snapshot and resume fields are written
 * [INT-12]. `*done` false: the frame suspended; then `*raw` says, for a generator, that the value
 * is already an iterator result (yield*), and for the async kinds that it stopped at an AWAIT.
 */
static Value generator_resume(ThreadState *ts, Generator *gen, int mode, Value value, bool *done, bool *raw) {
    *done = true;
    *raw = false;
    uint32_t state = load_acquire(&gen->state);
    for (;;) {
        if (state == GEN_RUNNING) return error_throw_type(ts, "Generator is already running");
        if (state == GEN_DONE) {
            if (mode == RESUME_THROW) return error_throw(ts, value);
            return mode == RESUME_RETURN ? value : JS_UNDEFINED;
        }
        if (cas_acq_rel(&gen->state, &state, GEN_RUNNING)) break;
    }
    if (state == GEN_SUSPENDED_START && mode != RESUME_NEXT) {
        store_release(&gen->state, GEN_DONE);
        if (mode == RESUME_THROW) return error_throw(ts, value);
        return value;
    }
    Values *snap = value_to_cell(gen->snapshot);
    if (ts->sp + snap->count + 8 > ts->stack_limit || native_stack_exhausted(ts)) {
        store_release(&gen->state, state);
        return stack_overflow(ts);
    }
    Frame *f = (Frame *)ts->sp;
    memcpy(f, snap->items, snap->count * sizeof(Value));
    f->caller = value_from_int(ts->frame ? (int32_t)((Value *)ts->frame - ts->stack_base) : -1);
    f->kind = value_from_int(FRAME_ENTRY);
    f->pc = value_from_int((int32_t)gen->resume_pc);
    ts->sp = (Value *)f + snap->count;
    ts->frame = f;
    bool throwing = false;
    gen->resume_mode = (uint32_t)mode;
    gen->yielded_raw = 0;
    if (state == GEN_SUSPENDED_YIELD && gen->raw_resume) {
        // YIELD_RESUME: async yield* reads how it was resumed and forwards it itself [INT-16].
        frame_registers(f)[gen->resume_register] = value;
        frame_registers(f)[gen->mode_register] = value_from_int(mode);
        gen->raw_resume = 0;
    } else if (state == GEN_SUSPENDED_YIELD && gen->delegating) {
        // yield* forwards next/throw/return to the inner iterator itself [INT-6].
        frame_registers(f)[gen->resume_register] = value;
        gen->delegating = 0;
    } else if (state == GEN_SUSPENDED_YIELD) {
        if (mode == RESUME_NEXT) {
            frame_registers(f)[gen->resume_register] = value;
        } else if (mode == RESUME_THROW) {
            error_throw(ts, value);
            throwing = true;
        } else {
            gen->return_value = value;
            error_throw(ts, realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN));
            throwing = true;
        }
        // Handlers are looked up at the suspended instruction, which lies inside its try range.
        if (throwing) f->pc = value_from_int((int32_t)gen->suspend_pc);
    }
    Generator *outer = suspended_generator;
    suspended_generator = NULL;
    ts->native_depth++;
    Value result = run(ts, throwing);
    ts->native_depth--;
    bool suspended = suspended_generator == gen;
    bool at_await = suspended_at_await;
    suspended_generator = outer;
    suspended_at_await = false;
    if (suspended) {
        // An AWAIT published its state itself, before its promise could resume the frame; a
        // yield's state is published here, after its results are read [INT-12].
        *done = false;
        if (at_await) {
            *raw = true;
        } else {
            *raw = gen->yielded_raw != 0;
            store_release(&gen->state, GEN_SUSPENDED_YIELD);
        }
        return result;
    }
    Value return_value = gen->return_value;
    store_release(&gen->state, GEN_DONE);
    if (value_is_exception(result) && ts->exception == realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN)) {
        error_take(ts);
        return return_value;
    }
    return result;
}

static Value Generator_resume(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    if (value_cell_type(self) != CELL_GENERATOR || ((Generator *)value_to_cell(self))->is_async)
        return error_throw_type(ts, "next method called on incompatible receiver %V", self);
    bool done, raw;
    Generator *gen = value_to_cell(self);
    Value v = generator_resume(ts, gen, magic, builtin_arg(args, argc, 0), &done, &raw);
    if (value_is_exception(v)) return v;
    if (!done && raw) return v;
    return ops_create_iter_result(ts, v, done);
}

static bool ag_run(ThreadState *ts, Generator *gen, int mode, Value value);
static bool ag_drain(ThreadState *ts, Generator *gen);

static Value async_step(ThreadState *ts, Generator *gen, int mode, Value value) {
    if (gen->is_async == GEN_KIND_ASYNC_GENERATOR) {
        // An await inside an async generator: the driver resumes it and then serves the queue.
        if (!ag_run(ts, gen, mode, value) || !ag_drain(ts, gen)) return JS_EXCEPTION;
        return JS_UNDEFINED;
    }
    bool done, raw;
    // Async frames settle their promise themselves (ASYNC_RESULT or the unwinder) [INT-7].
    Value v = generator_resume(ts, gen, mode, value, &done, &raw);
    if (value_is_exception(v)) return v;
    return JS_UNDEFINED;
}

static Value Async_on_fulfilled(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    NativeFunction *nf = value_to_cell(ts->callee);
    return async_step(ts, value_to_cell(nf->data[0]), magic, builtin_arg(args, argc, 0));
}

// Await: suspends the async frame until `v` settles; the frame is resumed by a promise job.
static bool async_await(ThreadState *ts, Generator *gen, Value v) {
    Value promise = promise_resolve(ts, v);
    if (value_is_exception(promise)) return false;
    Value on_fulfilled = function_new_native(ts, Async_on_fulfilled, "", 1, RESUME_NEXT, 0);
    if (value_is_exception(on_fulfilled)) return false;
    ((NativeFunction *)value_to_cell(on_fulfilled))->data[0] = value_from_cell(gen);
    Value on_rejected = function_new_native(ts, Async_on_fulfilled, "", 1, RESUME_THROW, 0);
    if (value_is_exception(on_rejected)) return false;
    ((NativeFunction *)value_to_cell(on_rejected))->data[0] = value_from_cell(gen);
    return promise_then_native(ts, promise, on_fulfilled, on_rejected);
}

// ---------------------------------------------------------------------------------------------
// Async generators [INT-16]
//
// The frame is a generator's (GENERATOR_START snapshots it, YIELD suspends it) and its awaits are
// an async function's; this driver is AsyncGeneratorEnqueue / ResumeNext / Resolve / Reject of
// ES2020 25.5.3. Any thread may enqueue. The queue and ag_state change only under the
// generator's lock (ag_lock), which is never held across an allocation, a settle or JS code; the
// thread that moves ag_state to executing or awaiting-return under it holds the *claim*: it alone
// runs the body and serves the head request until it publishes a suspended or completed state
// (with the head's removal, in one critical section). A request that finds the generator claimed
// only enqueues; the claimant's drain loop serves it. An await reaction runs on the thread that
// registered it, the claimant, so the body stays on one thread per claim [INT-12, THR-15].

#define AG_LOCK_STRIPES 64
static pthread_mutex_t ag_locks[AG_LOCK_STRIPES] = {
    [0 ... AG_LOCK_STRIPES - 1] = PTHREAD_MUTEX_INITIALIZER,
};

// Striped by address like promise locks (cells never move): the Generator needs no lock field.
static pthread_mutex_t *ag_lock(const Generator *gen) {
    return &ag_locks[((uintptr_t)gen >> 4) % AG_LOCK_STRIPES];
}

static Values *ag_queue(Generator *gen) {
    return value_cell_type(gen->queue) == CELL_VALUES ? value_to_cell(gen->queue) : NULL;
}

static bool ag_queue_empty(Generator *gen) {
    Values *q = ag_queue(gen);
    return !q || gen->queue_head >= q->count;
}

// Appends a request. A full queue is copied into a bigger one allocated outside the lock; if
// other threads enqueued meanwhile so that it no longer fits, the copy is retried.
static bool ag_enqueue(ThreadState *ts, Generator *gen, int mode, Value value, Value promise) {
    pthread_mutex_t *lock = ag_lock(gen);
    Values *bigger = NULL;
    for (;;) {
        pthread_mutex_lock(lock);
        Values *q = ag_queue(gen);
        if (q && gen->queue_head >= q->count) q->count = gen->queue_head = 0;
        uint32_t live = q ? q->count - gen->queue_head : 0;
        if (!q || q->count + 3 > q->capacity) {
            if (!bigger || live + 3 > bigger->capacity) {
                pthread_mutex_unlock(lock);
                bigger = values_new(ts, (live + 3) * 2);   // a C local: a root [HEAP-7]
                if (!bigger) return false;
                continue;
            }
            if (live) memcpy(bigger->items, q->items + gen->queue_head, live * sizeof(Value));
            bigger->count = live;
            gen->queue = value_from_cell(bigger);
            gen->queue_head = 0;
            q = bigger;
        }
        q->items[q->count] = value_from_int(mode);
        q->items[q->count + 1] = value;
        q->items[q->count + 2] = promise;
        q->count += 3;
        pthread_mutex_unlock(lock);
        return true;
    }
}

// Removes the head request and returns its promise; the caller holds ag_lock.
static Value ag_pop_head(Generator *gen) {
    Values *q = ag_queue(gen);
    Value promise = q->items[gen->queue_head + 2];
    q->items[gen->queue_head + 1] = q->items[gen->queue_head + 2] = JS_UNDEFINED;
    gen->queue_head += 3;
    return promise;
}

static bool ag_settle(ThreadState *ts, Value promise, Value value, bool done, bool rejected) {
    if (rejected) return promise_reject_value(ts, promise, value);
    Value result = ops_create_iter_result(ts, value, done);
    if (value_is_exception(result)) return false;
    return promise_resolve_value(ts, promise, result);
}

// AsyncGeneratorResolve / AsyncGeneratorReject by the claimant: publishes `state` (which ends
// the claim) and removes the head request in one critical section, then settles its promise
// outside the lock, since settling may run user code (a `then` getter) that enqueues again.
static bool ag_complete(ThreadState *ts, Generator *gen, uint32_t state, Value value, bool done, bool rejected) {
    pthread_mutex_t *lock = ag_lock(gen);
    pthread_mutex_lock(lock);
    gen->ag_state = state;
    Value promise = ag_pop_head(gen);
    pthread_mutex_unlock(lock);
    return ag_settle(ts, promise, value, done, rejected);
}

// Runs the frame with one resumption and completes the head request by how it stopped:
// a yield resolves it with {value, done: false}, the end of the body with done: true, an escaping
// exception rejects it; an await leaves it (and the claim) for the await's reaction. False only
// on OOM. The caller holds the claim.
static bool ag_run(ThreadState *ts, Generator *gen, int mode, Value value) {
    bool done, at_await;
    Value v = generator_resume(ts, gen, mode, value, &done, &at_await);
    if (value_is_exception(v)) return ag_complete(ts, gen, AG_COMPLETED, error_take(ts), true, true);
    if (!done && at_await) return true;
    return ag_complete(ts, gen, done ? AG_COMPLETED : AG_SUSPENDED_YIELD, v, done, false);
}

// What an ag_await reaction does: resume the frame with return(v) or throw(e) (a `yield` resumed
// by return awaits the value first), or finish return() on a completed generator.
enum { AG_AWAIT_RESUME, AG_AWAIT_RETURN };

static bool ag_react(ThreadState *ts, Generator *gen, int kind, bool rejected, Value value) {
    if (kind == AG_AWAIT_RESUME) return ag_run(ts, gen, rejected ? RESUME_THROW : RESUME_RETURN, value);
    return ag_complete(ts, gen, AG_COMPLETED, value, true, rejected);
}

static Value AsyncGenerator_reaction(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Generator *gen = value_to_cell(((NativeFunction *)value_to_cell(ts->callee))->data[0]);
    if (!ag_react(ts, gen, magic >> 1, magic & 1, builtin_arg(args, argc, 0)) || !ag_drain(ts, gen))
        return JS_EXCEPTION;
    return JS_UNDEFINED;
}

// Await(value) on behalf of the generator, then ag_react(kind). A PromiseResolve that throws
// (a promise whose `constructor` getter throws) is the await throwing: handled at once.
static bool ag_await(ThreadState *ts, Generator *gen, Value value, int kind) {
    Value promise = promise_resolve(ts, value);
    if (value_is_exception(promise)) return ag_react(ts, gen, kind, true, error_take(ts));
    Value handlers[2];
    for (int rejected = 0; rejected < 2; rejected++) {
        handlers[rejected] = function_new_native(ts, AsyncGenerator_reaction, "", 1, kind * 2 + rejected, 0);
        if (value_is_exception(handlers[rejected])) return false;
        ((NativeFunction *)value_to_cell(handlers[rejected]))->data[0] = value_from_cell(gen);
    }
    return promise_then_native(ts, promise, handlers[0], handlers[1]);
}

// AsyncGeneratorResumeNext (ES2020 25.5.3.3) as a loop: serves requests until the queue is empty
// or another step holds the claim (running, or awaiting for a request). Each step is decided and
// claimed in one critical section, so of two threads draining at once exactly one serves a head.
static bool ag_drain(ThreadState *ts, Generator *gen) {
    pthread_mutex_t *lock = ag_lock(gen);
    for (;;) {
        pthread_mutex_lock(lock);
        uint32_t state = gen->ag_state;
        if (state == AG_EXECUTING || state == AG_AWAITING_RETURN || ag_queue_empty(gen)) {
            pthread_mutex_unlock(lock);
            return true;
        }
        Values *q = ag_queue(gen);
        int mode = value_to_int(q->items[gen->queue_head]);
        Value value = q->items[gen->queue_head + 1];   // a C local from here on [HEAP-7]
        if (mode != RESUME_NEXT && state == AG_SUSPENDED_START) {
            // return()/throw() before the first next(): the body never runs. Nobody else can
            // resume the frame (async generators are resumed only by their claimant).
            gen->ag_state = state = AG_COMPLETED;
            store_release(&gen->state, GEN_DONE);
        }
        bool ok;
        if (state == AG_COMPLETED && mode != RESUME_RETURN) {
            Value promise = ag_pop_head(gen);
            pthread_mutex_unlock(lock);
            ok = ag_settle(ts, promise, mode == RESUME_THROW ? value : JS_UNDEFINED, true, mode == RESUME_THROW);
        } else if (state == AG_COMPLETED) {
            gen->ag_state = AG_AWAITING_RETURN;
            pthread_mutex_unlock(lock);
            ok = ag_await(ts, gen, value, AG_AWAIT_RETURN);
        } else {
            gen->ag_state = AG_EXECUTING;
            pthread_mutex_unlock(lock);
            // A yield (yield* too) resumed by return(v) awaits v inside the generator first
            // (AsyncGeneratorUnwrapYieldResumption); a rejection resumes it with throw.
            ok = mode == RESUME_RETURN ? ag_await(ts, gen, value, AG_AWAIT_RESUME) : ag_run(ts, gen, mode, value);
        }
        if (!ok) return false;
    }
}

static const char *const ag_method_names[] = {"next", "throw", "return"};

// %AsyncGeneratorPrototype%.next / throw / return (magic RESUME_*): AsyncGeneratorEnqueue, from
// any thread. The caller serves the queue itself when no other thread holds the claim.
static Value AsyncGenerator_enqueue(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    Value promise = promise_new(ts);
    if (value_is_exception(promise)) return promise;
    Generator *gen = value_cell_type(self) == CELL_GENERATOR ? value_to_cell(self) : NULL;
    if (!gen || gen->is_async != GEN_KIND_ASYNC_GENERATOR) {
        error_throw_type(ts, "AsyncGenerator.prototype.%s called on incompatible receiver %V",
                         ag_method_names[magic], self);
        if (!promise_reject_value(ts, promise, error_take(ts))) return JS_EXCEPTION;
        return promise;
    }
    if (!ag_enqueue(ts, gen, magic, builtin_arg(args, argc, 0), promise)) return JS_EXCEPTION;
    if (!ag_drain(ts, gen)) return JS_EXCEPTION;
    return promise;
}

// ---------------------------------------------------------------------------------------------
// Direct eval

static Value direct_eval(ThreadState *ts, Frame *f, Value source) {
    if (!value_is_string(source)) return source;
    Code *caller = frame_code(f);
    int flags = COMPILE_EVAL | COMPILE_DIRECT_EVAL | ((caller->flags & CODE_STRICT) ? COMPILE_STRICT : 0) |
                (int)(caller->flags & (CODE_EVAL_NEW_TARGET | CODE_EVAL_SUPER_PROPERTY | CODE_EVAL_SUPER_CALL));
    // Eval code inside a class may name the private names around it: the innermost class with
    // private names and a direct eval keeps their description in a named slot [INT-18].
    Value private_names = JS_UNDEFINED;
    Value private_key = atom_from_cstr(ts, "# private names");
    if (value_is_exception(private_key)) return private_key;
    for (Value e = f->env; value_is_cell(e) && private_names == JS_UNDEFINED; e = ((Env *)value_to_cell(e))->parent) {
        Env *env = value_to_cell(e);
        int32_t slot = (env->flags & ENV_WITH) ? -1 : env_find(env, private_key);
        if (slot >= 0 && value_is_string(env->slots[slot])) private_names = env->slots[slot];
    }
    Value code = ts->rt->compile_hook(ts, source, flags, private_names);
    if (value_is_exception(code)) return code;
    Value env = f->env;
    Code *eval_code = value_to_cell(code);
    if (eval_code->flags & CODE_STRICT) {
        // Strict eval code gets a fresh variable environment of its own.
        env = new_env(ts, env, 0, JS_UNDEFINED, ENV_FUNCTION);
        if (value_is_exception(env)) return env;
    }
    Value new_target = f->new_target;
    if ((caller->flags & (CODE_ARROW | CODE_EVAL_NEW_TARGET)) == (CODE_ARROW | CODE_EVAL_NEW_TARGET)) {
        // An arrow has no new.target of its own: its direct eval sees the enclosing function's,
        // which the eval call made a named binding of the function's Env (scope.py).
        Value name = atom_from_cstr(ts, "new.target");
        if (value_is_exception(name)) return name;
        new_target = JS_UNDEFINED;
        for (Value e = f->env; value_is_cell(e); e = ((Env *)value_to_cell(e))->parent) {
            int32_t slot = env_find(value_to_cell(e), name);
            if (slot >= 0) { new_target = ((Env *)value_to_cell(e))->slots[slot]; break; }
        }
    }
    return run_eval_code(ts, code, env, f->this_value, new_target, f->callee);
}

Value interp_indirect_eval(ThreadState *ts, Value source) {
    if (!value_is_string(source)) return source;
    Value code = ts->rt->compile_hook(ts, source, COMPILE_EVAL, JS_UNDEFINED);
    if (value_is_exception(code)) return code;
    Value env = JS_UNDEFINED;
    if (((Code *)value_to_cell(code))->flags & CODE_STRICT) {
        env = new_env(ts, env, 0, JS_UNDEFINED, ENV_FUNCTION);
        if (value_is_exception(env)) return env;
    }
    return run_eval_code(ts, code, env, ts->rt->realm.global_object, JS_UNDEFINED, JS_UNDEFINED);
}

// ---------------------------------------------------------------------------------------------
// Stack traces

Value interp_stack_trace(ThreadState *ts, int skip) {
    StringBuilder b;
    string_builder_init(&b, ts);
    int count = 0;
    for (Frame *f = ts->frame; f && count < 10;) {
        Code *code = frame_code(f);
        if (skip > 0) {
            skip--;
        } else {
            uint32_t line, column;
            code_position(code, (uint32_t)value_to_int(f->pc), &line, &column);
            if (count) string_builder_append_char(&b, '\n');
            string_builder_append_cstr(&b, "    at ");
            bool named = string_length(code->name) > 0 && !(code->flags & CODE_SCRIPT);
            if (named) {
                if (value_to_int(f->kind) & FRAME_CONSTRUCT) string_builder_append_cstr(&b, "new ");
                string_builder_append_string(&b, code->name);
                string_builder_append_cstr(&b, " (");
            }
            string_builder_append_string(&b, code->filename);
            char position[32];
            snprintf(position, sizeof position, ":%u:%u", line, column);
            string_builder_append_cstr(&b, position);
            if (named) string_builder_append_char(&b, ')');
            count++;
        }
        int32_t caller = value_to_int(f->caller);
        f = caller >= 0 ? (Frame *)(ts->stack_base + caller) : NULL;
    }
    return string_builder_finish(&b);
}

// ---------------------------------------------------------------------------------------------
// The dispatch loop

/*
 * Runs from ts->frame until the entry frame (FRAME_ENTRY) returns, yields or throws out.
 * `throwing`: start by unwinding the pending exception at the frame's pc (generator throw()).
 */
static Value run(ThreadState *ts, bool throwing) {
    static const void *const dispatch[OP_COUNT] = {OPCODE_LABELS};
    Frame *f;
    Code *code;
    Value *regs;
    const uint32_t *pc, *insn;
    Values *K;
    Value tmp;

#define LOAD_FRAME()                                                  \
    do {                                                              \
        f = ts->frame;                                                \
        code = frame_code(f);                                         \
        regs = frame_registers(f);                                    \
        K = value_to_cell(code->constants);                           \
        pc = code->words + value_to_int(f->pc);                       \
    } while (0)
#define R(i) regs[i]
#define A pc[1]
#define B pc[2]
#define C_ pc[3]
#define D pc[4]
#define E pc[5]
#define KV(i) K->items[i]
#define SYNC() (f->pc = value_from_int((int32_t)(insn - code->words)))
#define NEXT()                                        \
    do {                                              \
        insn = pc;                                    \
        goto *dispatch[*pc];                          \
    } while (0)
#define ADVANCE(op) (pc += opcode_length[op])
#define CHECK(v)                                      \
    do {                                              \
        if (value_is_exception(v)) goto exception;    \
    } while (0)
#define STRICT ((code->flags & CODE_STRICT) != 0)
// The profile slot of the running instruction: its last operand [BC-18].
#define PROFILE_SLOT(op) (&code->profiles[pc[opcode_length[op] - 1]])

    LOAD_FRAME();
    insn = pc;
    if (throwing) goto exception;
    NEXT();

op_NOP: op_DEBUGGER:
    ADVANCE(OP_NOP);
    NEXT();
op_LOAD_CONST: R(A) = KV(B); ADVANCE(OP_LOAD_CONST); NEXT();
op_LOAD_INT: R(A) = value_from_int((int32_t)B); ADVANCE(OP_LOAD_INT); NEXT();
op_LOAD_UNDEFINED: R(A) = JS_UNDEFINED; ADVANCE(OP_LOAD_UNDEFINED); NEXT();
op_LOAD_NULL: R(A) = JS_NULL; ADVANCE(OP_LOAD_NULL); NEXT();
op_LOAD_TRUE: R(A) = JS_TRUE; ADVANCE(OP_LOAD_TRUE); NEXT();
op_LOAD_FALSE: R(A) = JS_FALSE; ADVANCE(OP_LOAD_FALSE); NEXT();
op_LOAD_HOLE: R(A) = JS_HOLE; ADVANCE(OP_LOAD_HOLE); NEXT();
op_MOV: R(A) = R(B); ADVANCE(OP_MOV); NEXT();
op_LOAD_THIS:
    if (f->this_value == JS_HOLE) {
        SYNC();
        error_throw_reference(ts, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
        goto exception;
    }
    R(A) = f->this_value;
    ADVANCE(OP_LOAD_THIS);
    NEXT();
op_LOAD_NEW_TARGET: R(A) = f->new_target; ADVANCE(OP_LOAD_NEW_TARGET); NEXT();
op_LOAD_CALLEE: R(A) = f->callee; ADVANCE(OP_LOAD_CALLEE); NEXT();
op_CHECK_TDZ:
    if (R(A) == JS_HOLE) { SYNC(); tdz_error(ts, KV(B)); goto exception; }
    ADVANCE(OP_CHECK_TDZ);
    NEXT();
op_THROW_CONST_ASSIGN:
    SYNC();
    error_throw_type(ts, "Assignment to constant variable.");
    goto exception;

op_PUSH_ENV:
    SYNC();
    tmp = new_env(ts, f->env, A, KV(B), C_ == 1 ? ENV_FUNCTION : C_ == 2 ? ENV_CATCH : C_ == 3 ? ENV_CALLEE : 0);
    CHECK(tmp);
    f->env = tmp;
    ADVANCE(OP_PUSH_ENV);
    NEXT();
op_POP_ENV:
    f->env = ((Env *)value_to_cell(f->env))->parent;
    ADVANCE(OP_POP_ENV);
    NEXT();
op_COPY_ENV: {
    SYNC();
    Env *old = value_to_cell(f->env);
    tmp = new_env(ts, old->parent, old->count, old->names, old->flags);
    CHECK(tmp);
    // Word by word: a closure running on another thread may be assigning these slots, and a
    // bulk copy could tear a Value.
    Env *copy = value_to_cell(tmp);
    for (uint32_t i = 0; i < old->count; i++) copy->slots[i] = load_relaxed(&old->slots[i]);
    f->env = tmp;
    ADVANCE(OP_COPY_ENV);
    NEXT();
}
op_GET_ENV: R(A) = env_at(f->env, B)->slots[C_]; ADVANCE(OP_GET_ENV); NEXT();
op_GET_ENV_CHECKED:
    tmp = env_at(f->env, B)->slots[C_];
    if (tmp == JS_HOLE) { SYNC(); tdz_error(ts, KV(D)); goto exception; }
    R(A) = tmp;
    ADVANCE(OP_GET_ENV_CHECKED);
    NEXT();
op_PUT_ENV: env_at(f->env, A)->slots[B] = R(C_); ADVANCE(OP_PUT_ENV); NEXT();
op_PUT_ENV_CHECKED: {
    Env *env = env_at(f->env, A);
    if (env->slots[B] == JS_HOLE) { SYNC(); tdz_error(ts, KV(D)); goto exception; }
    env->slots[B] = R(C_);
    ADVANCE(OP_PUT_ENV_CHECKED);
    NEXT();
}
op_SAVE_ENV: R(A) = f->env; ADVANCE(OP_SAVE_ENV); NEXT();
op_RESTORE_ENV: f->env = R(A); ADVANCE(OP_RESTORE_ENV); NEXT();

op_GET_GLOBAL:
    SYNC();
    tmp = global_get(ts, KV(B), &code->caches[C_], false);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_GET_GLOBAL), tmp, 0);
    ADVANCE(OP_GET_GLOBAL);
    NEXT();
op_TYPEOF_GLOBAL:
    SYNC();
    tmp = global_get(ts, KV(B), NULL, true);
    CHECK(tmp);
    R(A) = ops_typeof(ts, tmp);
    ADVANCE(OP_TYPEOF_GLOBAL);
    NEXT();
op_PUT_GLOBAL:
    SYNC();
    if (!global_put(ts, KV(A), R(B), &code->caches[C_], D != 0)) goto exception;
    ADVANCE(OP_PUT_GLOBAL);
    NEXT();
op_DECLARE_GLOBALS: {
    SYNC();
    Value atoms[4] = {KV(A), KV(B), KV(C_), KV(D)};
    if (!is_atom_list(ts, atoms, 4)) goto exception;
    Values *lists[4] = {value_to_cell(atoms[0]), value_to_cell(atoms[1]), value_to_cell(atoms[2]), value_to_cell(atoms[3])};
    if (!declare_globals(ts, lists)) goto exception;
    ADVANCE(OP_DECLARE_GLOBALS);
    NEXT();
}
op_CHECK_GLOBAL_DECLARATIONS: {
    SYNC();
    // Eval code declares no global lexicals: its let/const/class live in an Env of its own.
    static Values no_names;
    Value atoms[2] = {KV(A), KV(B)};
    if (!is_atom_list(ts, atoms, 2)) goto exception;
    Values *lists[4] = {&no_names, &no_names, value_to_cell(atoms[0]), value_to_cell(atoms[1])};
    if (eval_var_scope_is_global(f->env) && !check_global_declarations(ts, lists)) goto exception;
    ADVANCE(OP_CHECK_GLOBAL_DECLARATIONS);
    NEXT();
}
op_DECLARE_GLOBAL_VAR:
    SYNC();
    if (global_lexical_conflicts(ts, KV(A))) goto exception;
    if (!create_global_var(ts, KV(A), PROP_WRITABLE | PROP_ENUMERABLE | ((code->flags & CODE_EVAL) ? PROP_CONFIGURABLE : 0)))
        goto exception;
    ADVANCE(OP_DECLARE_GLOBAL_VAR);
    NEXT();
op_DECLARE_GLOBAL_FUNCTION:
    SYNC();
    if (global_lexical_conflicts(ts, KV(A))) goto exception;
    if (!create_global_function(ts, KV(A), R(B),
                                PROP_WRITABLE | PROP_ENUMERABLE | ((code->flags & CODE_EVAL) ? PROP_CONFIGURABLE : 0)))
        goto exception;
    ADVANCE(OP_DECLARE_GLOBAL_FUNCTION);
    NEXT();
op_INIT_GLOBAL_LEXICAL: {
    SYNC();
    Realm *realm = &ts->rt->realm;
    PropertyDescriptor desc = {R(B), JS_UNDEFINED, JS_UNDEFINED, 0, DESC_HAS_VALUE};
    if (object_define_own_property(ts, realm->global_lexicals, KV(A), &desc, true) < 0) goto exception;
    ADVANCE(OP_INIT_GLOBAL_LEXICAL);
    NEXT();
}
op_GET_NAME:
    SYNC();
    tmp = name_get(ts, f->env, KV(B), false);
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_GET_NAME);
    NEXT();
op_TYPEOF_NAME:
    SYNC();
    tmp = name_get(ts, f->env, KV(B), true);
    CHECK(tmp);
    R(A) = ops_typeof(ts, tmp);
    ADVANCE(OP_TYPEOF_NAME);
    NEXT();
op_PUT_NAME:
    SYNC();
    if (!name_put(ts, f->env, KV(A), R(B), C_ != 0)) goto exception;
    ADVANCE(OP_PUT_NAME);
    NEXT();
op_RESOLVE_NAME:
    SYNC();
    tmp = reference_base(ts, f->env, KV(B));
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_RESOLVE_NAME);
    NEXT();
op_GET_NAME_REF:
    SYNC();
    tmp = reference_get(ts, R(B), KV(C_));
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_GET_NAME_REF);
    NEXT();
op_PUT_NAME_REF:
    SYNC();
    if (!reference_put(ts, R(A), KV(B), R(C_), D != 0)) goto exception;
    ADVANCE(OP_PUT_NAME_REF);
    NEXT();
op_DELETE_NAME: {
    SYNC();
    NameRef ref = resolve_name(ts, f->env, KV(B));
    if (ref.kind == NAME_ERROR) goto exception;
    if (ref.kind == NAME_OBJECT || ref.kind == NAME_GLOBAL) {
        int r = object_delete(ts, ref.object, KV(B), false);
        if (r < 0) goto exception;
        R(A) = value_from_bool(r > 0);
    } else {
        R(A) = value_from_bool(ref.kind == NAME_NOT_FOUND);
    }
    ADVANCE(OP_DELETE_NAME);
    NEXT();
}
op_GET_NAME_THIS: {
    SYNC();
    NameRef ref = resolve_name(ts, f->env, KV(C_));
    if (ref.kind == NAME_ERROR) goto exception;
    Value this_value = ref.kind == NAME_OBJECT && ref.object != JS_UNDEFINED &&
                       value_cell_type(ref.object) != CELL_OBJECT ? ref.object : JS_UNDEFINED;
    if (ref.kind == NAME_OBJECT) {
        // Only a with-object supplies `this`; eval var holders are null-prototype CELL_OBJECTs.
        Env *e = NULL;
        for (Value ev = f->env; value_is_cell(ev); ev = ((Env *)value_to_cell(ev))->parent) {
            e = value_to_cell(ev);
            if ((e->flags & ENV_WITH) && e->slots[0] == ref.object) { this_value = ref.object; break; }
        }
    }
    tmp = name_get(ts, f->env, KV(C_), false);
    CHECK(tmp);
    R(A) = tmp;
    R(B) = this_value;
    ADVANCE(OP_GET_NAME_THIS);
    NEXT();
}
op_DECLARE_EVAL_VAR: {
    SYNC();
    if (eval_var_conflicts(ts, f->env, KV(A))) goto exception;
    Value *slot;
    Value holder = eval_var_scope(ts, f->env, KV(A), &slot);
    CHECK(holder);
    if (slot) { ADVANCE(OP_DECLARE_EVAL_VAR); NEXT(); }
    int has = object_has_own_property(ts, holder, KV(A));
    if (has < 0) goto exception;
    if (!has && object_define_value(ts, holder, KV(A), JS_UNDEFINED, PROP_DEFAULT) < 0) goto exception;
    ADVANCE(OP_DECLARE_EVAL_VAR);
    NEXT();
}
op_DECLARE_EVAL_FUNCTION: {
    SYNC();
    if (eval_var_conflicts(ts, f->env, KV(A))) goto exception;
    Value *slot;
    Value holder = eval_var_scope(ts, f->env, KV(A), &slot);
    CHECK(holder);
    if (slot) *slot = R(B);
    else if (object_define_value(ts, holder, KV(A), R(B), PROP_DEFAULT) < 0) goto exception;
    ADVANCE(OP_DECLARE_EVAL_FUNCTION);
    NEXT();
}
op_PUSH_WITH: {
    SYNC();
    Value obj = ops_to_object(ts, R(A));
    CHECK(obj);
    tmp = new_env(ts, f->env, 1, JS_UNDEFINED, ENV_WITH);
    CHECK(tmp);
    ((Env *)value_to_cell(tmp))->slots[0] = obj;
    f->env = tmp;
    ADVANCE(OP_PUSH_WITH);
    NEXT();
}

op_GET_PROP:
    SYNC();
    tmp = get_prop(ts, R(B), KV(C_), &code->caches[D]);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_GET_PROP), tmp, 0);
    ADVANCE(OP_GET_PROP);
    NEXT();
op_PUT_PROP:
    SYNC();
    if (!put_prop(ts, R(A), KV(B), R(C_), &code->caches[D], STRICT)) goto exception;
    ADVANCE(OP_PUT_PROP);
    NEXT();
op_GET_ELEM:
    SYNC();
    tmp = get_elem(ts, R(B), R(C_));
    CHECK(tmp);
    profile_value(PROFILE_SLOT(OP_GET_ELEM), tmp, PROFILE_LANES(0, profile_kind(R(B)), profile_kind(R(C_))));
    R(A) = tmp;
    ADVANCE(OP_GET_ELEM);
    NEXT();
op_PUT_ELEM:
    SYNC();
    if (!put_elem(ts, R(A), R(B), R(C_), STRICT)) goto exception;
    ADVANCE(OP_PUT_ELEM);
    NEXT();
op_DELETE_PROP: op_DELETE_ELEM: {
    SYNC();
    Value key = *insn == OP_DELETE_PROP ? KV(C_) : property_key_from_value(ts, R(C_));
    CHECK(key);
    Value obj = ops_to_object(ts, R(B));
    CHECK(obj);
    int r = object_delete(ts, obj, key, STRICT);
    if (r < 0) goto exception;
    R(A) = value_from_bool(r > 0);
    ADVANCE(OP_DELETE_PROP);
    NEXT();
}
op_IN: {
    SYNC();
    if (!value_is_object(R(C_))) {
        error_throw_type(ts, "Cannot use 'in' operator to search for '%V' in %V", R(B), R(C_));
        goto exception;
    }
    Value key = property_key_from_value(ts, R(B));
    CHECK(key);
    int r = object_has_property(ts, R(C_), key);
    if (r < 0) goto exception;
    R(A) = value_from_bool(r > 0);
    ADVANCE(OP_IN);
    NEXT();
}
op_DEFINE_FIELD: {
    SYNC();
    Value key = property_key_from_value(ts, R(B));
    CHECK(key);
    if (object_create_data_property_or_throw(ts, R(A), key, R(C_)) < 0) goto exception;
    ADVANCE(OP_DEFINE_FIELD);
    NEXT();
}
op_DEFINE_FIELD_NAME:
    SYNC();
    if (!define_field_name(ts, R(A), KV(B), R(C_), &code->caches[D])) goto exception;
    ADVANCE(OP_DEFINE_FIELD_NAME);
    NEXT();
op_DEFINE_METHOD: {
    SYNC();
    Value key = property_key_from_value(ts, R(B));
    CHECK(key);
    if (define_method(ts, R(A), key, R(C_), (int)D) < 0) goto exception;
    ADVANCE(OP_DEFINE_METHOD);
    NEXT();
}
op_SET_PROTO:
    SYNC();
    if (value_is_object(R(B)) || R(B) == JS_NULL)
        if (object_set_prototype_of(ts, R(A), R(B), true) < 0) goto exception;
    ADVANCE(OP_SET_PROTO);
    NEXT();
op_COPY_DATA_PROPERTIES:
    SYNC();
    if (copy_data_properties(ts, R(A), R(B), R(C_)) < 0) goto exception;
    ADVANCE(OP_COPY_DATA_PROPERTIES);
    NEXT();
op_GET_SUPER: op_PUT_SUPER: {
    SYNC();
    Value callee = f->callee;
    Value home = value_cell_type(callee) == CELL_FUNCTION ? ((Function *)value_to_cell(callee))->home_object : JS_UNDEFINED;
    if (!value_is_object(home)) { error_throw_syntax(ts, "'super' keyword unexpected here"); goto exception; }
    Value this_value = *insn == OP_GET_SUPER ? R(C_) : R(C_);
    if (this_value == JS_HOLE) {
        error_throw_reference(ts, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
        goto exception;
    }
    Value proto = object_get_prototype_of(ts, home);
    CHECK(proto);
    if (*insn == OP_GET_SUPER) {
        Value key = property_key_from_value(ts, R(B));
        CHECK(key);
        if (value_is_nullish(proto)) { error_throw_type(ts, "Cannot read properties of %V (reading '%K')", proto, key); goto exception; }
        tmp = object_get_with_receiver(ts, proto, key, this_value);
        CHECK(tmp);
        R(A) = tmp;
    } else {
        Value key = property_key_from_value(ts, R(A));
        CHECK(key);
        if (value_is_nullish(proto)) { error_throw_type(ts, "Cannot set properties of %V (setting '%K')", proto, key); goto exception; }
        if (object_set(ts, proto, key, R(B), this_value, true) < 0) goto exception;
    }
    ADVANCE(OP_GET_SUPER);
    NEXT();
}
op_TO_PROPERTY_KEY: {
    SYNC();
    Value key = property_key_from_value(ts, R(B));
    CHECK(key);
    // Keep the key as a JS value (strings for indexes are fine to re-convert later).
    R(A) = property_key_is_index(key) ? key : key;
    ADVANCE(OP_TO_PROPERTY_KEY);
    NEXT();
}

op_NEW_OBJECT:
    SYNC();
    tmp = object_new_plain_sized(ts, B);
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_NEW_OBJECT);
    NEXT();
op_NEW_ARRAY:
    SYNC();
    tmp = array_new(ts, B);
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_NEW_ARRAY);
    NEXT();
op_ARRAY_PUSH:
    SYNC();
    if (array_append_fresh(ts, R(A), R(B)) < 0) goto exception;
    ADVANCE(OP_ARRAY_PUSH);
    NEXT();
op_ARRAY_PUSH_HOLE: {
    SYNC();
    Array *array = value_to_cell(R(A));
    if (array->length == 0xFFFFFFFFu) { error_throw_range(ts, "Invalid array length"); goto exception; }
    PropertyDescriptor desc = {value_from_number((double)array->length + 1), JS_UNDEFINED, JS_UNDEFINED, 0, DESC_HAS_VALUE};
    if (object_define_own_property(ts, R(A), ATOM(ts, length), &desc, true) < 0) goto exception;
    ADVANCE(OP_ARRAY_PUSH_HOLE);
    NEXT();
}
op_ARRAY_SPREAD:
    SYNC();
    if (!array_spread(ts, R(A), R(B))) goto exception;
    ADVANCE(OP_ARRAY_SPREAD);
    NEXT();
op_CLOSURE: {
    SYNC();
    Code *target = value_to_cell(KV(B));
    Value home = JS_UNDEFINED;
    // Arrow functions see the home object (super) of the function they are written in.
    if ((target->flags & CODE_ARROW) && value_cell_type(f->callee) == CELL_FUNCTION)
        home = ((Function *)value_to_cell(f->callee))->home_object;
    tmp = function_new_closure(ts, KV(B), f->env, home);
    CHECK(tmp);
    if ((target->flags & (CODE_ASYNC | CODE_GENERATOR)) == (CODE_ASYNC | CODE_GENERATOR) &&
        !function_setup_async_generator(ts, tmp))
        goto exception;
    // An arrow whose `this` is not a captured binding (script or eval level) keeps the creator's.
    if (target->flags & CODE_ARROW) ((Function *)value_to_cell(tmp))->fields = f->this_value;
    R(A) = tmp;
    ADVANCE(OP_CLOSURE);
    NEXT();
}
op_METHOD:
    SYNC();
    tmp = function_new_closure(ts, KV(B), f->env, R(C_));
    CHECK(tmp);
    if ((((Code *)value_to_cell(KV(B)))->flags & (CODE_ASYNC | CODE_GENERATOR)) == (CODE_ASYNC | CODE_GENERATOR) &&
        !function_setup_async_generator(ts, tmp))
        goto exception;
    R(A) = tmp;
    ADVANCE(OP_METHOD);
    NEXT();
op_CLASS: {
    SYNC();
    Value proto = JS_UNDEFINED;
    tmp = make_class(ts, KV(C_), f->env, R(D), &proto);
    CHECK(tmp);
    R(A) = tmp;
    R(B) = proto;
    ADVANCE(OP_CLASS);
    NEXT();
}
op_SET_CLASS_FIELDS:
    ((Function *)value_to_cell(R(A)))->fields = R(B);
    ADVANCE(OP_SET_CLASS_FIELDS);
    NEXT();
op_INIT_FIELDS: {
    SYNC();
    Value callee = f->callee;
    if (value_cell_type(callee) == CELL_FUNCTION) {
        Value fields = ((Function *)value_to_cell(callee))->fields;
        if (value_is_object(fields)) {
            tmp = interp_call(ts, fields, f->this_value, NULL, 0);
            CHECK(tmp);
        }
    }
    ADVANCE(OP_INIT_FIELDS);
    NEXT();
}
op_TEMPLATE_OBJECT:
    SYNC();
    tmp = template_object(ts, KV(B), &code->caches[C_]);
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_TEMPLATE_OBJECT);
    NEXT();
op_CREATE_ARGUMENTS:
    SYNC();
    tmp = create_arguments(ts, f, B != 0);
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_CREATE_ARGUMENTS);
    NEXT();
op_CREATE_REST:
    SYNC();
    tmp = create_rest(ts, f, B);
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_CREATE_REST);
    NEXT();
op_REGEXP:
    SYNC();
    tmp = regexp_create(ts, KV(B), KV(C_));   // compiled once per (pattern, flags): builtins/regexp.c
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_REGEXP);
    NEXT();

    // Arithmetic: int32 fast paths, doubles next, everything else in ops.c.
op_ADD: {
    Value x = R(B), y = R(C_);
    if (value_is_int(x) && value_is_int(y)) {
        int32_t r;
        if (!__builtin_add_overflow(value_to_int(x), value_to_int(y), &r)) {
            R(A) = value_from_int(r);
            profile_note(PROFILE_SLOT(OP_ADD), PROFILE_LANES(PROFILE_INT, PROFILE_INT, PROFILE_INT));
            ADVANCE(OP_ADD);
            NEXT();
        }
    }
    if (value_is_number(x) && value_is_number(y)) {
        R(A) = value_from_number(value_to_number(x) + value_to_number(y));
        profile_note(PROFILE_SLOT(OP_ADD), PROFILE_LANES(profile_number_kind(R(A)), profile_number_kind(x), profile_number_kind(y)));
        ADVANCE(OP_ADD);
        NEXT();
    }
    SYNC();
    tmp = ops_add(ts, x, y);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_ADD), tmp, PROFILE_LANES(0, profile_kind(x), profile_kind(y)));
    ADVANCE(OP_ADD);
    NEXT();
}
op_SUB: {
    Value x = R(B), y = R(C_);
    if (value_is_int(x) && value_is_int(y)) {
        int32_t r;
        if (!__builtin_sub_overflow(value_to_int(x), value_to_int(y), &r)) {
            R(A) = value_from_int(r);
            profile_note(PROFILE_SLOT(OP_SUB), PROFILE_LANES(PROFILE_INT, PROFILE_INT, PROFILE_INT));
            ADVANCE(OP_SUB);
            NEXT();
        }
    }
    if (value_is_number(x) && value_is_number(y)) {
        R(A) = value_from_number(value_to_number(x) - value_to_number(y));
        profile_note(PROFILE_SLOT(OP_SUB), PROFILE_LANES(profile_number_kind(R(A)), profile_number_kind(x), profile_number_kind(y)));
        ADVANCE(OP_SUB);
        NEXT();
    }
    SYNC();
    tmp = ops_arithmetic(ts, ARITH_SUB, x, y);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_SUB), tmp, PROFILE_LANES(0, profile_kind(x), profile_kind(y)));
    ADVANCE(OP_SUB);
    NEXT();
}
op_MUL: {
    Value x = R(B), y = R(C_);
    if (value_is_int(x) && value_is_int(y)) {
        int32_t r;
        if (!__builtin_mul_overflow(value_to_int(x), value_to_int(y), &r) && r != 0) {
            R(A) = value_from_int(r);
            profile_note(PROFILE_SLOT(OP_MUL), PROFILE_LANES(PROFILE_INT, PROFILE_INT, PROFILE_INT));
            ADVANCE(OP_MUL);
            NEXT();
        }
    }
    if (value_is_number(x) && value_is_number(y)) {
        R(A) = value_from_number(value_to_number(x) * value_to_number(y));
        profile_note(PROFILE_SLOT(OP_MUL), PROFILE_LANES(profile_number_kind(R(A)), profile_number_kind(x), profile_number_kind(y)));
        ADVANCE(OP_MUL);
        NEXT();
    }
    SYNC();
    tmp = ops_arithmetic(ts, ARITH_MUL, x, y);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_MUL), tmp, PROFILE_LANES(0, profile_kind(x), profile_kind(y)));
    ADVANCE(OP_MUL);
    NEXT();
}
op_DIV: {
    Value x = R(B), y = R(C_);
    if (value_is_number(x) && value_is_number(y)) {
        R(A) = value_from_number(value_to_number(x) / value_to_number(y));
        profile_note(PROFILE_SLOT(OP_DIV), PROFILE_LANES(profile_number_kind(R(A)), profile_number_kind(x), profile_number_kind(y)));
        ADVANCE(OP_DIV);
        NEXT();
    }
    SYNC();
    tmp = ops_arithmetic(ts, ARITH_DIV, x, y);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_DIV), tmp, PROFILE_LANES(0, profile_kind(x), profile_kind(y)));
    ADVANCE(OP_DIV);
    NEXT();
}
op_MOD: {
    Value x = R(B), y = R(C_);
    if (value_is_int(x) && value_is_int(y) && value_to_int(x) >= 0 && value_to_int(y) > 0) {
        R(A) = value_from_int(value_to_int(x) % value_to_int(y));
        profile_note(PROFILE_SLOT(OP_MOD), PROFILE_LANES(PROFILE_INT, PROFILE_INT, PROFILE_INT));
        ADVANCE(OP_MOD);
        NEXT();
    }
    SYNC();
    tmp = ops_arithmetic(ts, ARITH_MOD, x, y);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_MOD), tmp, PROFILE_LANES(0, profile_kind(x), profile_kind(y)));
    ADVANCE(OP_MOD);
    NEXT();
}
#define GENERIC_ARITH(name, arith)                                                  \
    op_##name:                                                                      \
    SYNC();                                                                         \
    tmp = ops_arithmetic(ts, arith, R(B), R(C_));                                   \
    CHECK(tmp);                                                                     \
    profile_value(PROFILE_SLOT(OP_##name), tmp,                                     \
                  PROFILE_LANES(0, profile_kind(R(B)), profile_kind(R(C_))));       \
    R(A) = tmp;                                                                     \
    ADVANCE(OP_##name);                                                             \
    NEXT();
    GENERIC_ARITH(EXP, ARITH_EXP)
    GENERIC_ARITH(SHR, ARITH_SHR)
#define BITWISE(name, arith, expr)                                                  \
    op_##name: {                                                                    \
        Value x = R(B), y = R(C_);                                                  \
        if (value_is_int(x) && value_is_int(y)) {                                   \
            int32_t a = value_to_int(x), b = value_to_int(y);                       \
            R(A) = value_from_int(expr);                                            \
            profile_note(PROFILE_SLOT(OP_##name),                                   \
                         PROFILE_LANES(PROFILE_INT, PROFILE_INT, PROFILE_INT));     \
            ADVANCE(OP_##name);                                                     \
            NEXT();                                                                 \
        }                                                                           \
        SYNC();                                                                     \
        tmp = ops_arithmetic(ts, arith, x, y);                                      \
        CHECK(tmp);                                                                 \
        profile_value(PROFILE_SLOT(OP_##name), tmp,                                 \
                      PROFILE_LANES(0, profile_kind(x), profile_kind(y)));          \
        R(A) = tmp;                                                                 \
        ADVANCE(OP_##name);                                                         \
        NEXT();                                                                     \
    }
    BITWISE(BIT_AND, ARITH_BIT_AND, a & b)
    BITWISE(BIT_OR, ARITH_BIT_OR, a | b)
    BITWISE(BIT_XOR, ARITH_BIT_XOR, a ^ b)
    BITWISE(SHL, ARITH_SHL, (int32_t)((uint32_t)a << (b & 31)))
    BITWISE(SAR, ARITH_SAR, a >> (b & 31))

op_EQ: op_NE: {
    Value x = R(B), y = R(C_);
    int r;
    if (value_is_int(x) && value_is_int(y)) r = x == y;
    else {
        SYNC();
        r = ops_loose_equals(ts, x, y);
        if (r < 0) goto exception;
    }
    R(A) = value_from_bool(*insn == OP_EQ ? r : !r);
    ADVANCE(OP_EQ);
    NEXT();
}
op_STRICT_EQ: R(A) = value_from_bool(ops_strict_equals(R(B), R(C_))); ADVANCE(OP_STRICT_EQ); NEXT();
op_STRICT_NE: R(A) = value_from_bool(!ops_strict_equals(R(B), R(C_))); ADVANCE(OP_STRICT_NE); NEXT();
op_LT: op_LE: op_GT: op_GE: {
    Value x = R(B), y = R(C_);
    uint32_t op = *insn;
    if (value_is_int(x) && value_is_int(y)) {
        int32_t a = value_to_int(x), b = value_to_int(y);
        bool r = op == OP_LT ? a < b : op == OP_LE ? a <= b : op == OP_GT ? a > b : a >= b;
        R(A) = value_from_bool(r);
        profile_note(PROFILE_SLOT(OP_LT), PROFILE_LANES(PROFILE_BOOLEAN, PROFILE_INT, PROFILE_INT));
        ADVANCE(OP_LT);
        NEXT();
    }
    if (value_is_number(x) && value_is_number(y)) {
        double a = value_to_number(x), b = value_to_number(y);
        bool r = op == OP_LT ? a < b : op == OP_LE ? a <= b : op == OP_GT ? a > b : a >= b;
        R(A) = value_from_bool(r);
        profile_note(PROFILE_SLOT(OP_LT), PROFILE_LANES(PROFILE_BOOLEAN, profile_number_kind(x), profile_number_kind(y)));
        ADVANCE(OP_LT);
        NEXT();
    }
    SYNC();
    int r;
    // a <= b is !(b < a) with undefined -> false; a > b is b < a (ES2020 12.10.3).
    if (op == OP_LT) r = ops_less_than(ts, x, y, true);
    else if (op == OP_GT) r = ops_less_than(ts, y, x, false);
    else if (op == OP_LE) { r = ops_less_than(ts, y, x, false); if (r >= 0) r = (r == 0) ? 1 : 0; }
    else { r = ops_less_than(ts, x, y, true); if (r >= 0) r = (r == 0) ? 1 : 0; }
    if (r < 0) goto exception;
    R(A) = value_from_bool(r == 1);
    profile_note(PROFILE_SLOT(OP_LT), PROFILE_LANES(PROFILE_BOOLEAN, profile_kind(x), profile_kind(y)));
    ADVANCE(OP_LT);
    NEXT();
}
op_INSTANCEOF: {
    SYNC();
    int r = ops_instance_of(ts, R(B), R(C_));
    if (r < 0) goto exception;
    R(A) = value_from_bool(r > 0);
    ADVANCE(OP_INSTANCEOF);
    NEXT();
}
op_NEG: {
    Value x = R(B);
    if (value_is_int(x) && value_to_int(x) != 0 && value_to_int(x) != INT32_MIN) {
        R(A) = value_from_int(-value_to_int(x));
    } else {
        SYNC();
        tmp = ops_to_numeric(ts, x);
        CHECK(tmp);
        tmp = value_is_bigint(tmp) ? bigint_negate(ts, tmp) : value_from_number(-value_to_number(tmp));
        CHECK(tmp);
        R(A) = tmp;
    }
    ADVANCE(OP_NEG);
    NEXT();
}
op_TO_NUMBER: op_TO_NUMERIC: {
    Value x = R(B);
    if (!value_is_number(x)) {
        SYNC();
        if (*insn == OP_TO_NUMERIC) {
            x = ops_to_numeric(ts, x);   // ++/-- keep BigInts
            CHECK(x);
        } else {
            double d;
            if (!ops_to_number(ts, x, &d)) goto exception;
            x = value_from_number(d);
        }
    }
    R(A) = x;
    ADVANCE(OP_TO_NUMBER);
    NEXT();
}
op_TO_STRING:
    if (value_is_string(R(B))) R(A) = R(B);
    else {
        SYNC();
        tmp = ops_to_string(ts, R(B));
        CHECK(tmp);
        R(A) = tmp;
    }
    ADVANCE(OP_TO_STRING);
    NEXT();
op_NOT: R(A) = value_from_bool(!ops_to_boolean(R(B))); ADVANCE(OP_NOT); NEXT();
op_BIT_NOT: {
    int32_t i;
    if (value_is_int(R(B))) i = value_to_int(R(B));
    else {
        SYNC();
        tmp = ops_to_numeric(ts, R(B));
        CHECK(tmp);
        if (value_is_bigint(tmp)) {
            tmp = bigint_bitwise_not(ts, tmp);
            CHECK(tmp);
            R(A) = tmp;
            ADVANCE(OP_BIT_NOT);
            NEXT();
        }
        i = ops_double_to_int32(value_to_number(tmp));
    }
    R(A) = value_from_int(~i);
    ADVANCE(OP_BIT_NOT);
    NEXT();
}
op_TYPEOF: R(A) = ops_typeof(ts, R(B)); ADVANCE(OP_TYPEOF); NEXT();
op_INC: op_DEC: {
    Value x = R(B);
    int32_t delta = *insn == OP_INC ? 1 : -1;
    int32_t r;
    if (value_is_int(x) && !__builtin_add_overflow(value_to_int(x), delta, &r)) {
        R(A) = value_from_int(r);
        profile_note(PROFILE_SLOT(OP_INC), PROFILE_LANES(PROFILE_INT, PROFILE_INT, 0));
    } else if (!value_is_number(x)) {
        SYNC();
        tmp = bigint_add_small(ts, x, delta);   // TO_NUMERIC left a BigInt
        CHECK(tmp);
        R(A) = tmp;
    } else {
        R(A) = value_from_number(value_to_number(x) + delta);
        profile_note(PROFILE_SLOT(OP_INC), PROFILE_LANES(profile_number_kind(R(A)), profile_number_kind(x), 0));
    }
    ADVANCE(OP_INC);
    NEXT();
}

op_JMP: pc = code->words + A; NEXT();
op_LOOP:
    pc = code->words + A;
    safepoint_poll(ts);
    if (safepoint_interrupted(ts)) {   // the embedder's interrupt or time limit
        SYNC();
        safepoint_throw_interrupt(ts);
        goto exception;
    }
    NEXT();
op_JMP_TRUE:
    if (ops_to_boolean(R(A))) pc = code->words + B; else ADVANCE(OP_JMP_TRUE);
    NEXT();
op_JMP_FALSE:
    if (!ops_to_boolean(R(A))) pc = code->words + B; else ADVANCE(OP_JMP_FALSE);
    NEXT();
op_JMP_NULLISH:
    if (value_is_nullish(R(A))) pc = code->words + B; else ADVANCE(OP_JMP_NULLISH);
    NEXT();
op_JMP_NOT_NULLISH:
    if (!value_is_nullish(R(A))) pc = code->words + B; else ADVANCE(OP_JMP_NOT_NULLISH);
    NEXT();
op_JMP_UNDEFINED:
    if (R(A) == JS_UNDEFINED) pc = code->words + B; else ADVANCE(OP_JMP_UNDEFINED);
    NEXT();
op_JMP_STRICT_EQ:
    if (ops_strict_equals(R(A), R(B))) pc = code->words + C_; else ADVANCE(OP_JMP_STRICT_EQ);
    NEXT();

    // Calls. Bytecode callees get a frame in this loop; everything else goes through interp_call.
op_CALL: op_CALL_EVAL: {
    Value fn = R(B);
    SYNC();
    if (value_cell_type(fn) == CELL_FUNCTION) {
        // %eval% is native, so a bytecode callee is never a direct eval.
        Function *callee = value_to_cell(fn);
        InlineCache *site = &code->caches[pc[6]];
        if (call_cache_hit(site, callee->code) || call_cache_miss(site, callee)) {
            uint32_t result_register = A;
            const uint32_t *resume = pc + opcode_length[OP_CALL];
            ts->sp = regs + code->register_count;
            Frame *nf = push_frame_inline(ts, callee, R(C_), &R(D), (int)E, JS_UNDEFINED, 0, true);
            if (!nf) goto exception;
            nf->return_pc = value_from_int((int32_t)(resume - code->words));
            nf->return_register = value_from_int((int32_t)result_register);
            LOAD_FRAME();
            safepoint_poll(ts);
            if (safepoint_interrupted(ts)) {   // thrown in the callee, at its first instruction
                insn = pc;
                SYNC();
                safepoint_throw_interrupt(ts);
                goto exception;
            }
            NEXT();
        }
    }
    if (*insn == OP_CALL_EVAL && fn == realm_intrinsic(ts, INTRINSIC_EVAL)) {
        tmp = E > 0 ? direct_eval(ts, f, R(D)) : JS_UNDEFINED;
    } else {
        tmp = interp_call(ts, fn, R(C_), &R(D), (int)E);
    }
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_CALL), tmp, 0);
    ADVANCE(OP_CALL);
    NEXT();
}
op_CALL_SPREAD: {
    SYNC();
    Values *spread = spread_arguments(ts, R(D));
    if (!spread) goto exception;
    tmp = interp_call(ts, R(B), R(C_), spread->items, (int)spread->count);
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_CALL_SPREAD);
    NEXT();
}
op_NEW: {
    SYNC();
    Value fn = R(B);
    if (value_cell_type(fn) == CELL_FUNCTION) {
        Function *callee = value_to_cell(fn);
        Code *target = value_to_cell(callee->code);
        if (target->flags & (CODE_CONSTRUCTOR | CODE_CLASS_CONSTRUCTOR)) {
            Value this_value = JS_HOLE;
            if (!(target->flags & CODE_DERIVED)) {
                this_value = construct_this_cached(ts, fn, &code->caches[E]);
                CHECK(this_value);
            }
            ts->sp = regs + code->register_count;
            Frame *nf = push_frame_inline(ts, callee, this_value, &R(C_), (int)D, fn, FRAME_CONSTRUCT, true);
            if (!nf) goto exception;
            nf->return_pc = value_from_int((int32_t)(pc + opcode_length[OP_NEW] - code->words));
            nf->return_register = value_from_int((int32_t)A);
            LOAD_FRAME();
            safepoint_poll(ts);  // function entry is a safepoint [SP-6]
            if (safepoint_interrupted(ts)) {
                insn = pc;
                SYNC();
                safepoint_throw_interrupt(ts);
                goto exception;
            }
            NEXT();
        }
    }
    if (!ops_is_constructor(fn)) { error_throw_type(ts, "%V is not a constructor", fn); goto exception; }
    tmp = interp_construct(ts, fn, &R(C_), (int)D, fn);
    CHECK(tmp);
    R(A) = tmp;
    profile_value(PROFILE_SLOT(OP_NEW), tmp, 0);
    ADVANCE(OP_NEW);
    NEXT();
}
op_NEW_SPREAD: {
    SYNC();
    if (!ops_is_constructor(R(B))) { error_throw_type(ts, "%V is not a constructor", R(B)); goto exception; }
    Values *spread = spread_arguments(ts, R(C_));
    if (!spread) goto exception;
    tmp = interp_construct(ts, R(B), spread->items, (int)spread->count, R(B));
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_NEW_SPREAD);
    NEXT();
}
op_SUPER_CALL: op_SUPER_CALL_SPREAD: {
    SYNC();
    Value parent = object_get_prototype_of(ts, f->callee);
    CHECK(parent);
    if (!ops_is_constructor(parent)) { error_throw_type(ts, "Super constructor %V of anonymous class is not a constructor", parent); goto exception; }
    if (*insn == OP_SUPER_CALL) {
        tmp = interp_construct(ts, parent, &R(B), (int)C_, f->new_target);
    } else {
        Values *spread = spread_arguments(ts, R(B));
        if (!spread) goto exception;
        tmp = interp_construct(ts, parent, spread->items, (int)spread->count, f->new_target);
    }
    CHECK(tmp);
    if (f->this_value != JS_HOLE) { error_throw_reference(ts, "Super constructor may only be called once"); goto exception; }
    f->this_value = tmp;
    R(A) = tmp;
    pc += opcode_length[*insn];
    NEXT();
}
op_SUPER_CONSTRUCT: op_SUPER_CONSTRUCT_SPREAD: {
    // The constructor and new.target come from the constructor's Env (INT-3): the running
    // frame may be an arrow or eval code, or the constructor itself, whose Env holds its this.
    SYNC();
    Value parent = object_get_prototype_of(ts, R(B));
    CHECK(parent);
    if (!ops_is_constructor(parent)) { error_throw_type(ts, "Super constructor %V of anonymous class is not a constructor", parent); goto exception; }
    if (*insn == OP_SUPER_CONSTRUCT) {
        tmp = interp_construct(ts, parent, &R(D), (int)E, R(C_));
    } else {
        Values *spread = spread_arguments(ts, R(D));
        if (!spread) goto exception;
        tmp = interp_construct(ts, parent, spread->items, (int)spread->count, R(C_));
    }
    CHECK(tmp);
    R(A) = tmp;
    pc += opcode_length[*insn];
    NEXT();
}
op_BIND_THIS: op_BIND_THIS_NAME: {
    // BindThisValue: one compare-and-swap from the hole, so of two racing super() calls (two
    // threads running arrows of one constructor) exactly one binds and the other throws.
    Value *slot = NULL;
    Value value = *insn == OP_BIND_THIS ? R(C_) : R(B);
    if (*insn == OP_BIND_THIS) {
        slot = &env_at(f->env, A)->slots[B];
    } else {
        SYNC();
        NameRef ref = resolve_name(ts, f->env, KV(A));
        if (ref.kind == NAME_ERROR) goto exception;
        if (ref.kind != NAME_SLOT) { error_throw_syntax(ts, "'super' keyword unexpected here"); goto exception; }
        slot = &ref.env->slots[ref.slot];
    }
    Value expected = JS_HOLE;
    if (!cas_acq_rel(slot, &expected, value)) {
        SYNC();
        error_throw_reference(ts, "Super constructor may only be called once");
        goto exception;
    }
    pc += opcode_length[*insn];
    NEXT();
}
op_INIT_FIELDS_OF: {
    SYNC();
    if (value_cell_type(R(A)) == CELL_FUNCTION) {
        Value fields = ((Function *)value_to_cell(R(A)))->fields;
        if (value_is_object(fields)) {
            tmp = interp_call(ts, fields, R(B), NULL, 0);
            CHECK(tmp);
        }
    }
    ADVANCE(OP_INIT_FIELDS_OF);
    NEXT();
}
op_SET_THIS: f->this_value = R(A); ADVANCE(OP_SET_THIS); NEXT();
op_PRIVATE_NEW:
    SYNC();
    tmp = weakmap_new(ts);   // one private name's, or one class's brand's, storage
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_PRIVATE_NEW);
    NEXT();
op_PRIVATE_GET:
    SYNC();
    tmp = private_lookup(ts, R(C_), R(B));
    CHECK(tmp);
    if (tmp == JS_HOLE) { private_missing(ts, R(B), KV(D), false); goto exception; }
    R(A) = tmp;
    ADVANCE(OP_PRIVATE_GET);
    NEXT();
op_PRIVATE_PUT:
    SYNC();
    tmp = private_lookup(ts, R(B), R(A));
    CHECK(tmp);
    if (tmp == JS_HOLE) { private_missing(ts, R(A), KV(D), true); goto exception; }
    if (!private_store(ts, R(B), R(A), R(C_))) goto exception;
    ADVANCE(OP_PRIVATE_PUT);
    NEXT();
op_PRIVATE_ADD:
    // PrivateFieldAdd / PrivateMethodOrAccessorAdd: the receiver is a constructor's `this`,
    // always an object (a base class may have returned any object, even a proxy).
    // One atomic add: of two threads stamping one object at once, exactly one succeeds [INT-18].
    SYNC();
    if (value_cell_type(R(B)) != CELL_WEAKMAP) {   // a static method's brand: the class itself
        error_throw_type(ts, "%V", KV(D));
        goto exception;
    }
    switch (weakmap_add(ts, R(B), R(A), R(C_))) {
    case -1: goto exception;
    case 1: error_throw_type(ts, "%V", KV(D)); goto exception;
    }
    ADVANCE(OP_PRIVATE_ADD);
    NEXT();
op_PRIVATE_IN:
    SYNC();
    if (!value_is_object(R(C_))) {
        error_throw_type(ts, "Cannot use 'in' operator to search for '%K' in %V", KV(D), R(C_));
        goto exception;
    }
    tmp = private_lookup(ts, R(B), R(C_));
    CHECK(tmp);
    R(A) = value_from_bool(tmp != JS_HOLE);
    ADVANCE(OP_PRIVATE_IN);
    NEXT();
op_PRIVATE_CHECK:
    SYNC();
    tmp = private_lookup(ts, R(B), R(A));
    CHECK(tmp);
    if (tmp == JS_HOLE) {
        if (value_is_nullish(R(A))) private_missing(ts, R(A), KV(D), false);
        else error_throw_type(ts, "%V", KV(C_));
        goto exception;
    }
    ADVANCE(OP_PRIVATE_CHECK);
    NEXT();

op_RET: tmp = R(A); goto do_return;
op_RET_UNDEFINED: tmp = JS_UNDEFINED; goto do_return;
do_return: {
    int32_t kind = value_to_int(f->kind);
    if (kind & FRAME_CONSTRUCT) {
        if (!value_is_object(tmp)) {
            if (!value_is_undefined(tmp) && (code->flags & CODE_DERIVED)) {
                SYNC();
                error_throw_type(ts, "Derived constructors may only return object or undefined");
                goto exception;
            }
            if (f->this_value == JS_HOLE) {
                SYNC();
                error_throw_reference(ts, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
                goto exception;
            }
            tmp = f->this_value;
        }
    }
    Frame *done = f;
    pop_frame(ts, done);
    if (kind & FRAME_ENTRY) return tmp;
    LOAD_FRAME();
    // The caller's pc was synced when it called: it is the CALL or NEW, whose last operand is
    // the profile slot of its result [BC-18]. Resume after it.
    insn = pc;
    if (opcode_profile_lanes[*insn]) profile_value(&code->profiles[insn[opcode_length[*insn] - 1]], tmp, 0);
    pc = code->words + value_to_int(done->return_pc);
    R(value_to_int(done->return_register)) = tmp;
    NEXT();
}
op_THROW:
    SYNC();
    error_throw(ts, R(A));
    goto exception;
op_THROW_REFERENCE:
    SYNC();
    error_throw_reference(ts, "%K is not defined", KV(A));
    goto exception;
op_THROW_TYPE:
    SYNC();
    error_throw_type(ts, "%V", KV(A));
    goto exception;
op_THROW_SYNTAX:
    SYNC();
    error_throw_syntax(ts, "%V", KV(A));
    goto exception;
op_REQUIRE_OBJECT_COERCIBLE:
    if (value_is_nullish(R(A))) {
        SYNC();
        error_throw_type(ts, "Cannot destructure '%V' as it is %s.", R(A), R(A) == JS_NULL ? "null" : "undefined");
        goto exception;
    }
    ADVANCE(OP_REQUIRE_OBJECT_COERCIBLE);
    NEXT();
op_REQUIRE_OBJECT:
    if (!value_is_object(R(A))) { SYNC(); error_throw_type(ts, "%V", KV(B)); goto exception; }
    ADVANCE(OP_REQUIRE_OBJECT);
    NEXT();

op_GET_ITERATOR: op_GET_ASYNC_ITERATOR: {
    SYNC();
    IteratorRecord it;
    bool async = *pc == OP_GET_ASYNC_ITERATOR;
    if (!(async ? async_iterator_get(ts, R(C_), &it) : ops_get_iterator(ts, R(C_), &it))) goto exception;
    R(A) = it.iterator;
    R(B) = it.next;
    ADVANCE(OP_GET_ITERATOR);
    NEXT();
}
op_ITER_NEXT: {
    SYNC();
    bool done = false;
    tmp = iterator_next_value(ts, R(B), R(C_), &done);
    CHECK(tmp);
    if (done) { pc = code->words + D; NEXT(); }
    R(A) = tmp;
    ADVANCE(OP_ITER_NEXT);
    NEXT();
}
op_ITER_CLOSE: {
    SYNC();
    IteratorRecord it = {R(A), JS_UNDEFINED, false};
    if (!ops_iterator_close(ts, &it, false)) goto exception;
    ADVANCE(OP_ITER_CLOSE);
    NEXT();
}
op_ITER_CLOSE_THROW: {
    SYNC();
    IteratorRecord it = {R(A), JS_UNDEFINED, false};
    if (R(B) == realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN)) {
        // A generator's return() is a return completion, not a throw: return()'s own error
        // or a non-object result wins over it (ES2020 7.4.6 steps 7-9).
        if (!ops_iterator_close(ts, &it, false)) goto exception;
    } else {
        // The original exception wins over anything return() throws (step 6).
        ops_iterator_close(ts, &it, true);
        error_take(ts);
    }
    ADVANCE(OP_ITER_CLOSE_THROW);
    NEXT();
}
op_FOR_IN_PREPARE:
    SYNC();
    tmp = for_in_prepare(ts, R(B));
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_FOR_IN_PREPARE);
    NEXT();
op_FOR_IN_NEXT:
    SYNC();
    tmp = for_in_next(ts, R(B));
    CHECK(tmp);
    if (tmp == JS_HOLE) { pc = code->words + C_; NEXT(); }
    R(A) = tmp;
    ADVANCE(OP_FOR_IN_NEXT);
    NEXT();

op_GENERATOR_START: {
    SYNC();
    uint32_t resume = (uint32_t)(pc + opcode_length[OP_GENERATOR_START] - code->words);
    tmp = generator_create(ts, f, resume);
    CHECK(tmp);
    if ((code->flags & CODE_ASYNC) && !(code->flags & CODE_GENERATOR)) { ADVANCE(OP_GENERATOR_START); NEXT(); }
    goto do_return;
}
op_YIELD: {
    SYNC();
    Generator *gen = value_to_cell(f->generator);
    gen->suspend_pc = (uint32_t)(insn - code->words);
    gen->resume_pc = (uint32_t)(pc + opcode_length[OP_YIELD] - code->words);
    gen->resume_register = A;
    Value yielded = R(B);
    if (value_is_exception(generator_snapshot(ts, f, gen))) goto exception;
    // generator_resume publishes the suspended state once it has read what it needs [INT-12].
    suspended_generator = gen;
    suspended_at_await = false;
    pop_frame(ts, f);
    return yielded;
}
op_YIELD_DELEGATE: {
    // r[a] = result of yield* over iterator r[b] (next method in r[b+1]); r[c] = value sent.
    SYNC();
    Generator *gen = value_to_cell(f->generator);
    Value iterator = R(B), received = R(C_);
    uint32_t mode = gen->resume_mode;
    gen->resume_mode = RESUME_NEXT;
    Value result;
    if (mode == RESUME_NEXT) {
        result = interp_call(ts, R(B + 1), iterator, &received, 1);
    } else {
        Value method = ops_get_method(ts, iterator, mode == RESUME_THROW ? ATOM(ts, throw) : ATOM(ts, return));
        CHECK(method);
        if (value_is_undefined(method)) {
            if (mode == RESUME_RETURN) {
                gen->return_value = received;
                error_throw(ts, realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN));
                goto exception;
            }
            IteratorRecord it = {iterator, JS_UNDEFINED, false};
            if (!ops_iterator_close(ts, &it, false)) goto exception;
            error_throw_type(ts, "The iterator does not provide a 'throw' method");
            goto exception;
        }
        result = interp_call(ts, method, iterator, &received, 1);
    }
    CHECK(result);
    if (!value_is_object(result)) { error_throw_type(ts, "Iterator result %V is not an object", result); goto exception; }
    Value done_value = object_get(ts, result, ATOM(ts, done));
    CHECK(done_value);
    if (ops_to_boolean(done_value)) {
        Value value = object_get(ts, result, ATOM(ts, value));
        CHECK(value);
        if (mode == RESUME_RETURN) {
            gen->return_value = value;
            error_throw(ts, realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN));
            goto exception;
        }
        R(A) = value;
        ADVANCE(OP_YIELD_DELEGATE);
        NEXT();
    }
    // Suspend, yielding the inner result object itself; resumption re-runs this instruction.
    gen->resume_pc = (uint32_t)(insn - code->words);
    gen->resume_register = C_;
    gen->delegating = 1;
    gen->yielded_raw = 1;
    if (value_is_exception(generator_snapshot(ts, f, gen))) goto exception;
    suspended_generator = gen;
    suspended_at_await = false;
    pop_frame(ts, f);
    return result;
}
op_AWAIT: {
    SYNC();
    Generator *gen = value_to_cell(f->generator);
    gen->suspend_pc = (uint32_t)(insn - code->words);
    gen->resume_pc = (uint32_t)(pc + opcode_length[OP_AWAIT] - code->words);
    gen->resume_register = A;
    if (value_is_exception(generator_snapshot(ts, f, gen))) goto exception;
    // The snapshot and state are published before the reaction exists: the thread that settles
    // the awaited promise may resume this frame at once [INT-12].
    store_release(&gen->state, GEN_SUSPENDED_YIELD);
    if (!async_await(ts, gen, R(B))) {
        // Nobody can resume it: it was never registered. Unwind as the running frame.
        store_release(&gen->state, GEN_RUNNING);
        goto exception;
    }
    // The first suspension returns the promise to the caller like a return would.
    tmp = gen->promise;
    Frame *done = f;
    int32_t kind = value_to_int(f->kind);
    pop_frame(ts, done);
    if (kind & FRAME_ENTRY) {
        suspended_generator = gen;   // tells generator_resume this frame suspended [INT-12]
        suspended_at_await = true;
        return tmp;
    }
    LOAD_FRAME();
    pc = code->words + value_to_int(done->return_pc);
    R(value_to_int(done->return_register)) = tmp;
    NEXT();
}
op_YIELD_RESUME: {
    SYNC();
    Generator *gen = value_to_cell(f->generator);
    gen->suspend_pc = (uint32_t)(insn - code->words);
    gen->resume_pc = (uint32_t)(pc + opcode_length[OP_YIELD_RESUME] - code->words);
    gen->resume_register = A;
    gen->mode_register = C_;
    gen->raw_resume = 1;
    Value yielded = R(B);
    if (value_is_exception(generator_snapshot(ts, f, gen))) goto exception;
    suspended_generator = gen;
    suspended_at_await = false;
    pop_frame(ts, f);
    return yielded;
}
op_GENERATOR_RETURN: {
    SYNC();
    // The private token reaches only finally-kind handlers and completes the generator [INT-6].
    ((Generator *)value_to_cell(f->generator))->return_value = R(A);
    error_throw(ts, realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN));
    goto exception;
}
op_ASYNC_DELEGATE: {
    SYNC();
    Value iterator = R(B), received = R(C_);
    int32_t mode = value_to_int(R(D));
    if (mode == RESUME_NEXT) {
        tmp = interp_call(ts, R(B + 1), iterator, &received, 1);
    } else {
        Value method = ops_get_method(ts, iterator, mode == RESUME_THROW ? ATOM(ts, throw) : ATOM(ts, return));
        CHECK(method);
        if (value_is_undefined(method)) { pc = code->words + E; NEXT(); }
        tmp = interp_call(ts, method, iterator, &received, 1);
    }
    CHECK(tmp);
    R(A) = tmp;
    ADVANCE(OP_ASYNC_DELEGATE);
    NEXT();
}
op_ASYNC_ITER_CLOSE: {
    SYNC();
    // Only a throw completion is lenient: its own exception wins over return()'s (7.4.7 step 6).
    Value completion = R(C_);
    bool lenient = completion != JS_HOLE && completion != realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN);
    Value method = ops_get_method(ts, R(B), ATOM(ts, return));
    if (!value_is_exception(method)) {
        if (value_is_undefined(method)) { pc = code->words + D; NEXT(); }
        tmp = interp_call(ts, method, R(B), NULL, 0);
        if (!value_is_exception(tmp)) {
            R(A) = tmp;
            ADVANCE(OP_ASYNC_ITER_CLOSE);
            NEXT();
        }
    }
    if (!lenient) goto exception;
    error_take(ts);
    pc = code->words + D;
    NEXT();
}
op_ASYNC_CLOSE_ERROR: {
    Value completion = R(A);
    if (completion == JS_HOLE || completion == realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN)) {
        SYNC();
        error_throw(ts, R(B));
        goto exception;
    }
    ADVANCE(OP_ASYNC_CLOSE_ERROR);
    NEXT();
}
op_ASYNC_RESULT: {
    SYNC();
    Generator *gen = value_to_cell(f->generator);
    store_release(&gen->state, GEN_DONE);
    if (!promise_resolve_value(ts, gen->promise, R(A))) goto exception;
    tmp = gen->promise;
    goto do_return;
}

exception: {
    // Unwind: find a handler in this frame, else pop it and look in the caller [INT-4].
    Value exc = ts->exception;
    bool is_return = exc == realm_intrinsic(ts, INTRINSIC_GENERATOR_RETURN);
    for (;;) {
        uint32_t at = (uint32_t)(insn - code->words);
        for (uint32_t i = 0; i < code->handler_count; i++) {
            Handler *h = &code->handlers[i];
            if (at >= h->start && at < h->end && (!is_return || h->kind == 1)) {
                R(h->reg) = error_take(ts);
                pc = code->words + h->target;
                NEXT();
            }
        }
        int32_t kind = value_to_int(f->kind);
        if ((code->flags & CODE_ASYNC) && !(code->flags & CODE_GENERATOR) && value_is_object(f->generator) &&
            !is_return) {
            // An async function settles its promise with the exception instead of throwing.
            Generator *gen = value_to_cell(f->generator);
            store_release(&gen->state, GEN_DONE);
            Value reason = error_take(ts);
            if (!promise_reject_value(ts, gen->promise, reason)) { /* keep the new exception */ }
            else { tmp = gen->promise; goto do_return; }
        }
        Frame *done = f;
        pop_frame(ts, done);
        if (kind & FRAME_ENTRY) return JS_EXCEPTION;
        LOAD_FRAME();
        insn = code->words + value_to_int(f->pc);
    }
}
#undef R
}

// ---------------------------------------------------------------------------------------------
// Generator prototype natives (installed by builtins_install_generator)

static Value GeneratorFunction_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    return builtins_create_dynamic_function(ts, args, argc, magic);
}

static Value global_eval(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    return interp_indirect_eval(ts, builtin_arg(args, argc, 0));
}

// %AsyncGeneratorFunction%, its prototype and %AsyncGeneratorPrototype% (ES2020 25.3, 25.5).
static bool install_async_generator(ThreadState *ts) {
    Value function_proto = realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE);
    Value async_iterator_proto = realm_intrinsic(ts, INTRINSIC_ASYNC_ITERATOR_PROTOTYPE);
    if (!value_is_object(async_iterator_proto)) async_iterator_proto = realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE);
    Value function_prototype = object_new(ts, function_proto);
    Value generator_prototype = object_new(ts, async_iterator_proto);
    if (value_is_exception(function_prototype) || value_is_exception(generator_prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE] = function_prototype;
    ts->rt->realm.intrinsics[INTRINSIC_ASYNC_GENERATOR_PROTOTYPE] = generator_prototype;
    static const BuiltinEntry generator_methods[] = {
        BUILTIN_FN_MAGIC("next", AsyncGenerator_enqueue, 1, RESUME_NEXT),
        BUILTIN_FN_MAGIC("return", AsyncGenerator_enqueue, 1, RESUME_RETURN),
        BUILTIN_FN_MAGIC("throw", AsyncGenerator_enqueue, 1, RESUME_THROW),
        BUILTIN_STRING("@@toStringTag", "AsyncGenerator", PROP_CONFIGURABLE),
    };
    static const BuiltinEntry function_entries[] = {
        BUILTIN_STRING("@@toStringTag", "AsyncGeneratorFunction", PROP_CONFIGURABLE),
    };
    if (!builtins_install_table(ts, generator_prototype, generator_methods, BUILTIN_COUNT(generator_methods)) ||
        !builtins_install_table(ts, function_prototype, function_entries, BUILTIN_COUNT(function_entries)))
        return false;
    Value constructor = function_new_native(ts, GeneratorFunction_constructor, "AsyncGeneratorFunction", 1,
                                            COMPILE_ASYNC | COMPILE_GENERATOR, NATIVE_CONSTRUCTOR);
    if (value_is_exception(constructor)) return false;
    Value function_constructor = ops_get(ts, function_proto, ATOM(ts, constructor));
    if (value_is_object(function_constructor)) object_set_prototype_of(ts, constructor, function_constructor, false);
    // Like GeneratorFunction, not a global: reachable only through the prototypes.
    return object_define_value(ts, function_prototype, ATOM(ts, prototype), generator_prototype, PROP_CONFIGURABLE) >= 0 &&
           object_define_value(ts, generator_prototype, ATOM(ts, constructor), function_prototype, PROP_CONFIGURABLE) >= 0 &&
           object_define_value(ts, constructor, ATOM(ts, prototype), function_prototype, 0) >= 0 &&
           object_define_value(ts, function_prototype, ATOM(ts, constructor), constructor, PROP_CONFIGURABLE) >= 0;
}

bool builtins_install_generator(ThreadState *ts) {
    Value function_proto = realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE);
    Value iterator_proto = realm_intrinsic(ts, INTRINSIC_ITERATOR_PROTOTYPE);
    if (!value_is_object(iterator_proto)) iterator_proto = realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE);
    Value generator_function_proto = object_new(ts, function_proto);
    Value generator_proto = object_new(ts, iterator_proto);
    Value async_function_proto = object_new(ts, function_proto);
    Value token = object_new(ts, JS_NULL);
    if (value_is_exception(generator_function_proto) || value_is_exception(generator_proto) ||
        value_is_exception(async_function_proto) || value_is_exception(token))
        return false;
    ts->rt->realm.intrinsics[INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE] = generator_function_proto;
    ts->rt->realm.intrinsics[INTRINSIC_GENERATOR_PROTOTYPE] = generator_proto;
    ts->rt->realm.intrinsics[INTRINSIC_ASYNC_FUNCTION_PROTOTYPE] = async_function_proto;
    ts->rt->realm.intrinsics[INTRINSIC_GENERATOR_RETURN] = token;
    static const BuiltinEntry generator_methods[] = {
        BUILTIN_FN_MAGIC("next", Generator_resume, 1, RESUME_NEXT),
        BUILTIN_FN_MAGIC("return", Generator_resume, 1, RESUME_RETURN),
        BUILTIN_FN_MAGIC("throw", Generator_resume, 1, RESUME_THROW),
        BUILTIN_STRING("@@toStringTag", "Generator", PROP_CONFIGURABLE),
    };
    if (!builtins_install_table(ts, generator_proto, generator_methods, BUILTIN_COUNT(generator_methods))) return false;
    static const BuiltinEntry generator_function_entries[] = {
        BUILTIN_STRING("@@toStringTag", "GeneratorFunction", PROP_CONFIGURABLE),
    };
    if (!builtins_install_table(ts, generator_function_proto, generator_function_entries, 1)) return false;
    static const BuiltinEntry async_function_entries[] = {
        BUILTIN_STRING("@@toStringTag", "AsyncFunction", PROP_CONFIGURABLE),
    };
    if (!builtins_install_table(ts, async_function_proto, async_function_entries, 1)) return false;
    if (object_define_value(ts, generator_function_proto, ATOM(ts, prototype), generator_proto, PROP_CONFIGURABLE) < 0) return false;
    if (object_define_value(ts, generator_proto, ATOM(ts, constructor), generator_function_proto, PROP_CONFIGURABLE) < 0) return false;
    // GeneratorFunction and AsyncFunction are not globals: reachable only through prototypes.
    Value generator_function = function_new_native(ts, GeneratorFunction_constructor, "GeneratorFunction", 1,
                                                   COMPILE_GENERATOR, NATIVE_CONSTRUCTOR);
    Value async_function = function_new_native(ts, GeneratorFunction_constructor, "AsyncFunction", 1,
                                               COMPILE_ASYNC, NATIVE_CONSTRUCTOR);
    if (value_is_exception(generator_function) || value_is_exception(async_function)) return false;
    Value function_constructor = ops_get(ts, function_proto, ATOM(ts, constructor));
    if (value_is_object(function_constructor)) {
        object_set_prototype_of(ts, generator_function, function_constructor, false);
        object_set_prototype_of(ts, async_function, function_constructor, false);
    }
    if (object_define_value(ts, generator_function, ATOM(ts, prototype), generator_function_proto, 0) < 0 ||
        object_define_value(ts, generator_function_proto, ATOM(ts, constructor), generator_function, PROP_CONFIGURABLE) < 0 ||
        object_define_value(ts, async_function, ATOM(ts, prototype), async_function_proto, 0) < 0 ||
        object_define_value(ts, async_function_proto, ATOM(ts, constructor), async_function, PROP_CONFIGURABLE) < 0)
        return false;
    if (!install_async_generator(ts)) return false;
    Value eval = function_new_native(ts, global_eval, "eval", 1, 0, 0);
    if (value_is_exception(eval)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_EVAL] = eval;
    return builtins_define_global(ts, "eval", eval);
}

void generator_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    Generator *gen = (Generator *)cell;
    heap_mark_value(m, gen->snapshot);
    heap_mark_value(m, gen->promise);
    heap_mark_value(m, gen->return_value);
    heap_mark_value(m, gen->queue);
}

void frame_snapshot_trace(Marker *m, Cell *cell) {
    (void)m;
    (void)cell;
}
