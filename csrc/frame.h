/*
 * frame.h — the layout contract between the interpreter, generators and (later) the JIT:
 * compiled functions (Code), environment records (Env) and frames on the register stack, with
 * the per-site inline caches (INT-11, INT-15) and value profiles (BC-18) a Code carries.
 * Implements INT-1..INT-3 (specs/interpreter.md). Every word of a frame is a valid Value, so the
 * collector scans the register stack precisely [HEAP-6]; integers such as pc are int Values.
 */
#ifndef JST_FRAME_H
#define JST_FRAME_H

#include <stdint.h>
#include "value.h"
#include "heap.h"
#include "thread.h"

// Code.flags (mirrored by jsthreads/compile/code.py: FUNCTION_FLAGS).
enum {
    CODE_STRICT = 1 << 0,
    CODE_ARROW = 1 << 1,
    CODE_GENERATOR = 1 << 2,
    CODE_ASYNC = 1 << 3,
    CODE_CLASS_CONSTRUCTOR = 1 << 4,
    CODE_DERIVED = 1 << 5,          // class constructor with extends: this starts uninitialised
    CODE_METHOD = 1 << 6,           // methods, getters, setters: not constructors
    CODE_NEEDS_ARGUMENTS = 1 << 7,  // keeps every actual argument (arguments object, rest)
    CODE_SCRIPT = 1 << 8,           // top-level script or eval code
    CODE_NEEDS_ENV = 1 << 9,        // creates a function Env at entry (captured bindings)
    CODE_EVAL = 1 << 10,            // eval code: runs in the caller's env and this
    CODE_CONSTRUCTOR = 1 << 11,     // ordinary function usable with new
    CODE_FIELD_INIT = 1 << 12,      // a class field initialiser
    CODE_DYNAMIC_SCOPE = 1 << 13,   // function Env carries names (direct eval/with inside)
    // What a direct eval in this code may use (ES2020 18.2.1.1 steps 6-8): set on code that
    // contains a direct eval, from the function it is in (arrows: the one they are written in).
    // Equal to the COMPILE_* bits of the same names, so direct_eval passes them through.
    CODE_EVAL_NEW_TARGET = 1 << 14,
    CODE_EVAL_SUPER_PROPERTY = 1 << 15,
    CODE_EVAL_SUPER_CALL = 1 << 16,     // derived constructors and the arrows written in them
};

// An exception handler: while pc is in [start, end), a throw jumps to target with the exception
// in register `reg`. Finally-only handlers (kind 1) also see generator return completions.
typedef struct Handler {
    uint32_t start, end, target, reg, kind;
} Handler;

// Line table entry: instructions from pc on come from line:column (1-based).
typedef struct LineEntry {
    uint32_t pc, line, column;
} LineEntry;

/*
 * A per-site cache slot [INT-11]. Every thread running the Code reads and fills the same slots,
 * so no reader may ever combine words from two fills:
 *   - `own` is the monomorphic own-property entry packed in one 64-bit word, (structure id << 32)
 *     | slot, loaded and stored atomically (relaxed: OM-3 makes any (id, slot) pair it ever held
 *     right for that id, so there is nothing to order). 0 never hits (id 0 is never used).
 *   - the other fields form one multi-word entry (a prototype hit, an add transition, a global
 *     site) published under the sequence word: a filler moves it from even to odd with a CAS
 *     (a filler that loses simply does not cache), stores the fields, then release-stores the
 *     next even value; a reader copies the fields between two equal even loads of it, else
 *     misses. Template sites keep their object in `holder`, published once with a CAS.
 * Either kind of entry may sit beside the other: a get site can hold an own and a proto entry.
 */
enum { CACHE_EMPTY, CACHE_OWN, CACHE_PROTO, CACHE_ADD, CACHE_GLOBAL, CACHE_GLOBAL_LEXICAL };
#define CACHE_CHAIN 3
typedef struct InlineCache {
    uint64_t own;               // (structure id << 32) | slot, or 0: any thread, atomic relaxed
    uint32_t sequence;          // seqlock of the fields below: odd while a fill is in progress
    uint32_t kind;              // CACHE_PROTO, CACHE_ADD or CACHE_GLOBAL (CACHE_EMPTY: none)
    uint32_t structure_id;      // the receiver's structure id (global sites: the global
                                // object's; lexical sites: the global lexicals')
    uint32_t slot;
    uint32_t next_structure_id; // CACHE_ADD: the structure after the transition;
                                // CACHE_GLOBAL: the global lexicals' structure id
    uint32_t chain[CACHE_CHAIN];// structure ids of the prototypes checked (0 ends the chain)
    uint32_t chain_length;
    Value holder;               // CACHE_PROTO: the prototype holding the property (traced);
                                // template sites: the template object; CALL sites: a Code;
                                // CACHE_CONSTRUCT: the callee's prototype
    Value alt;                  // CALL sites: a second Code (traced), else undefined
} InlineCache;

