import { CONTENT_IMAGE_SIZES, responsiveImage, type ImageBase, type ProcessedImage } from '@/lib/images'

type PictureProps = {
  image: ProcessedImage
  alt: string
  base: ImageBase
  sizes?: string
  /** The hero, or the first picture: fetched first and never lazily. */
  priority?: boolean
}

/**
 * A generated image as plain HTML: AVIF for browsers that take it, the JPEG or
 * PNG fallback otherwise, each in every generated width. Width and height
 * reserve the space before the file arrives. Works the same without JavaScript.
 */
export function Picture({ image, alt, base, sizes = CONTENT_IMAGE_SIZES, priority = false }: PictureProps) {
  const picture = responsiveImage(image, base, sizes)
  return (
    <picture>
      {picture.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={picture.sizes} />
      ))}
      <img
        src={picture.src}
        srcSet={picture.srcSet}
        sizes={picture.sizes}
        width={picture.width}
        height={picture.height}
        alt={alt}
        loading={priority ? undefined : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding={priority ? undefined : 'async'}
      />
    </picture>
  )
}

/** An image from an allowed remote host (IMAGE_REMOTE_HOSTS): shown as it is, since it is not ours to resize. */
export function RemoteImage({ src, alt, width, height }: { src: string; alt: string; width?: number; height?: number }) {
  // eslint-disable-next-line @next/next/no-img-element -- remote images are not processed
  return <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
}
