import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no cross-process lock: two processes opening the same data folder would silently
 * corrupt or lose writes. This guards the folder with a lockfile holding the owner's pid.
 */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Hirfa process (pid ${pid}). ` +
        'Stop that process first, or set DATA_DIR to another folder, or DATABASE_URL to use a PostgreSQL server.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process holds: a second open of the same folder in one process is refused too. */
const held = new Set<string>();

export interface DirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'hirfa.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      const ownedHere = owner === process.pid && held.has(file);
      if (ownedHere || (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))) {
        throw new DataDirLockedError(dataDir, owner);
      }
      // A stale lock left by a crashed process: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, -1);
}
