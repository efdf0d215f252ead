// jsthreads/shell_shim.js — the jsc shell helpers that the peer corpus
// (../shared/peer-corpus/bun-threads, JSTests/threads upstream) calls, built on the natives of
// csrc/builtins/shell.c (the hidden global $jstShell). `jsthreads run --shell-helpers` runs this
// script before the test, then `$jstShell.configure({dir, mode})` (the test's folder and the
// engine mode), and after the test's event loop has drained, `$jstShell.finish()`, which throws
// when fewer asyncTestPassed() calls were counted than asyncTestStart(n) announced.
//
// $vm exists, as in jsc, only when the test asks for it (--useDollarVM=1): the peer runner sets
// JSTHREADS_DOLLAR_VM=0 for the others ($jstShell.dollarVM false); by hand it is always there.
// $vm hooks that report jsthreads' real state (natives in shell.c):
//   gc / edenGC: one full stop-the-world collection (jsthreads has no young generation), whose
//     results are visible at once; useThreadGIL: true under --gil; assertEnabled, dfgTrue: false
//     (no debug asserts, no optimizing tier);
//   getStructureTransitionList(o): structure ids (32-bit, process-wide) from the root of o's
//     transition tree (the initial structure of its prototype) to its current structure; a
//     dictionary's list is [root, itself] (it has left the tree);
//   butterflyOwnerTID(o): the owner TID in o's butterfly word (the allocating thread [OM-1]);
//     currentButterflyTID(): this thread's TID. jsthreads stamps per-thread TIDs in both modes:
//     unlike jsc's single-owner GIL mode, a spawned thread's TID is not 0 under --gil;
//   jsThreadsStopRequestCount(): stop-the-world requests since start-up (only the collector and
//     heap verification stop the world in jsthreads; nothing in the object model does);
//   pendingPromiseReactionCount(p): the reactions a pending promise holds, counted under its
//     lock (0 once settled);
//   indexingMode(o): "ArrayWith..." / "NonArrayWith..." + "Contiguous" (one dense vector of
//     Values: no Int32/Double kinds, no CopyOnWrite literals) or "ArrayStorage" (the structure
//     has held index keys, jsthreads' sparse map [OM-15]; like jsc's ArrayStorage, never left).
// Stubbed because they only steer JSC internals that jsthreads does not have (each returns its
// argument or a neutral value): toCacheableDictionary, toUncacheableDictionary,
// flattenDictionaryObject, ensureArrayStorage, deleteAllCodeWhenIdle, jsThreadsCounter (0),
// hasPendingTermination (false), cancelTermination, crash (exits 70).
// Deliberately absent, so that tests which probe for them skip and the others fail with a clear
// "not a function" (jsthreads has no such state, or no honest way to read it yet):
// structureThreadLocalSetsValid and jsThreadsLockedTransitionCount (no thread-local transition
// sets or watchpoints: every transition is a lock-free lookup or one add under the claim),
// createDestructionProbe, destructionProbeCounts, callWithTimeLimit, requestTermination,
// createGlobalObject, haveABadTime, isHavingABadTime.
// Shell globals: gcHeapSize() is the heap's bytes now (live after the last collection plus
// allocated since); releaseWeakRefs() is ClearKeptObjects for the calling thread; runString is
// absent (one realm). transferArrayBuffer(ab) detaches ab, as jsc's does (through the transfer
// captured at start-up).
(function (shell, global) {
    "use strict";
    const natives = {
        readFile: shell.readFile, load: shell.load, evalScript: shell.evalScript, gc: shell.gc,
        preciseTime: shell.preciseTime, quit: shell.quit, drainMicrotasks: shell.drainMicrotasks,
        sleepSeconds: shell.sleepSeconds, gcHeapSize: shell.gcHeapSize, releaseWeakRefs: shell.releaseWeakRefs,
    };
    const settings = { dir: ".", mode: "threads" };
    // Folders of the scripts being loaded, innermost last: jsc resolves "caller relative" paths
    // against the file that calls load(), and loads nest (harness.js loads resources/assert.js).
    const loading = [];
    const asyncTests = { expected: 0, passed: 0, started: false };

    function define(name, value, target) {
        Object.defineProperty(target || global, name, { value, writable: true, configurable: true, enumerable: false });
    }

    function dirname(path) {
        const slash = path.lastIndexOf("/");
        return slash < 0 ? "." : slash === 0 ? "/" : path.slice(0, slash);
    }

    function normalize(path) {
        const absolute = path.startsWith("/");
        const parts = [];
        for (const part of path.split("/")) {
            if (part === "" || part === ".")
                continue;
            if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..")
                parts.pop();
            else if (part !== ".." || !absolute)
                parts.push(part);
        }
        return (absolute ? "/" : "") + (parts.join("/") || (absolute ? "" : "."));
    }

    function resolve(path, callerRelative) {
        path = String(path);
        if (path.startsWith("/"))
            return normalize(path);
        const base = callerRelative && loading.length > 0 ? loading[loading.length - 1] : settings.dir;
        return normalize(base + "/" + path);
    }

    define("print", function print(...values) {
        console.log(values.map(value => String(value)).join(" "));
    });
    define("load", function load(path, kind) {
        const file = resolve(path, kind === "caller relative");
        loading.push(dirname(file));
        try {
            return natives.load(file);
        } finally {
            loading.pop();
        }
    });
    define("readFile", function readFile(path) {
        return natives.readFile(resolve(path, false));
    });
    for (const name of ["gc", "fullGC", "edenGC"])
        define(name, function () { natives.gc(); });
    define("preciseTime", function preciseTime() { return natives.preciseTime(); });
    define("quit", function quit(code) { natives.quit(code === undefined ? 0 : code); });
    define("drainMicrotasks", function drainMicrotasks() { natives.drainMicrotasks(); });
    const transfer = ArrayBuffer.prototype.transfer;
    define("transferArrayBuffer", function transferArrayBuffer(buffer) { transfer.call(buffer); });
    define("sleepSeconds", function sleepSeconds(seconds) { natives.sleepSeconds(seconds); });
    // Tiering hints: jsthreads has one tier, so these only hand their argument back.
    for (const name of ["noInline", "noDFG", "noFTL", "noOSRExitFuzzing", "ensureArrayStorage"])
        define(name, function (f) { return f; });
    define("numberOfDFGCompiles", function numberOfDFGCompiles() { return 0; });
    define("releaseWeakRefs", function releaseWeakRefs() { natives.releaseWeakRefs(); });
    define("gcHeapSize", function gcHeapSize() { return natives.gcHeapSize(); });
    // Unhandled rejections already fail the run (exit 1), which is what the callback reports.
    define("setUnhandledRejectionCallback", function setUnhandledRejectionCallback() {});
    define("jscOptions", function jscOptions() {
        return { useJSThreads: true, useThreadGIL: settings.mode === "gil", useDollarVM: shell.dollarVM };
    });
    define("asyncTestStart", function asyncTestStart(count) {
        asyncTests.started = true;
        asyncTests.expected = Number(count);
    });
    define("asyncTestPassed", function asyncTestPassed() {
        asyncTests.passed++;
    });
    define("$", { evalScript: source => natives.evalScript(String(source)), global });

    const vm = {};
    const vmFunctions = {
        gc() { natives.gc(); },
        edenGC() { natives.gc(); },
        useThreadGIL() { return settings.mode === "gil"; },
        assertEnabled() { return false; },
        dfgTrue() { return false; },
        toCacheableDictionary(o) { return o; },
        toUncacheableDictionary(o) { return o; },
        flattenDictionaryObject() {},
        ensureArrayStorage(o) { return o; },
        indexingMode: shell.indexingMode,
        getStructureTransitionList: shell.getStructureTransitionList,
        butterflyOwnerTID: shell.butterflyOwnerTID,
        currentButterflyTID: shell.currentButterflyTID,
        jsThreadsStopRequestCount: shell.jsThreadsStopRequestCount,
        pendingPromiseReactionCount: shell.pendingPromiseReactionCount,
        deleteAllCodeWhenIdle() {},
        jsThreadsCounter() { return 0; },
        hasPendingTermination() { return false; },
        cancelTermination() {},
        crash() { console.error("$vm.crash() called"); natives.quit(70); },
    };
    for (const name of Object.keys(vmFunctions))
        define(name, vmFunctions[name], vm);
    if (shell.dollarVM)
        define("$vm", vm);

    define("configure", function configure(options) {
        settings.dir = String(options.dir);
        settings.mode = String(options.mode);
        // Tools/threads/bench-gate.sh runs every bench/ test after bench/harness.js, which
        // defines reportBench; tests in a folder named bench get the same prelude.
        // The corpus checks their checksums, not their timings, and jsthreads has no JIT tiers to
        // warm up: at most 1 warm-up and 3 measured runs instead of 20 + 50 (those took 15-25 s
        // a test, at the edge of the peer timeout).
        if (settings.dir.endsWith("/bench")) {
            natives.load(settings.dir + "/harness.js");
            const reportBench = global.reportBench;
            global.reportBench = function (name, fn, expected, warmup, measured) {
                return reportBench(name, fn, expected, Math.min(warmup === undefined ? 1 : warmup, 1),
                                   Math.min(measured === undefined ? 3 : measured, 3));
            };
        }
    }, shell);
    define("finish", function finish() {
        if (asyncTests.started && asyncTests.passed < asyncTests.expected)
            throw new Error("asyncTestStart(" + asyncTests.expected + ") but asyncTestPassed() was called "
                            + asyncTests.passed + " time(s) by exit");
    }, shell);
})($jstShell, globalThis);
