#!/usr/bin/env node
// Entry point of the `netcourt` command: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const cli = new URL("../src/cli.ts", import.meta.url);
await import(fileURLToPath(cli));
