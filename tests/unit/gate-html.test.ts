/**
 * Quality gate: every page in dist/ is valid HTML, by html-validate with the
 * rules in .htmlvalidate.json ("recommended", a superset of "standard", plus
 * "document"). One rule is adjusted, not disabled: valid-id runs in its
 * "relaxed" mode, which is HTML's own rule (an id is any non-empty text without
 * spaces). The strict mode also demands a leading letter, and timeline entries
 * have date ids ("2026-02-27-amazon-deal") that are stable, published links.
 * require-sri asks for integrity hashes on cross-origin resources only: the
 * site loads nothing from another origin (the privacy gate proves it), and a
 * hash on its own hashed /_astro/ files would add bytes and protect nothing.
 */
import path from 'node:path';
import { FileSystemConfigLoader, formatterFactory, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST, fileFor, requireDist } from '../helpers/site.ts';

describe('valid HTML', () => {
  it('every built page has zero html-validate errors', async () => {
    requireDist();
    const files = builtPages().map((p) => path.join(DIST, fileFor(p)!));
    expect(files.length).toBeGreaterThan(0);
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const report = await validator.validateMultipleFiles(files);
    const stylish = formatterFactory('stylish');
    const text = stylish(report.results);
    console.log(`html-validate: ${files.length} pages, ${report.errorCount} errors, ${report.warningCount} warnings`);
    if (report.warningCount) console.log(text);
    expect(report.errorCount, text).toBe(0);
  });
});
