#!/usr/bin/env node
// `npm start`: a fresh demo database loaded from data/demo, then the API serving the built web app.
const { spawnSync, spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const { resolve } = require('node:path');

const root = resolve(__dirname, '..');
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite:data/demo.sqlite' };
const runTs = (entry, args = []) => [
  process.execPath,
  ['-r', './scripts/register.js', entry, ...args],
  { cwd: root, env, stdio: 'inherit' },
];

const file = /^sqlite:(.+)$/.exec(env.DATABASE_URL)?.[1];
if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(resolve(root, file + suffix), { force: true });

const demo = spawnSync(...runTs('apps/api/src/cli/main.ts', ['demo']));
if (demo.status !== 0) process.exit(demo.status ?? 1);

const api = spawn(...runTs('apps/api/src/main.ts'));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
