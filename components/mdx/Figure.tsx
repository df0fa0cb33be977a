import type { ReactNode } from 'react'

type FigureProps = {
  caption: string
  /** Where the photo came from, kept as a link. */
  credit?: string
  /** The picture; without one the caption and credit stand alone, as for a photo that is lost. */
  children?: ReactNode
}

/** A captioned figure. */
export function Figure({ caption, credit, children }: FigureProps) {
  return (
    <figure className={children ? 'figure figure-picture' : 'figure'}>
      {children ?? (
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
