import { prepareDatabase } from './bootstrap.ts';
import { compromiseIssuerKey, jwks, rotateIssuerKey } from './modules/cards/index.ts';
import { runImportCommand } from './modules/imports/index.ts';
import { verifyAuditChain } from './platform/audit/audit.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { localFolderStorage } from './platform/storage/storage.ts';

const USAGE = `Usage: hirfa <command>
  db:migrate     apply the SQL migrations and load the reference data (safe to run twice)
  audit:verify   check the hash chain of the audit trail and name the first broken link
  keys:rotate    make a new card-signing key active; the previous one is retired (its cards keep verifying)
  keys:compromise KID   mark a key compromised: every card it signed stops verifying
  keys:list      list the issuer keys and their state
  import FILE --chamber MA-06 [--mapping TEMPLATE] [--yes] [--lang fr|ar|en|zgh] [--encoding ENC]
                 import a chamber's legacy list (CSV or XLSX): dry run, report, confirmation, load`;

async function run(command: string | undefined): Promise<number> {
  const config = loadConfig();
  switch (command) {
    case 'db:migrate': {
      const database = await prepareDatabase(config);
      await database.close();
      process.stdout.write(`Database migrated and reference data loaded (${database.engine}).\n`);
      return 0;
    }
    case 'audit:verify': {
      const database = await prepareDatabase(config);
      try {
        const report = await verifyAuditChain(database.db);
        if (report.ok) {
          process.stdout.write(`Audit chain intact: ${report.checked} events checked.\n`);
          return 0;
        }
        process.stdout.write(
          `Audit chain BROKEN at event ${report.broken?.id} (${report.broken?.reason}); ` +
            `${report.checked} events before it are intact.\n`,
        );
        return 2;
      } finally {
        await database.close();
      }
    }
    case 'keys:rotate':
    case 'keys:compromise':
    case 'keys:list': {
      const database = await prepareDatabase(config);
      try {
        const actor = { id: null, role: 'cli', chamberCode: null, requestId: null, ip: null };
        if (command === 'keys:rotate') {
          process.stdout.write(
            `New active key: ${await rotateIssuerKey(database.db, config.appSecret, actor)}\n`,
          );
        } else if (command === 'keys:compromise') {
          const kid = process.argv[3] ?? '';
          const done = await compromiseIssuerKey(database.db, config.appSecret, kid, actor);
          process.stdout.write(done ? `Key ${kid} marked compromised.\n` : `No usable key ${kid}.\n`);
          if (!done) return 2;
        } else {
          for (const k of (await jwks(database.db)).keys) process.stdout.write(`${k.kid}  ${k.state}\n`);
        }
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'import': {
      const database = await prepareDatabase(config);
      try {
        const storage = localFolderStorage(config.documentsDir);
        return await runImportCommand({ config, database, storage }, process.argv.slice(3));
      } finally {
        await database.close();
      }
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 64;
  }
}

run(process.argv[2])
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    const known = err instanceof ConfigError || err instanceof DataDirLockedError;
    process.stderr.write(`${known ? (err as Error).message : ((err as Error)?.stack ?? String(err))}\n`);
    process.exit(1);
  });
