/**
 * The post the image tests and the bench read: a bundle with three camera-sized
 * photos (3000×2000, ~1.8 MB JPEG each) drawn by sharp: a hero, a markdown
 * image and a captioned Figure, the two ways an author writes pictures.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { syntheticPhoto } from './synthetic-photo'

export const PHOTO_POST_SLUG = 'harbour-photos'
export const PHOTO_FILES = ['cover.jpg', 'quay.jpg', 'boats.jpg'] as const

/** Writes content/posts/harbour-photos/ into a content folder; returns the photos' paths. */
export async function writePhotoPost(contentDir: string, date = '2013-12-01'): Promise<string[]> {
  const dir = path.join(contentDir, 'posts', PHOTO_POST_SLUG)
  mkdirSync(dir, { recursive: true })
  const files = PHOTO_FILES.map((name) => path.join(dir, name))
  for (const [index, file] of files.entries()) writeFileSync(file, await syntheticPhoto({ seed: index + 1 }))
  const words = 'The tide goes out twice a day and the boats settle on the sand until it comes back. '.repeat(6)
  writeFileSync(
    path.join(dir, 'index.mdx'),
    [
      '---',
      'title: "Harbour photos"',
      `date: ${date}`,
      'summary: "A bundle post with three large photos, for the image tests and the bench."',
      'tags: [photos]',
      'image: ./cover.jpg',
      'imageAlt: "Green hills above the harbour under an evening sky"',
      '---',
      '',
      words,
      '',
      '![Red boats drawn up on the quay at low tide](./quay.jpg)',
      '',
      words,
      '',
      '<Figure src="./boats.jpg" alt="Boats moored below the hills" caption="The moorings at dusk" credit="https://example.org/harbour" />',
      '',
      words,
      '',
    ].join('\n'),
  )
  return files
}
