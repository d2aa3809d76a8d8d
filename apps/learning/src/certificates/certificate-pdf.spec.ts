import PDFParser from 'pdf2json';
import { renderCertificatePdf } from './certificate-pdf';

/** The text of a PDF as a reader extracts it (pdf2json, raw text). */
function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParser(null, true);
  return new Promise((resolve, reject) => {
    parser.on('pdfParser_dataError', (err) => reject(err instanceof Error ? err : err.parserError));
    parser.on('pdfParser_dataReady', () => resolve(parser.getRawTextContent()));
    parser.parseBuffer(pdf, 0);
  });
}

describe('renderCertificatePdf', () => {
  const print = {
    title: 'Certificate of Completion',
    courseTitle: 'Safety at Work',
    personName: 'Łukasz Ørsted-Müller',
    issuedAt: new Date('2026-03-05T10:00:00Z'),
    language: 'en',
    verificationCode: 'ABCD-EFGH-JKMN',
  };

  it('is a one-page PDF whose text holds the title, the course, the name (any alphabet), the date and the code', async () => {
    const pdf = await renderCertificatePdf(print);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Certificate of Completion');
    expect(text).toContain('Safety at Work');
    expect(text).toContain('Łukasz Ørsted-Müller');
    expect(text).toContain('March 5, 2026');
    expect(text).toContain('ABCD-EFGH-JKMN');
    expect(text).toContain('Verification code');
  });

  it('writes the date and the labels in the person’s language; without a course, no course line', async () => {
    const text = await pdfText(await renderCertificatePdf({ ...print, courseTitle: undefined, language: 'de' }));
    expect(text).toContain('5. März 2026');
    expect(text).toContain('Verliehen an');
    expect(text).not.toContain('für den Kurs');
    expect(await pdfText(await renderCertificatePdf({ ...print, language: 'pl' }))).toContain('5 marca 2026');
  });

  it('fits a very long name and title without failing', async () => {
    const text = await pdfText(await renderCertificatePdf({ ...print, personName: 'Ana '.repeat(40).trim(), title: 'T'.repeat(200) }));
    expect(text.replace(/\s+/g, ' ')).toContain('Ana Ana Ana');
  });
});
