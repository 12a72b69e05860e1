/**
 * The zip-bomb guard (xlsx/load.ts checkZipSizes): sizes read from the central directory before
 * anything is inflated. Real workbooks pass; bombs, ZIP64 bombs and lying sizes are refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkZipSizes, loadWorkbook, MAX_UNCOMPRESSED_BYTES } from '../../xlsx/load';
import { zipFiles } from '../../scripts/make-bad-fixtures';

const examples = join(__dirname, '..', '..', 'examples');

/** Rewrites the declared uncompressed size of every entry (local and central headers). */
function declareSize(zip: Buffer, size: number, zip64 = false): Buffer {
  const b = Buffer.from(zip);
  let p = 0;
  while (b.readUInt32LE(p) === 0x04034b50) {
    b.writeUInt32LE(zip64 ? 0xffffffff : size, p + 22);
    p += 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28) + b.readUInt32LE(p + 18);
  }
  if (!zip64) {
    while (b.readUInt32LE(p) === 0x02014b50) {
      b.writeUInt32LE(size, p + 24);
      p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    }
    return b;
  }
  // One central entry with 0xFFFFFFFF and a ZIP64 extra field carrying the real (huge) size.
  const cd = p;
  const nameLen = b.readUInt16LE(cd + 28);
  const head = Buffer.from(b.subarray(cd, cd + 46 + nameLen));
  head.writeUInt32LE(0xffffffff, 24);
  head.writeUInt16LE(12, 30);
  const extra = Buffer.alloc(12);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8, 2);
  extra.writeUInt32LE(size % 2 ** 32, 4);
  extra.writeUInt32LE(Math.floor(size / 2 ** 32), 8);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(head.length + extra.length, 12);
  end.writeUInt32LE(cd, 16);
  return Buffer.concat([b.subarray(0, cd), head, extra, end]);
}

describe('zip size guard', () => {
  it('passes every example workbook', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const f of files) expect(checkZipSizes(readFileSync(join(examples, f))), f).toBeNull();
  });

  it('refuses an entry that inflates more than 500× (30 MB of zeros in 30 KB)', async () => {
    const bomb = zipFiles([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(checkZipSizes(bomb)).toMatchObject({
      kind: 'too-large',
      messageZh: '不是有效的 .xlsx 文件（解压后超过 200 MB，疑似压缩炸弹，拒绝读取）',
    });
    await expect(loadWorkbook(bomb)).rejects.toMatchObject({ kind: 'too-large' });
    // A modest ratio is fine: 30 MB of varied text.
    const text = Buffer.from(Array.from({ length: 300_000 }, (_, i) => `<c r="A${i}"/>`).join(''));
    expect(checkZipSizes(zipFiles([{ name: 'a.xml', data: text }]))).toBeNull();
  });

  it('refuses more than 200 MB in total, also when declared in a ZIP64 extra field', () => {
    const small = zipFiles([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'.repeat(1000)) }]);
    expect(checkZipSizes(small)).toBeNull();
    expect(checkZipSizes(declareSize(small, MAX_UNCOMPRESSED_BYTES + 1, true))).toMatchObject({
      kind: 'too-large',
    });
    expect(checkZipSizes(declareSize(small, 5 * 2 ** 32, true))).toMatchObject({ kind: 'too-large' });
  });

  it('refuses sizes that lie (declared far below what deflate could have packed)', () => {
    const data = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251));
    const liar = declareSize(zipFiles([{ name: 'xl/worksheets/sheet1.xml', data }]), 100);
    expect(checkZipSizes(liar)).toMatchObject({
      kind: 'corrupt',
      messageEn:
        'not a valid .xlsx file: the sizes inside the zip contradict each other (damaged or tampered with)',
    });
  });
});
