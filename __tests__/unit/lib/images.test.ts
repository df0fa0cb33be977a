import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { parseImageRemoteHosts } from '@/lib/config'
import { contentSecurityPolicy } from '@/lib/http'
import { findVariant, imageKey, parseVariantFileName, responsiveImage, type ProcessedImage } from '@/lib/images'
import { findImageReferences, hostAllowed, resolveImageSource, variantWidths } from '@/lib/images/build'

let root: string
let dirs: { contentDir: string; publicDir: string }

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(tmpdir(), 'sandbank-images-'))
  dirs = { contentDir: path.join(root, 'content'), publicDir: path.join(root, 'public') }
  const pixel = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer()
  for (const file of [
    'content/posts/harbour/photo.jpg',
    'content/posts/harbour/shots/night.jpg',
    'content/posts/loose.jpg',
    'public/images/logo.jpg',
  ]) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), pixel)
  }
  fs.writeFileSync(path.join(root, 'content/posts/harbour/notes.txt'), 'not a picture')
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('resolving an image src', () => {
  const bundle = () => ({ ...dirs, sourceFilePath: 'posts/harbour/index.mdx' })
  const single = () => ({ ...dirs, sourceFilePath: 'posts/loose-post.mdx' })

  test('a bundle resolves ./file, file and sub/file beside its index.mdx', () => {
    for (const src of ['./photo.jpg', 'photo.jpg']) {
      expect(resolveImageSource(src, bundle())).toEqual({
        kind: 'local',
        key: 'photo.jpg',
        file: path.join(dirs.contentDir, 'posts/harbour/photo.jpg'),
      })
    }
    expect(resolveImageSource('./shots/night.jpg', bundle())).toMatchObject({ kind: 'local', key: 'shots/night.jpg' })
  })
  test('a single-file post resolves relative to posts/', () => {
    expect(resolveImageSource('./loose.jpg', single())).toEqual({
      kind: 'local',
      key: 'loose.jpg',
      file: path.join(dirs.contentDir, 'posts/loose.jpg'),
    })
    expect(resolveImageSource('./harbour/photo.jpg', single())).toMatchObject({ kind: 'local', key: 'harbour/photo.jpg' })
  })
  test('/images/… resolves under public/, whatever the post', () => {
    expect(resolveImageSource('/images/logo.jpg', bundle())).toEqual({
      kind: 'local',
      key: '/images/logo.jpg',
      file: path.join(dirs.publicDir, 'images/logo.jpg'),
    })
    expect(resolveImageSource('/images/../images/logo.jpg', single())).toMatchObject({
      kind: 'local',
      file: path.join(dirs.publicDir, 'images/logo.jpg'),
    })
  })
  test('missing files, other kinds of file and escapes are refused with a reason', () => {
    expect(resolveImageSource('./missing.jpg', bundle())).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('does not exist') })
    expect(resolveImageSource('./notes.txt', bundle())).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('not a supported image') })
    expect(resolveImageSource('../../../etc/passwd.jpg', bundle())).toMatchObject({
      kind: 'invalid',
      problem: expect.stringContaining('outside the content folder'),
    })
    expect(resolveImageSource('./photo.jpg?w=100', bundle())).toMatchObject({ kind: 'invalid' })
    expect(resolveImageSource('', bundle())).toMatchObject({ kind: 'invalid' })
    expect(resolveImageSource('javascript:alert(1)', bundle())).toMatchObject({ kind: 'invalid' })
  })
  test('remote addresses are recognised, not fetched', () => {
    expect(resolveImageSource('https://images.example.org/a.jpg', bundle())).toMatchObject({ kind: 'remote' })
    expect(resolveImageSource('//images.example.org/a.jpg', bundle())).toMatchObject({ kind: 'remote' })
  })
  test('the key pages look images up by matches the one the build stored', () => {
    expect(imageKey('./photo.jpg')).toBe('photo.jpg')
    expect(imageKey('photo.jpg')).toBe('photo.jpg')
    expect(imageKey('./shots/../photo.jpg')).toBe('photo.jpg')
    expect(imageKey('/images/logo.jpg')).toBe('/images/logo.jpg')
  })
})

