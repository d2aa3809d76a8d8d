import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { certificateLabels, formatIssueDate } from './certificate-labels';

/** What a certificate's PDF shows. */
export interface CertificatePrint {
  title: string;
  courseTitle?: string;
  personName: string;
  issuedAt: Date;
  /** the person's language: the date and the labels are written in it */
  language: string;
  verificationCode: string;
}

/**
 * DejaVu Sans covers Latin (Łukasz, Ørsted, Müller), Greek and Cyrillic: PDFKit's built-in Helvetica only
 * knows WinAnsi and would drop those letters. Read once per process; PDFKit embeds only the glyphs used.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function dejaVu(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const INK = '#1f2a44';
const MUTED = '#5b6478';
const ACCENT = '#b08d3c';
const MARGIN = 90;

/** Renders a certificate as a one-page A4 landscape PDF (a few tens of kB: the font is subset). */
export function renderCertificatePdf(print: CertificatePrint): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: print.title, Subject: `${print.title} — ${print.personName}`, Creator: 'Cohort', CreationDate: print.issuedAt },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
  });
  const { regular, bold } = dejaVu();
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  drawCertificate(doc, print);
  doc.end();
  return done;
}

function drawCertificate(doc: PDFKit.PDFDocument, print: CertificatePrint): void {
  const { width, height } = doc.page;
  const labels = certificateLabels(print.language);
  const inner = width - 2 * MARGIN;
  doc
    .lineWidth(3)
    .strokeColor(ACCENT)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(32, 32, width - 64, height - 64)
    .stroke();

  doc
    .font('bold')
    .fontSize(fittingSize(doc, print.title, inner, 34, 16, 2))
    .fillColor(INK)
    .text(print.title, MARGIN, 105, { width: inner, align: 'center' });
  doc.moveDown(1.2);
  doc.font('body').fontSize(15).fillColor(MUTED).text(labels.awardedTo, { width: inner, align: 'center' });
  doc.moveDown(0.5);
  doc
    .font('bold')
    .fontSize(fittingSize(doc, print.personName, inner, 32, 16, 1))
    .fillColor(INK)
    .text(print.personName, { width: inner, align: 'center' });
  doc
    .moveTo(width / 2 - 160, doc.y + 6)
    .lineTo(width / 2 + 160, doc.y + 6)
    .lineWidth(0.8)
    .strokeColor(ACCENT)
    .stroke();
  if (print.courseTitle) {
    doc.moveDown(1.4);
    doc.font('body').fontSize(15).fillColor(MUTED).text(labels.forCourse, { width: inner, align: 'center' });
    doc.moveDown(0.4);
    doc
      .font('bold')
      .fontSize(fittingSize(doc, print.courseTitle, inner, 20, 12, 2))
      .fillColor(INK)
      .text(print.courseTitle, { width: inner, align: 'center' });
  }

  const footer = height - 120;
  const half = inner / 2;
  doc.font('body').fontSize(11).fillColor(MUTED).text(labels.issuedOn, MARGIN, footer, { width: half });
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(INK)
    .text(formatIssueDate(print.issuedAt, print.language), MARGIN, footer + 16, { width: half });
  doc
    .font('body')
    .fontSize(11)
    .fillColor(MUTED)
    .text(labels.verificationCode, MARGIN + half, footer, { width: half, align: 'right' });
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(INK)
    .text(print.verificationCode, MARGIN + half, footer + 16, { width: half, align: 'right' });
}

/**
 * The largest size (down to `min`) at which `text` fits in `lines` lines of `width` in the current font; a
 * longer text wraps at `min`. Keeps a 200-character title or a long name clear of the footer.
 */
function fittingSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number, min: number, lines: number): number {
  let size = max;
  while (size > min && doc.fontSize(size).heightOfString(text, { width }) > size * 1.3 * lines) size -= 2;
  return size;
}
