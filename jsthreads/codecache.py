"""The CLI's compiled-code cache: `jsthreads run FILE` keeps the bytecode blob of each script it
compiles, like CPython's .pyc files, so a rerun of an unchanged file needs neither the parser
(tree-sitter alone costs ~100 ms to import) nor the compiler.

A blob is stored under a key that hashes the source bytes, the file name (it is baked into the
blob for stack traces) and the compiler's fingerprint: the size and mtime of every module of
jsthreads/parse, jsthreads/compile and bytecode.py, plus the folders of the tree-sitter packages,
so editing the compiler or reinstalling the grammar invalidates the cache.
Only successful compilations are stored. Writes are atomic (temporary file, then rename), skipped
when Python would not write bytecode either (PYTHONDONTWRITEBYTECODE, -B) or when
JSTHREADS_CODE_CACHE=0; any cache failure silently falls back to compiling. The folder is
$JSTHREADS_CODE_CACHE (a path), else $XDG_CACHE_HOME/jsthreads, else ~/.cache/jsthreads.
Imports nothing beyond what the interpreter has loaded at start-up, plus hashlib.
"""

import os
import sys

ENV = "JSTHREADS_CODE_CACHE"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_MAGIC = b"JSTCODE1"


def cache_dir():
    """The cache folder, or None when caching is off."""
    setting = os.environ.get(ENV, "")
    if setting == "0":
        return None
    if setting and setting != "1":
        return setting
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "jsthreads")


def compiler_fingerprint():
    """Size and mtime of every compiler module: any edit to the front end changes it."""
    parts = []
    for folder in ("parse", "compile"):
        try:
            entries = sorted(os.scandir(os.path.join(_PACKAGE, folder)), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                stat = entry.stat()
                parts.append("%s/%s:%d:%d" % (folder, entry.name, stat.st_size, stat.st_mtime_ns))
    try:
        stat = os.stat(os.path.join(_PACKAGE, "bytecode.py"))
        parts.append("bytecode.py:%d:%d" % (stat.st_size, stat.st_mtime_ns))
    except OSError:
        pass
    # The parser's grammar comes from these packages: reinstalling either rewrites its folder.
    for package in ("tree_sitter", "tree_sitter_javascript"):
        for entry in sys.path:
            try:
                stat = os.stat(os.path.join(entry or ".", package))
            except OSError:
                continue
            parts.append("%s:%d" % (package, stat.st_mtime_ns))
            break
    return "\n".join(parts)


def cache_key(source_bytes, filename):
    import hashlib
    digest = hashlib.sha256()
    for part in (compiler_fingerprint().encode(), filename.encode("utf-8", "surrogatepass"), source_bytes):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def load(key):
    """The cached blob for key, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(os.path.join(folder, key[:2], key[2:]), "rb") as file:
            data = file.read()
    except OSError:
        return None
    return data[len(_MAGIC):] if data.startswith(_MAGIC) else None


def store(key, blob):
    folder = cache_dir()
    if folder is None or sys.dont_write_bytecode:
        return
    target = os.path.join(folder, key[:2], key[2:])
    temporary = "%s.%d.tmp" % (target, os.getpid())
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(_MAGIC + blob)
        os.replace(temporary, target)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def compile_cached(source_bytes, source, filename):
    """The blob for a script: from the cache when present, else compiled (and stored).

    Raises the compiler's JSSyntaxError / RecursionError like compile_source.
    """
    key = cache_key(source_bytes, filename)
    blob = load(key)
    if blob is None:
        from .compile import compile_source
        blob = compile_source(source, filename)
        store(key, blob)
    return blob
