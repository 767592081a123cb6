#!/usr/bin/env node
// The orderfeed command. It runs the TypeScript sources through tsx, so a checkout works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
