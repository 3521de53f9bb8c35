import { readFileSync, unlinkSync, writeFileSync } from "node:fs";

/**
 * One process per embedded data folder. Two PGlite instances on one folder hand out the same queue
 * numbers, count places twice and leave a folder that no longer opens; PGlite itself does not stop it.
 * The lock is a file beside the folder holding the owner's pid (and, on Linux, its start time, so a pid
 * reused after a crash or in a fresh container is not mistaken for the owner). A lock whose owner is gone
 * is stale and taken over. Released on close and when the process exits.
 */
class DataFolderLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database ${lockFile.replace(/\.lock$/, "")} is in use by another Antrean process (pid ${ownerPid}). ` +
        `Only one process may use an embedded data folder: stop that process first, or give this one its own ANTREAN_DATA_DIR ` +
        `(or a PostgreSQL DATABASE_URL to run several instances). Lock file: ${lockFile}`,
    );
    this.name = "DataFolderLockedError";
  }
}

type Owner = { pid: number; startTime?: string };

const held = new Set<string>();

export function acquireDataFolderLock(lockFile: string): () => void {
  if (held.has(lockFile)) throw new DataFolderLockedError(lockFile, process.pid);
  const mine: Owner = { pid: process.pid, startTime: processStartTime(process.pid) };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(mine) + "\n", { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockFile);
      if (attempt > 0 || (owner && isAlive(owner))) throw new DataFolderLockedError(lockFile, owner?.pid ?? 0);
      // Stale (its process is gone) or unreadable: take it over.
      unlinkSync(lockFile);
    }
  }
  held.add(lockFile);
  const release = () => {
    if (!held.delete(lockFile)) return;
    try {
      if (readOwner(lockFile)?.pid === process.pid) unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
  return () => {
    process.removeListener("exit", release);
    release();
  };
}

function readOwner(lockFile: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(lockFile, "utf8")) as Partial<Owner>;
    return typeof owner.pid === "number" && Number.isInteger(owner.pid) && owner.pid > 0 ? { pid: owner.pid, startTime: owner.startTime } : null;
  } catch {
    return null;
  }
}

function isAlive(owner: Owner): boolean {
  // Our own pid, but this process does not hold it: left by an earlier process that had the same pid.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const startTime = processStartTime(owner.pid);
  return !owner.startTime || !startTime || owner.startTime === startTime;
}

/** Field 22 of /proc/<pid>/stat (after the command, which may hold spaces); undefined off Linux. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}
