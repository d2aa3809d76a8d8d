import { CertificateDoc } from './certificate';

/** Longest entry name before `.pdf` (file systems allow 255 bytes; accents take two). */
const MAX_BASE = 120;

/**
 * A name any file system accepts: runs of white space (line breaks too) become one space, path separators,
 * `: * ? " < > |` and other control characters `_`, and no leading or trailing dots or spaces (Windows drops them).
 */
export function safeFileName(text: string, max = MAX_BASE): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const cut = [...cleaned].slice(0, max).join('').trim();
  return cut || 'certificate';
}

/** The ZIP entry of a certificate: `<person name> - <title> - <verification code>.pdf`, made safe. */
export function entryBase(doc: Pick<CertificateDoc, 'personName' | 'title' | 'verificationCode'>): string {
  const name = safeFileName(doc.personName, 50);
  const title = safeFileName(doc.title, MAX_BASE - name.length - doc.verificationCode.length - 6);
  return `${name} - ${title} - ${safeFileName(doc.verificationCode)}`;
}

/**
 * Names unique within one ZIP, also where file systems ignore case: the second `x.pdf` becomes `x (2).pdf`.
 * (Two certificates share a verification code only by a hash collision, but cut names can meet.)
 */
export class EntryNames {
  private readonly used = new Set<string>();

  next(doc: Pick<CertificateDoc, 'personName' | 'title' | 'verificationCode'>): string {
    const base = entryBase(doc);
    let name = `${base}.pdf`;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base} (${n}).pdf`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
