import { describe, expect, it } from 'vitest';
import { isRealAddress } from '../../src/lib/site.ts';

describe('isRealAddress', () => {
  it('takes the placeholder and any address at a reserved example domain for no one’s inbox', () => {
    for (const a of ['corrections@example.org', 'Corrections@EXAMPLE.ORG', 'x@news.example.com', ' desk@example.net ']) expect(isRealAddress(a), a).toBe(false);
  });

  it('takes a newsroom’s own address for real, even one that contains "example"', () => {
    for (const a of ['corrections@newsroom.org', 'desk@myexample.org', 'example@paper.com', 'x@example.org.uk']) expect(isRealAddress(a), a).toBe(true);
  });
});
