// The msht command run from the TypeScript sources, for tests that need a real process (to kill it).
import 'reflect-metadata';

import { main } from '../../src/cli/main';

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`msht: ${e.message}\n`);
  process.exit(1);
});
