import bwipjs from 'bwip-js/node';

export type BarcodeKind = 'code128' | 'qr';

/**
 * The ticket's barcodes as PNG: Code128 of the ticket code (what USB scanners read) and a QR of
 * the signed payload. Rendered on the server so no barcode library ships to the browser.
 */
export function renderBarcodePng(kind: BarcodeKind, text: string): Promise<Buffer> {
  if (kind === 'qr') {
    return bwipjs.toBuffer({
      bcid: 'qrcode',
      text,
      scale: 4,
      paddingwidth: 2,
      paddingheight: 2,
      backgroundcolor: 'FFFFFF',
    });
  }
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 12,
    includetext: false,
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
}

export function pngDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
