#!/usr/bin/env node
// Compiled by `npm install` (the prepare script); see README.
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => { process.exitCode = code; });
