type FigureProps = {
  caption: string
  /** Where the photo came from; kept as a link because the photo itself is lost. */
  credit?: string
  src?: string
  alt?: string
}

/** A captioned figure. Without `src` it keeps the caption and credit and draws no picture. */
export function Figure({ caption, credit, src, alt }: FigureProps) {
  return (
    <figure className="figure">
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- content images are plain files under public/
        <img src={src} alt={alt ?? ''} loading="lazy" />
      ) : (
        <div className="figure-missing" aria-hidden="true">
          Photo not preserved
        </div>
      )}
      <figcaption>
        {caption}
        {credit ? (
          <>
            {' – '}
            <a href={credit}>{credit}</a>
          </>
        ) : null}
      </figcaption>
    </figure>
  )
}
