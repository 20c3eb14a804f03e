/**
 * The gate of a migration run: read a file once and settle it unless it may hold
 * a legacy ID. Most files end here, with no parse, no string and nothing kept.
 *
 * Files are read into one reused buffer (open, read, close) and searched as bytes,
 * by native scans: a NUL byte (binary content), the ASCII text of a legacy ID, and
 * UTF-8 validity. A file that goes on to the migration is decoded to a string only
 * where it is parsed (decodeSource). Reading each file as a string instead was as
 * fast, but left garbage the size of the tree: V8 grew its young generation with it
 * (peak RSS 82 MB at 5,000 files, 108 MB at 20,000, with 4 MB live).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { LEGACY_MODEL_ID_PREFIX, LEGACY_MODEL_TEXT_PATTERN } from '../src/deepseek';
import { MAX_SOURCE_BYTES, tooLargeReason } from './files';

export type GateVerdict =
  /** Nothing to migrate. */
  | { readonly kind: 'clean' }
  /** Not read or not migratable: the run reports the file as failed, with this reason. */
  | { readonly kind: 'skipped'; readonly reason: string }
  /**
   * May hold a legacy ID: the migration takes it from here. `bytes` is the file's content
   * (valid UTF-8), copied out of the reused buffer; decodeSource turns it into text.
   */
  | { readonly kind: 'migrate'; readonly bytes: Uint8Array };

const CLEAN: GateVerdict = Object.freeze({ kind: 'clean' });
/**
 * The prefix of every legacy ID (ASCII: the same bytes in UTF-8), searched from its
 * last byte, a hyphen: rare in code, where `d` is everywhere. A native search for
 * the hyphen alone, then a look at the bytes before it, took a fifth of the time of
 * `indexOf('deepseek-')` over a tree of sources.
 */
const PREFIX = Buffer.from(LEGACY_MODEL_ID_PREFIX, 'latin1');
const PREFIX_LAST_BYTE = PREFIX[PREFIX.length - 1];
const PREFIX_BEFORE_LAST_BYTE = PREFIX[PREFIX.length - 2];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const INITIAL_BUFFER_BYTES = 256 * 1024;
/** Grows for a larger file; one over this size is not kept for the next. */
const KEPT_BUFFER_BYTES = 2 * MAX_SOURCE_BYTES;
let buffer = Buffer.allocUnsafe(INITIAL_BUFFER_BYTES);

export function gateFile(absolutePath: string): GateVerdict {
  const verdict = gateBytes(absolutePath);
  if (buffer.length > KEPT_BUFFER_BYTES) buffer = Buffer.allocUnsafe(INITIAL_BUFFER_BYTES);
  return verdict;
}

function gateBytes(absolutePath: string): GateVerdict {
  let length: number;
  try {
    length = readIntoBuffer(absolutePath);
  } catch (error) {
    return { kind: 'skipped', reason: `cannot read: ${describeFsError(error)}` };
  }
  const bytes = buffer.subarray(0, length);
  if (bytes.indexOf(0) !== -1) return { kind: 'skipped', reason: 'skipped: binary content (NUL byte) in a source-named file' };
  if (!mayHoldLegacyId(bytes)) {
    // Nothing to migrate: only invalid UTF-8 in a file of source size is worth a line.
    return length > MAX_SOURCE_BYTES || isUtf8(bytes) ? CLEAN : { kind: 'skipped', reason: 'skipped: not valid UTF-8' };
  }
  if (length > MAX_SOURCE_BYTES) return { kind: 'skipped', reason: tooLargeReason(length) };
  if (!isUtf8(bytes)) return { kind: 'skipped', reason: 'skipped: not valid UTF-8' };
  // Its own copy, off the JS heap: it may wait a while for a worker (codemods/pool.ts, MigrateJob).
  return { kind: 'migrate', bytes: new Uint8Array(bytes) };
}

/** The text of bytes the gate passed (valid UTF-8). A BOM is kept: the transform handles it. */
export function decodeSource(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** True when the bytes hold the ID prefix and the text then matches LEGACY_MODEL_TEXT_PATTERN. */
export function mayHoldLegacyId(bytes: Buffer): boolean {
  const last = PREFIX.length - 1;
  for (let at = bytes.indexOf(PREFIX_LAST_BYTE, last); at !== -1; at = bytes.indexOf(PREFIX_LAST_BYTE, at + 1)) {
    if (bytes[at - 1] === PREFIX_BEFORE_LAST_BYTE && bytes.compare(PREFIX, 0, last, at - last, at) === 0) {
      return LEGACY_MODEL_TEXT_PATTERN.test(bytes.toString('latin1'));
    }
  }
  return false;
}

/** The whole file into `buffer` (grown as needed); returns its length. */
function readIntoBuffer(absolutePath: string): number {
  const fd = openSync(absolutePath, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return length;
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** A file-system error as a few words for a summary line. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the file disappeared';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
