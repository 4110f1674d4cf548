/**
 * Uploaded files of the reference backend: each one's bytes, and a JSON sidecar with its
 * name and type, in `<dataDir>/files`, read back by the download route. Not logged: the
 * log's messages carry the attachment (with its URL), the bytes live here.
 * @packageDocumentation
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UploadArgs } from '../../src/adapters/websocket/protocol.js';
import type { Attachment } from '../../src/core/types.js';

/** Largest upload accepted, bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Where files go and how they are reached. */
export interface FileStore {
  readonly dataDir: string;
  /** Download URL of an uploaded file. */
  readonly fileUrl: (id: string, name: string) => string;
  /** Refuses the upload with a message for the agent. */
  readonly fail: (message: string) => never;
}

/** An uploaded file as the download route serves it. */
export interface StoredFile {
  readonly bytes: Buffer;
  readonly name: string;
  readonly mimeType: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Writes an upload under `id` (an `att-` id); refuses one over the limit or of another size than announced. */
export function storeUpload(store: FileStore, id: string, args: UploadArgs): Attachment {
  const bytes = Buffer.from(args.dataBase64, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) store.fail(`${args.name} is larger than the 10 MB limit`);
  if (bytes.length !== args.size) store.fail(`${args.name}: received ${bytes.length} bytes, expected ${args.size}`);
  const dir = path.join(store.dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, id), bytes);
  writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ name: args.name, mimeType: args.mimeType }));
  return { id, name: args.name, size: bytes.length, mimeType: args.mimeType, url: store.fileUrl(id, args.name) };
}

/** An uploaded file; `undefined` when unknown (or not an upload's id, so no path leaves the folder). */
export function readUpload(store: FileStore, id: string): StoredFile | undefined {
  if (!/^att-[a-f0-9]+$/.test(id)) return undefined;
  const file = path.join(store.dataDir, 'files', id);
  if (!existsSync(file) || !existsSync(`${file}.json`)) return undefined;
  const meta: unknown = JSON.parse(readFileSync(`${file}.json`, 'utf8'));
  if (!isObject(meta) || typeof meta['name'] !== 'string' || typeof meta['mimeType'] !== 'string') return undefined;
  return { bytes: readFileSync(file), name: meta['name'], mimeType: meta['mimeType'] };
}
