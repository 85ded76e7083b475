import 'reflect-metadata';

import { ConfigError, loadConfig } from '../config/config';
import { exportCommand } from './commands/export.command';
import { IMPORT_USAGE, importCommand } from './commands/import.command';
import { migrateCommand } from './commands/migrate.command';
import { SEED_USAGE, seedCommand } from './commands/seed.command';
import { tokenCommand } from './commands/token.command';

const USAGE = `msht: the MSHT knowledge-graph service

  msht serve                      run the GraphQL service (embedded Neo4j unless NEO4J_URI is set)
  msht migrate [--status]         apply pending migrations (or list their state)
  msht token --role ROLE [--role ROLE ...] [--agency CODE] [--clearance H0|H1|H2|H3] [--ukc]
             [--subject NAME] [--expires 8h]
                                  print a bearer token signed with the service's key
  msht export --seed ID [--depth 2] --purpose TEXT [--format GRAPHML] [--recipient EUROPOL] [--out FILE]
                                  export a subgraph from a running server (as a liaison officer)
${SEED_USAGE}
${IMPORT_USAGE}

Configuration comes from environment variables (see README.md#configuration).`;

export interface Command {
  (args: string[]): Promise<number | void>;
}

const COMMANDS: Record<string, Command> = {
  serve: async () => {
    const { serve } = await import('../main');
    await serve();
  },
  migrate: migrateCommand,
  token: tokenCommand,
  export: exportCommand,
  seed: seedCommand,
  import: importCommand,
};

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const code = await command(rest);
    if (typeof code === 'number') process.exitCode = code;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 78;
      return;
    }
    throw e;
  }
}

export { loadConfig };
