/*
 * regexp/program.h — the instruction set shared by the compiler (compile.c) and the matcher
 * (match.c). Private to csrc/regexp/. Each instruction is an opcode word followed by its operand
 * words; a char-consuming opcode carries OP_BACKWARD when it sits inside a lookbehind, where
 * matching runs from right to left (§22.2.2 direction -1).
 */
#ifndef JST_REGEXP_PROGRAM_H
#define JST_REGEXP_PROGRAM_H

enum {
    OP_MATCH,          //                          success
    OP_CHAR,           // c                        one character (a code point in unicode mode)
    OP_CHAR_I,         // c                        Canonicalize(ch) == c
    OP_ANY,            //                          any but a line terminator
    OP_ANY_ALL,        //                          any (dotAll)
    OP_CLASS,          // flags n first0 last0 ... ranges; flags: CLASS_INVERT | CLASS_IGNORE_CASE
    OP_BACKREF,        // group                    \n, \k<name> (CLASS_IGNORE_CASE in the op's high bits)
    OP_BOL,            //                          ^
    OP_EOL,            //                          $
    OP_BOL_MULTI,      //                          ^ with m
    OP_EOL_MULTI,      //                          $ with m
    OP_WORD_BOUNDARY,  // word_set                 \b (word_set 1: unicode+ignoreCase WordCharacters)
    OP_NOT_WORD_BOUNDARY, // word_set              \B
    OP_JUMP,           // target
    OP_SPLIT,          // target                   try the next instruction, on failure target
    OP_SAVE,           // slot                     captures[slot] = position
    OP_RESET,          // first_slot end_slot      captures[first..end) = -1 (a repetition restarts)
    OP_SET_REGISTER,   // register value
    OP_LOOP,           // count_reg min max greedy exit   decide whether to run the body again
    OP_LOOP_ENTER,     // position_reg             remember where an iteration starts
    OP_LOOP_END,       // count_reg position_reg min loop
    OP_LOOK,           // kind end                 lookaround: kind LOOK_NEGATIVE; body follows
    OP_LOOK_END,       //                          the body matched
    OP_STAR,           // min max greedy           a single-character atom repeated; the atom's
                       //                          instruction follows, then the continuation
    OP_COUNT
};

enum { OP_MASK = 0xFF, OP_BACKWARD = 0x100, OP_IGNORE_CASE = 0x200 };
enum { CLASS_INVERT = 1, CLASS_IGNORE_CASE = 2 };
enum { LOOK_NEGATIVE = 1 };
#define REGEX_INFINITY 0xFFFFFFFFu

#endif
