/**
 * Answers a request for one generated variant. Only a file the build made for
 * this very post, at one of its generated widths and formats, is ever read;
 * nothing is resized here, so a request costs a file read and no CPU to speak of.
 */
import { readFile } from 'node:fs/promises'
import { plainNotFound } from '../http'
import { storedVariant, type ProcessedImage } from './config'
import { findVariant, parseVariantFileName } from './urls'

const CONTENT_TYPES = { avif: 'image/avif', jpg: 'image/jpeg', png: 'image/png' } as const

export async function variantResponse(images: Record<string, ProcessedImage>, fileName: string, cacheControl: string): Promise<Response> {
  const request = parseVariantFileName(fileName)
  const image = request && findVariant(images, request)
  if (!request || !image) return plainNotFound()
  let body: Buffer
  try {
    body = await readFile(storedVariant(image.hash, request.width, request.format))
  } catch {
    // The build made it, so the store was emptied since: a rebuild refills it.
    console.error(`images: ${fileName} is missing from the image store (.images/); run the build again`)
    return plainNotFound()
  }
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': CONTENT_TYPES[request.format], 'content-length': String(body.byteLength), 'cache-control': cacheControl },
  })
}
