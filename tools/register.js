// How every npm script, mocha and the CLI tests run TypeScript (`node -r ./tools/register.js`).
// Plain JavaScript on purpose: it is what makes TypeScript loadable. See docs/runtime.md.
//
// 1. Node's on-disk compile cache (module.enableCompileCache, Node >= 22.1): V8 keeps the
//    compiled code of every module it loads (the ~900 files of @pulumi/aws, @pulumi/pulumi and
//    the project), so a second start skips compiling them. It changes nothing a program sees.
//    It is kept beside the transpiled files, in a directory of this user's alone (below).
// 2. Each .ts file is transpiled by SWC exactly as @swc-node/register does it (its own
//    tsconfig-to-SWC options and its transform, no type check: `npm run typecheck` does that),
//    and the JavaScript is kept on disk, keyed by a hash of the source, the file's path, this
//    project's tsconfig.json and the versions of SWC and @swc-node. Transpiling is a pure
//    function of those, so a file seen before is read back, and a process whose files are all
//    cached never loads SWC, @swc-node or TypeScript (which @swc-node loads to read
//    tsconfig.json): about 250 ms of every start, a third of a plan above its floor
//    (docs/runtime.md, "The plan against its floor").
// 3. TypeScript is loaded by @pulumi/pulumi only when it is used: its function serializer
//    (runtime/closure, for `pulumi.runtime.serializeFunction` and callback Lambdas) parses
//    JavaScript with it and loads it, through typescript-shim.js, when @pulumi/pulumi loads, which
//    costs every process about 85 ms of CPU (typescript.js is 9 MB). Nothing here serializes
//    functions; should something, the first use loads TypeScript then.
"use strict";
const Module = require("node:module");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/**
 * An object that stands for a module's exports and loads the module at its first use: any read,
 * key listing or test of a property. The exports' properties are then copied onto the object the
 * proxy wraps, so that it answers as the module does (getters and all).
 */
function lazyExports(load) {
    const target = {};
    let loaded = false;
    const ensure = () => {
        if (!loaded) {
            loaded = true;
            Object.defineProperties(target, Object.getOwnPropertyDescriptors(load()));
        }
        return target;
    };
    const handler = {};
    for (const trap of ["get", "set", "has", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "deleteProperty", "getPrototypeOf"]) {
        handler[trap] = (_, ...args) => Reflect[trap](ensure(), ...args);
    }
    return new Proxy(target, handler);
}

const TYPESCRIPT_SHIM = path.join("@pulumi", "pulumi", "typescript-shim.js");
const loadModule = Module._load;
Module._load = function load(request, parent, isMain) {
    if (request === "typescript" && parent?.filename?.endsWith(TYPESCRIPT_SHIM)) {
        // Resolved now, so that a missing TypeScript still throws here and the shim falls back to
        // the TypeScript that @pulumi/pulumi vendors, as it does without this.
        Module._resolveFilename(request, parent, isMain);
        return lazyExports(() => loadModule.call(Module, request, parent, isMain));
    }
    return loadModule.apply(this, arguments);
};

const ROOT = path.resolve(__dirname, "..");
const TSCONFIG = path.join(ROOT, "tsconfig.json");
// Raise when this file changes how it transpiles, so that no entry of an older loader is read.
const LOADER_VERSION = "1";

function versionOf(pkg) {
    return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
}

// Everything besides a file's own source and path that the JavaScript depends on.
const SALT = [
    LOADER_VERSION,
    versionOf("@swc/core"),
    versionOf("@swc-node/core"),
    versionOf("@swc-node/register"),
    fs.readFileSync(TSCONFIG, "utf8"),
    // What else @swc-node's transform reads (its own cache salts with the same).
    ...["SWCRC", "SWC_CONFIG_FILE", "SWC_NODE_SOURCE_MAP_MODE", "SWC_NODE_INLINE_SOURCE_MAP", "SWC_NODE_IGNORE_DYNAMIC"].map((name) => `${name}=${process.env[name] ?? ""}`),
    `sourceMaps=${process.sourceMapsEnabled}`,
].join("\0");
// Per user, beside Node's own compile cache in the system's temporary directory.
const CACHE_DIR = path.join(os.tmpdir(), `analytics-platform-ts-${typeof process.getuid === "function" ? process.getuid() : "user"}`);

let transpiler;

/** @swc-node/register's transform with the options it derives from the project's tsconfig.json. */
function loadTranspiler() {
    const { readDefaultTsConfig } = require("@swc-node/register/read-default-tsconfig");
    const { compile } = require("@swc-node/register/register");
    const options = readDefaultTsConfig(TSCONFIG);
    options.module = 1; // ts.ModuleKind.CommonJS, as @swc-node/register's register() sets it
    return (source, filename) => compile(source, filename, { ...options });
}

/**
 * Whether the cache directory is this user's alone: created with mode 0700 when missing, used only
 * if it is a directory, not a link, owned by this user and writable by no one else. The system's
 * temporary directory is shared, and the loader runs what it reads from here. (The same rule as
 * components/common/privateDirectory.ts, which this plain-JavaScript file cannot load.)
 */
function isPrivateDirectory(dir) {
    try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const stat = fs.lstatSync(dir);
        if (process.platform === "win32") return stat.isDirectory();
        return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
    } catch {
        return false;
    }
}

// Both caches, V8's compiled code and the transpiled files, live in that directory, and only
// while it is this user's alone (Node's own default for the first is the shared temporary one).
const cacheUsable = isPrivateDirectory(CACHE_DIR);
if (cacheUsable) Module.enableCompileCache?.(path.join(CACHE_DIR, "v8"));

function transpile(source, filename) {
    if (!cacheUsable) {
        transpiler ??= loadTranspiler();
        return transpiler(source, filename);
    }
    const key = crypto.createHash("sha256").update(SALT).update("\0").update(filename).update("\0").update(source).digest("hex");
    const file = path.join(CACHE_DIR, `${key}.js`);
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        // not transpiled before: below
    }
    transpiler ??= loadTranspiler();
    const code = transpiler(source, filename);
    try {
        // Written aside and renamed, so that a process running beside this one (mocha's parallel
        // workers, the CLI tests' subprocesses) reads a whole entry or none.
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, code);
        fs.renameSync(partial, file);
    } catch {
        // A cache that cannot be written only costs the next start the transpile.
    }
    return code;
}

Module._extensions[".ts"] = function loadTypeScript(module, filename) {
    module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
};
