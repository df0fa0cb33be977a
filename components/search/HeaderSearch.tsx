import { siteWords } from '@/lib/config'
import { MAX_QUERY_LENGTH } from '@/lib/search'
import { SEARCH } from '@/lib/routes'

/** A plain GET form, so search works with JavaScript off. */
export function HeaderSearch() {
  const words = siteWords.search
  return (
    <form role="search" action={SEARCH} method="get" className="search-form">
      <label htmlFor="site-search" className="visually-hidden">
        {words.label}
      </label>
      <input id="site-search" type="search" name="q" maxLength={MAX_QUERY_LENGTH} autoComplete="off" placeholder={words.placeholder} />
      <button type="submit" className="button">
        {words.button}
      </button>
    </form>
  )
}
