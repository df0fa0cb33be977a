/** A post or page as the index sees it. `id` is unique across both: its address. Pages have no tags or date. */
export type SearchDocument = {
  id: string
  title: string
  summary: string
  tags: readonly string[]
  date?: string
  text: string
}

/** What a hit shows besides its snippet. */
export type SearchListing = Omit<SearchDocument, 'text'>
