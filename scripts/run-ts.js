#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: SWC transpiles on the fly (with the
// decorator metadata NestJS and TypeORM need), so `npm run cli` works right after `npm install`.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
require(require('node:path').resolve(entry));
