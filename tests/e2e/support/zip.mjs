// Reads a zip of stored (uncompressed) files, as a SCORM package is, from the central directory
// (APPNOTE.TXT §4.3), checking every entry against its local header and its CRC-32: an
// implementation of the tests' own, so the package is checked by more than the code that wrote it.

import { crc32 } from './codes.mjs';

/** The files of `zip` (a Buffer), by path, in the central directory's order. */
export function readZip(zip) {
  const end = zip.length - 22;
  if (end < 0 || zip.readUInt32LE(end) !== 0x06054b50) throw new Error('no end of central directory record (or a zip comment)');
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  if (at + size !== end) throw new Error('the central directory does not end where the end record starts');
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${i} has no signature`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const stored = zip.readUInt32LE(at + 20);
    const length = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (method !== 0) throw new Error(`${name}: method ${method}, not stored`);
    if (stored !== length) throw new Error(`${name}: stored size differs from size`);
    if ((flags & 0x0800) === 0 && /[^\x20-\x7e]/.test(name)) throw new Error(`${name}: a UTF-8 name without the UTF-8 flag`);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: no local header at ${local}`);
    const localNameLength = zip.readUInt16LE(local + 26);
    const localExtra = zip.readUInt16LE(local + 28);
    if (zip.subarray(local + 30, local + 30 + localNameLength).toString('utf8') !== name) throw new Error(`${name}: the local header names another file`);
    if (zip.readUInt32LE(local + 14) !== crc || zip.readUInt32LE(local + 22) !== length) throw new Error(`${name}: local and central headers disagree`);
    const start = local + 30 + localNameLength + localExtra;
    const bytes = zip.subarray(start, start + length);
    if (crc32(bytes) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    files.set(name, bytes);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}