describe('finding the images a post shows', () => {
  test('markdown images, Figures with src, decorative, expressions and raw <img>', () => {
    const mdx = [
      '![A quay at dusk](./photo.jpg)',
      '',
      '<Figure caption="Lost photo" />',
      '',
      '<Figure src="./shots/night.jpg" alt="Night" caption="At night" credit="https://example.org/" />',
      '',
      '<Figure src={"./photo.jpg"} decorative alt="" caption="Again" />',
      '',
      '<Figure src={someVariable} alt="x" caption="y" />',
      '',
      '<img src="./photo.jpg" alt="raw" />',
      '',
      '```md',
      '![not an image](./in-code.jpg)',
      '```',
    ].join('\n')
    const found = findImageReferences(mdx)
    expect(found).toEqual([
      { src: './photo.jpg', alt: 'A quay at dusk', decorative: false, line: 1 },
      { src: './shots/night.jpg', alt: 'Night', decorative: false, line: 5, problem: undefined },
      { src: './photo.jpg', alt: '', decorative: true, line: 7, problem: undefined },
      { src: '', alt: 'x', decorative: false, line: 9, problem: '"src" must be a plain string, not an expression' },
      expect.objectContaining({ src: './photo.jpg', line: 11, problem: expect.stringContaining('not <img>') }),
    ])
  })
})

describe('variants and their addresses', () => {
  const image: ProcessedImage = {
    name: 'harbour',
    hash: '0123456789abcdef',
    width: 3000,
    height: 2000,
    fallback: 'jpg',
    widths: [360, 540, 720, 1080, 1440],
  }

  test('widths: the allowed ones below the source, and the source itself when smaller than the largest', () => {
    expect(variantWidths(3000)).toEqual([360, 540, 720, 1080, 1440])
    expect(variantWidths(800)).toEqual([360, 540, 720, 800])
    expect(variantWidths(200)).toEqual([200])
    expect(variantWidths(1440)).toEqual([360, 540, 720, 1080, 1440])
  })
  test('a picture has AVIF and JPEG srcsets, width, height and the column sizes', () => {
    const picture = responsiveImage(image, { prefix: '/posts/harbour' })
    expect(picture.width).toBe(3000)
    expect(picture.height).toBe(2000)
    expect(picture.sizes).toBe('(min-width: 44rem) 42rem, calc(100vw - 2rem)')
    expect(picture.src).toBe('/posts/harbour/images/harbour-0123456789abcdef-720.jpg')
    expect(picture.sources).toEqual([
      { type: 'image/avif', srcSet: expect.stringContaining('/posts/harbour/images/harbour-0123456789abcdef-1440.avif 1440w') },
    ])
    expect(picture.srcSet.split(', ')).toHaveLength(5)
    const shared = responsiveImage(image, { prefix: '/drafts/harbour', query: 'share=abc' })
    expect(shared.src).toBe('/drafts/harbour/images/harbour-0123456789abcdef-720.jpg?share=abc')
  })
  test('only generated widths and formats of this post’s images are found', () => {
    const images = { 'photo.jpg': image }
    const ask = (name: string) => {
      const request = parseVariantFileName(name)
      return request ? findVariant(images, request) : undefined
    }
    expect(ask('harbour-0123456789abcdef-720.avif')).toBe(image)
    expect(ask('harbour-0123456789abcdef-720.jpg')).toBe(image)
    expect(ask('harbour-0123456789abcdef-800.avif')).toBeUndefined()
    expect(ask('harbour-0123456789abcdef-720.png')).toBeUndefined()
    expect(ask('harbour-0123456789abcdef-720.webp')).toBeUndefined()
    expect(ask('other-0123456789abcdef-720.jpg')).toBeUndefined()
    expect(ask('harbour-fedcba9876543210-720.jpg')).toBeUndefined()
    for (const name of ['../../package.json', 'harbour-0123456789abcdef-0720.jpg', 'harbour-0123456789abcdef-720.jpg/x', '%2e%2e']) {
      expect(parseVariantFileName(name)).toBeUndefined()
    }
  })
})

describe('IMAGE_REMOTE_HOSTS', () => {
  test('names only, and the CSP allows exactly those over https', () => {
    expect(parseImageRemoteHosts(undefined)).toEqual([])
    const hosts = parseImageRemoteHosts('images.example.org, *.cdn.example.net')
    expect(hosts).toEqual(['images.example.org', '*.cdn.example.net'])
    for (const bad of ['https://images.example.org', 'images.example.org/path', 'images.example.org:8080', 'localhost', "x.org 'unsafe-inline'"]) {
      expect(() => parseImageRemoteHosts(bad)).toThrow('IMAGE_REMOTE_HOSTS')
    }
    const base = { https: true, development: false, github: false }
    expect(contentSecurityPolicy(base)).toContain("img-src 'self' data:;")
    expect(contentSecurityPolicy({ ...base, imageHosts: hosts })).toContain(
      "img-src 'self' data: https://images.example.org https://*.cdn.example.net;",
    )
    expect(hostAllowed('a.cdn.example.net', hosts)).toBe(true)
    expect(hostAllowed('cdn.example.net.evil.org', hosts)).toBe(false)
    expect(hostAllowed('images.example.org', hosts)).toBe(true)
  })
})
