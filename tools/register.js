// How every npm script, mocha and the CLI tests run TypeScript (`node -r ./tools/register.js`).
// Plain JavaScript on purpose: it is what makes TypeScript loadable. See docs/runtime.md.
//
// 1. Node's on-disk compile cache (module.enableCompileCache, Node >= 22.1): V8 keeps the
//    compiled code of every module it loads (the ~900 files of @pulumi/aws, @pulumi/pulumi and
//    the project), so a second start skips compiling them. It changes nothing a program sees.
// 2. @swc-node/register transpiles .ts files with SWC (no type check: `npm run typecheck` does
//    that), following tsconfig.json. Measured against ts-node and the alternatives in the README's
//    Performance section.
require("node:module").enableCompileCache?.();
require("@swc-node/register");
