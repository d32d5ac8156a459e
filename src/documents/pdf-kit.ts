/**
 * pdfkit with its standard fonts (Helvetica, WinAnsi encoding: é, è, à, ç, œ, €, ½, ’ and – are
 * in it). Texts are reduced to WinAnsi first: the narrow no-break space Intl puts in French
 * numbers becomes a no-break space, anything else outside WinAnsi a '?'.
 */
import PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

// The 27 WinAnsi characters of 0x80–0x9F (the rest of WinAnsi is Latin-1).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u202F\u2009]/g, '\u00A0')) {
    const code = ch.codePointAt(0) ?? 0;
    out += code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }
  return out;
}

/** A new A4 document; `finish()` ends it and resolves to its bytes. */
export function createPdf(info: { title: string; subject?: string }): { pdf: Pdf; finish(): Promise<Buffer> } {
  const pdf = new PDFDocument({ size: 'A4', margin: 48, info: { Title: winAnsi(info.title), Creator: 'Rituel', ...(info.subject ? { Subject: winAnsi(info.subject) } : {}) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return {
    pdf,
    finish() {
      pdf.end();
      return done;
    },
  };
}
