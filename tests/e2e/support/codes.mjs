// Lectern's codes, written by the tests themselves from docs/classroom.md (not by the app), so a
// test can make an assignment link without the teacher's page, and check the format while at it:
// `<tag><version>.` + base64url(record ‖ CRC-32 of prefix and record, big-endian).

/** CRC-32 (ISO-HDLC, as zip and PNG), bit by bit. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

class Record {
  bytes = [];
  byte(value) {
    this.bytes.push(value & 0xff);
    return this;
  }
  u32(value) {
    for (const shift of [24, 16, 8, 0]) this.bytes.push((value >>> shift) & 0xff);
    return this;
  }
  varint(value) {
    let rest = value;
    for (;;) {
      const low = rest % 128;
      rest = Math.floor(rest / 128);
      if (rest === 0) return this.byte(low);
      this.byte(low | 0x80);
    }
  }
  bytesField(bytes) {
    this.varint(bytes.length);
    this.bytes.push(...bytes);
    return this;
  }
  text(text) {
    return this.bytesField([...Buffer.from(text, 'utf8')]);
  }
}

/** A code of kind `tag` (`LA`) and `version` around `record`. */
export function encode(tag, version, record) {
  const prefix = `${tag}${version}.`;
  const sum = crc32(Buffer.concat([Buffer.from(prefix), Buffer.from(record)]));
  const bytes = Buffer.from([...record, (sum >>> 24) & 0xff, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff]);
  return prefix + bytes.toString('base64url');
}

/**
 * An assignment link's code (format 1, or 2 with `studentId`: 'number' or 'email') for `reading`
 * (from support/content.mjs): `questions` are ids in the reading's order.
 */
export function assignmentCode(reading, { id = 0x5eed0003, title = 'Week 3', questions, assessment = true, passMark = 60, seed = 3, studentId } = {}) {
  const ids = reading.questions.map((q) => q.id);
  const chosen = new Array(Math.ceil(ids.length / 8)).fill(0);
  ids.forEach((qid, i) => {
    if (questions.includes(qid)) chosen[Math.floor(i / 8)] |= 1 << i % 8;
  });
  const record = new Record()
    .u32(id)
    .byte(assessment ? 1 : 0)
    .u32(seed)
    .text(reading.id)
    .u32(crc32(Buffer.from(ids.join('\n'))))
    .bytesField(chosen)
    .varint(0)
    .varint(0)
    .varint(0)
    .byte(passMark)
    .text(title);
  if (studentId) record.byte(studentId === 'email' ? 2 : 1);
  return encode('LA', studentId ? 2 : 1, record.bytes);
}
