'use strict';
/**
 * Runs the CommonJS bundle of the CLI (dist/bundle/main.cjs) from a V8 code cache made when it
 * was built (scripts/bundle-cli.mjs). Start-up is mostly compiling JavaScript (README,
 * Performance): with the cache, the functions a check runs arrive compiled instead of being
 * parsed and compiled one by one as they are first called. Node 20 has no compile cache of its
 * own (module.enableCompileCache and NODE_COMPILE_CACHE came with Node 22.1), so this is V8's
 * code cache through node:vm, as v8-compile-cache does for CommonJS.
 *
 * The cache is only an accelerator: when it is missing, or V8 refuses it (another Node version
 * or other V8 flags), the bundle is compiled from its source and runs the same.
 */
const { isAscii } = require('node:buffer');
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

// The module wrapper of CommonJS, on the bundle's first line so that line numbers stay its own.
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';

/**
 * The cache file of this exact source. V8 checks a cache only against the source's length (and
 * its own version and flags), so a bundle rebuilt to the same length would otherwise run with
 * the previous build's compiled code: the file name carries a checksum of the source instead.
 * CRC-32 from zlib, which the CLI loads anyway (node:crypto alone took ~3 ms of each start);
 * SHA-1 on a Node without zlib.crc32 (before 20.15).
 */
function cacheFileOf(file, bytes) {
  const { crc32 } = require('node:zlib');
  const sum =
    typeof crc32 === 'function'
      ? crc32(bytes).toString(16).padStart(8, '0')
      : require('node:crypto').createHash('sha1').update(bytes).digest('hex').slice(0, 16);
  return `${file}.${sum}.cache`;
}

/**
 * Compiles and runs the bundle at `file` (with its cache when there is one that fits) and
 * returns its exports, whether the cache was used, and the script, to make a new cache from.
 */
function loadBundle(file) {
  const bytes = readFileSync(file);
  // The build writes the bundle in ASCII (scripts/bundle-cli.mjs): read as Latin-1 it is the same
  // text, copied byte for byte into a one-byte string instead of decoded as UTF-8.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = cacheFileOf(file, bytes);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // no cache: compile from the source
  }
  const script = new vm.Script(HEAD + source + TAIL, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cacheUsed: cachedData !== undefined && script.cachedDataRejected === false,
    /** Writes the cache of everything compiled so far (call it after running the bundle). */
    writeCache: () => {
      writeFileSync(cacheFile, script.createCachedData());
      return cacheFile;
    },
  };
}

module.exports = { loadBundle, cacheFileOf };
