// Preload for running TypeScript without a build step: `node -r ./scripts/register.js file.ts`.
// SWC transpiles on the fly, with the decorator metadata NestJS and TypeORM need, and resolves
// the workspace libraries through the paths of tsconfig.base.json.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
