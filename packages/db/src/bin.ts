#!/usr/bin/env node
import { principal } from "./cli.js";

process.exitCode = await principal(process.argv.slice(2), process.env);
