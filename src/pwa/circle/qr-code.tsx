/** A QR code drawn as SVG squares from the `qrcode` package's matrix (no HTML strings), with a text alternative. */
import QRCode from 'qrcode';
import { useMemo } from 'react';

export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const modules = useMemo(() => QRCode.create(text, { errorCorrectionLevel: 'M' }).modules, [text]);
  const count = modules.size;
  const quiet = 4;
  const squares: string[] = [];
  for (let y = 0; y < count; y++) {
    for (let x = 0; x < count; x++) if (modules.get(y, x)) squares.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
  }
  const extent = count + quiet * 2;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges" className="qr-code">
      <rect width={extent} height={extent} fill="#fff" />
      <path d={squares.join('')} fill="#000" />
    </svg>
  );
}
