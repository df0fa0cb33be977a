'use client'

import { useState } from 'react'
import { API } from '@/lib/routes'

/** Asks the API for a time-limited preview link and shows it to copy. */
export function ShareLinkButton({ slug }: { slug: string }) {
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function create() {
    setError(null)
    const response = await fetch(API.draftShare(slug), { method: 'POST' })
    if (!response.ok) return setError('Could not create a preview link. Sign in again and retry.')
    const body = (await response.json()) as { url: string; expiresAt: string }
    setLink({ url: new URL(body.url, window.location.origin).toString(), expiresAt: body.expiresAt })
  }

  return (
    <div>
      <button type="button" className="button" onClick={create}>
        Create a preview link
      </button>
      <div role="status">
        {link ? (
          <p>
            Preview link (valid until {new Date(link.expiresAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}):{' '}
            <a href={link.url}>{link.url}</a>
          </p>
        ) : null}
        {error ? <p>{error}</p> : null}
      </div>
    </div>
  )
}
