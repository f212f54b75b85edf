import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256, utf8Bytes } from './sha256';

describe('sha256 (pure, the same on phone, browser and cloud)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('FIPS 180 test vector %j', (text, hex) => {
    expect(sha256(text)).toBe(hex);
  });

  it('hashes Chinese text as UTF-8 (test vector: 课后服务协议书)', () => {
    expect(sha256('课后服务协议书')).toBe('1b64f5d4b473860e44935ea3375499136c4899a2e3c04a5ad616ec71c9f1d5ff');
  });

  it('hashes a million "a" (padding across many blocks)', () => {
    expect(sha256('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with Node crypto on any string, at every length around the block boundary', () => {
    for (let n = 50; n < 70; n++) expect(sha256('x'.repeat(n))).toBe(createHash('sha256').update('x'.repeat(n)).digest('hex'));
    fc.assert(
      fc.property(fc.fullUnicodeString(), (text) => {
        expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, 'utf8'));
        expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
