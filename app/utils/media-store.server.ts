import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { getEnv } from "./env.server";
import { singleton } from "./singleton.server";

// Where uploaded files live. An interface, so an object store (S3, MinIO,
// a provincial data centre's store) can take the local disk's place without
// touching callers; keys are content hashes, so files never change once
// written and any cache may keep them forever.

export interface MediaStore {
  /** Stores bytes under key; writing the same key again is harmless. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes as a stream, or null when there is no such key. */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
}

const KEY = /^[a-f0-9]{64}$/;

export class LocalDiskStore implements MediaStore {
  constructor(private readonly root: string) {}

  private fileFor(key: string) {
    if (!KEY.test(key)) throw new Error(`bad media key: ${key}`);
    // Two levels of folders keep any one directory small.
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Uint8Array) {
    const file = this.fileFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file, even if the
    // process stops mid-write.
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
  }

  async open(key: string) {
    const file = this.fileFor(key);
    try {
      const info = await stat(file);
      return { stream: createReadStream(file), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
}

export const mediaStore: MediaStore = singleton("media-store", () => new LocalDiskStore(path.resolve(getEnv().MEDIA_DIR)));
