import qrcode from 'qrcode-generator'

const QUIET_ZONE = 4

/** qrcode-generator's byte mode reads one byte per char, so hand it UTF-8 as a binary string. */
function utf8Binary(text: string): string {
  let out = ''
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte)
  return out
}

/** Dark modules as one SVG path, one sub-path per horizontal run (keeps the HTML small). */
export function qrPath(text: string): { modules: number; d: string } {
  const qr = qrcode(0, 'M')
  qr.addData(utf8Binary(text), 'Byte')
  qr.make()
  const modules = qr.getModuleCount()
  let d = ''
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!qr.isDark(row, col)) continue
      let run = 1
      while (col + run < modules && qr.isDark(row, col + run)) run++
      d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`
      col += run - 1
    }
  }
  return { modules, d }
}

export interface QrCodeProps {
  text: string
  /** What the code holds, for screen readers, e.g. "QR code of the connection link". */
  label: string
  /** Rendered size in px. */
  size?: number
}

/** Always dark on white, whatever the colour scheme: scanners need the contrast. */
export function QrCode({ text, label, size = 176 }: QrCodeProps) {
  const { modules, d } = qrPath(text)
  const box = modules + QUIET_ZONE * 2
  return (
    <svg class="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${box} ${box}`} shape-rendering="crispEdges">
      <rect width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
