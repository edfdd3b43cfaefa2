import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs SQL against the e2e server's embedded PostgreSQL, for history the API cannot write (a month that has
 * passed). Uses the PostgreSQL driver packaged with the app and the JDK that runs it (scripts/e2e.sh sets
 * E2E_DB_PORT, E2E_APP_DIR and JAVA_HOME), so it needs nothing else on the machine.
 */
export function runSql(sql: string) {
  const appDir = process.env.E2E_APP_DIR ?? path.resolve('../backend/target/e2e/app');
  const lib = path.join(appDir, 'lib', 'main');
  const driver = readdirSync(lib).find((f) => f.startsWith('org.postgresql.postgresql-'));
  if (!driver) throw new Error(`no PostgreSQL driver in ${lib}`);
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  execFileSync(java, ['-cp', path.join(lib, driver), path.resolve('e2e/RunSql.java'), `jdbc:postgresql://localhost:${process.env.E2E_DB_PORT ?? '5434'}/postgres`],
    { input: sql, stdio: ['pipe', 'inherit', 'inherit'] });
}
