import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { acquireDataFolderLock } from "./data-folder-lock";

/**
 * An embedded data folder that exists but cannot be opened. Never re-created on its own: it holds the
 * office's bookings, and an empty database in its place would look like a working system.
 */
export class DataFolderUnreadableError extends Error {
  constructor(
    readonly dataDir: string,
    cause: unknown,
  ) {
    super(
      `The embedded database in ${dataDir} could not be opened (${cause instanceof Error ? cause.message : String(cause)}). ` +
        `It was left exactly as it is. To recover: restore the folder from a backup; or, to start over with an empty ` +
        `database (every booking in it is lost), stop Antrean and move the folder aside, e.g. mv "${dataDir}" "${dataDir}.broken".`,
      { cause },
    );
    this.name = "DataFolderUnreadableError";
  }
}

/**
 * Prepares `dataDir` for PGlite and locks it for this process: a new folder is created; an existing one
 * must be a PostgreSQL data folder (PGlite would silently initialise a fresh database over anything else).
 * Returns the lock's release.
 */
export function claimDataFolder(dataDir: string): () => void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const release = acquireDataFolderLock(`${dataDir}.lock`);
  try {
    if (!existsSync(dataDir)) mkdirSync(dataDir);
    else if (readdirSync(dataDir).length > 0 && !existsSync(path.join(dataDir, "PG_VERSION"))) {
      throw new DataFolderUnreadableError(dataDir, new Error("not a database folder: PG_VERSION is missing"));
    }
  } catch (error) {
    release();
    throw error;
  }
  return release;
}