/*
 * Call and construct sites use the same slot type with their own meaning [INT-15]:
 *   - CALL sites key on the callee's Code: `holder` and `alt` each hold one Code (2-way
 *     polymorphic) that may be called there as a plain JS-to-JS call (no class constructor).
 *     Each key is one atomic 64-bit word and is traced, so a reader sees a Code that really was
 *     cached there or undefined, never a freed and reused address: a stale key only misses.
 *   - NEW sites keep one multi-word entry of kind CACHE_CONSTRUCT under the sequence word: the
 *     callee's structure id (`structure_id`) and the slot of its own `prototype` data property
 *     (`slot`), the prototype it held (`holder`) and the id of that prototype's initial
 *     structure (`next_structure_id`), so `this` is allocated without any lookup.
 */
enum { CACHE_CONSTRUCT = CACHE_GLOBAL_LEXICAL + 1 };

/*
 * A value-profile slot (`p` operand, BC-18), for the JIT tiers: `kinds` ORs PROFILE_* bits, one
 * byte per lane (bytecode.PROFILE_LANES); `structure_id` is the structure of the objects seen
 * in lane 0 (0 none, PROFILE_POLYMORPHIC several). Threads update it racily and that is benign:
 * kind bits only ever gain bits (atomic OR) and the id only moves 0 -> id -> POLYMORPHIC (CAS),
 * so a reader sees a subset of what happened, never something that did not.
 */
enum {
    PROFILE_INT = 1 << 0, PROFILE_DOUBLE = 1 << 1, PROFILE_STRING = 1 << 2, PROFILE_OBJECT = 1 << 3,
    PROFILE_BOOLEAN = 1 << 4, PROFILE_NULLISH = 1 << 5, PROFILE_OTHER = 1 << 6,
};
#define PROFILE_POLYMORPHIC UINT32_MAX
typedef struct ValueProfile {
    uint32_t kinds;
    uint32_t structure_id;
} ValueProfile;

typedef struct Code {
    Cell header;                // CELL_CODE
    uint32_t flags;             // CODE_*
    uint32_t param_count;       // formal parameters that occupy registers 0..param_count-1
    uint32_t register_count;    // total registers including parameters
    uint32_t length;            // the function's `length`
    uint32_t word_count;        // bytecode words
    uint32_t handler_count, line_count, cache_count, profile_count;
    uint32_t env_size;          // slots of the function Env when CODE_NEEDS_ENV
    uint32_t source_start, source_end;  // character offsets into source for toString
    Value name;                 // String
    Value filename;             // String
    Value source;               // the script's whole source String (shared by its functions)
    Value constants;            // Values cell
    Value env_names;            // Values of atoms naming the function Env's slots, or undefined
    const uint32_t *words;      // bytecode; points into `bytes` (kept alive by it)
    Handler *handlers;          // points into `bytes`
    LineEntry *lines;           // points into `bytes`
    InlineCache *caches;        // points into `cache_storage`
    ValueProfile *profiles;     // points into `profile_storage` (profile_count slots, BC-18)
    Value bytes;                // CELL_BYTES holding words, handlers, lines
    Value cache_storage;        // CELL_BYTES holding the caches (traced by code_trace)
    Value profile_storage;      // CELL_BYTES holding the value profiles (plain words)
} Code;

// An environment record. Object environments (with) hold the object in slots[0] [INT-5].
enum { ENV_WITH = 1, ENV_FUNCTION = 2 };
typedef struct Env {
    Cell header;                // CELL_ENV
    uint32_t count;             // slots
    uint32_t flags;             // ENV_*
    Value parent;               // Env or JS_UNDEFINED
    Value names;                // Values of atoms (dynamic lookup) or JS_UNDEFINED
    Value eval_vars;            // sloppy direct-eval `var`s of this function scope, or undefined
    Value slots[];
} Env;

/*
 * A frame on the register stack; registers follow it directly. Fields are Values so that the
 * collector can scan the stack without knowing about frames [INT-1].
 */
struct Frame {
    Value callee;               // the Function, or JS_UNDEFINED for scripts
    Value code;                 // Code cell
    Value env;                  // current Env or JS_UNDEFINED
    Value this_value;           // JS_HOLE in a derived constructor before super()
    Value new_target;
    Value arguments;            // Values of all actual arguments when CODE_NEEDS_ARGUMENTS
    Value caller;               // int: register-stack offset of the caller frame, -1 at an entry
    Value return_pc;            // int: caller's pc to resume at
    Value return_register;      // int: caller's register receiving the result
    Value kind;                 // int: FRAME_* bits
    Value generator;            // the generator / async state object, or JS_UNDEFINED
    Value pc;                   // int: this frame's pc, synced before anything that can throw
};
enum {
    FRAME_ENTRY = 1,            // return leaves the dispatch loop to native code
    FRAME_CONSTRUCT = 2,        // return applies the [[Construct]] result rules
};
#define FRAME_WORDS ((uint32_t)(sizeof(struct Frame) / sizeof(Value)))
static inline Value *frame_registers(Frame *f) { return (Value *)(f + 1); }

// code.c: loads a blob from the compiler into Code cells (specs/bytecode.md) [BC-2].
// Returns the Code of the blob's first function (the script or eval body), or JS_EXCEPTION.
Value code_load(ThreadState *ts, const uint8_t *blob, size_t length);
// Line and column of pc in code (0 when unknown).
void code_position(const Code *code, uint32_t pc, uint32_t *line, uint32_t *column);

void code_trace(Marker *m, Cell *cell);
void env_trace(Marker *m, Cell *cell);

#endif
