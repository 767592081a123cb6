#!/usr/bin/env node
// The orderfeed command. It runs the TypeScript sources through tsx, so a checkout works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on Node 20 that its releases after January 2027 will need Node 22. The
// lock file pins releases that support Node 20, so on every AWS command the warning is noise;
// the README says what an upgrade needs.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
await import('../cli/main.ts');
