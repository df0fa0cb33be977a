/**
 * A stand-in for a camera photo, drawn with sharp, for the tests and the bench:
 * a sky gradient, soft hills and grain at a few scales, which encoders treat
 * much as they treat a real landscape (a flat or pure-noise image would flatter
 * or punish them). 3000×2000 at JPEG quality 90 comes to about 1.5–2 MB.
 */
import sharp from 'sharp'

type PhotoOptions = { width?: number; height?: number; seed?: number; quality?: number }

/** Deterministic pseudo-random numbers, so every run draws the same picture. */
function random(seed: number): () => number {
  let state = seed * 2654435761 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) % 100000) / 100000
  }
}

function scene(width: number, height: number, seed: number): string {
  const next = random(seed)
  const hills = Array.from({ length: 4 }, (_, layer) => {
    const base = height * (0.45 + layer * 0.12)
    const points = Array.from({ length: 13 }, (_, i) => `${Math.round((i / 12) * width)},${Math.round(base - next() * height * 0.18)}`)
    const shade = 40 + layer * 25
    return `<polygon points="0,${height} ${points.join(' ')} ${width},${height}" fill="rgb(${shade + 20},${shade + 60 - layer * 8},${shade})"/>`
  })
  const boats = Array.from({ length: 9 }, () => {
    const x = Math.round(next() * width)
    const y = Math.round(height * (0.78 + next() * 0.15))
    const w = Math.round(width * (0.03 + next() * 0.05))
    return `<rect x="${x}" y="${y}" width="${w}" height="${Math.round(w * 0.3)}" fill="rgb(${Math.round(150 + next() * 100)},${Math.round(next() * 90)},${Math.round(next() * 60)})"/>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3d6fa8"/><stop offset="0.6" stop-color="#e9b27a"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
<circle cx="${Math.round(width * (0.2 + next() * 0.6))}" cy="${Math.round(height * 0.22)}" r="${Math.round(height * 0.06)}" fill="#fff3c4"/>
${hills.join('\n')}
${boats.join('\n')}
</svg>`
}

/**
 * Grey grain around 128 from the seeded generator (sharp's own noise differs on every
 * run, which would give every run new photos, new hashes and new files in the store).
 */
async function grain(width: number, height: number, scale: number, sigma: number, next: () => number): Promise<Buffer> {
  const w = Math.ceil(width / scale)
  const h = Math.ceil(height / scale)
  const pixels = Buffer.alloc(w * h * 3)
  // The sum of three uniforms is close enough to a normal distribution for grain.
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, Math.round(128 + sigma * (next() + next() + next() - 1.5) * 2)))
  return sharp(pixels, { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .png({ compressionLevel: 0 })
    .toBuffer()
}

/** A JPEG photo-like image. */
export async function syntheticPhoto({ width = 3000, height = 2000, seed = 1, quality = 90 }: PhotoOptions = {}): Promise<Buffer> {
  const next = random(seed + 1000)
  const layers = [await grain(width, height, 24, 40, next), await grain(width, height, 3, 30, next), await grain(width, height, 1, 12, next)]
  return sharp(Buffer.from(scene(width, height, seed)))
    .composite(layers.map((input) => ({ input, blend: 'soft-light' as const })))
    .jpeg({ quality })
    .toBuffer()
}
