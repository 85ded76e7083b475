#!/usr/bin/env node
'use strict';
// The msht command: runs the compiled CLI (npm install builds it; `npm run build` rebuilds).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
// In production mode the libraries take their production paths too: graphql-js stops checking
// for a second copy of itself on every type test, express stops sending error details. They read
// NODE_ENV when first loaded, so it is set here, before anything loads them.
if (process.env.MSHT_MODE === 'production' && process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production';
if (!fs.existsSync(entry)) {
  process.stderr.write('msht is not built yet: run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .catch((e) => {
    process.stderr.write(`msht: ${e && e.message ? e.message : e}\n`);
    process.exit(1);
  });
