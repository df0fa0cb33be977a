/** What search engines, feed readers and social platforms read: page metadata, JSON-LD, feeds and the sitemap. */
export { FEED_SIZE, buildFeed, feedResponse, serializeFeed, toJsonFeed11, type FeedFormat } from './feeds'
export { contentPageMetadata, pageMetadata, postMetadata, siteMetadata } from './metadata'
export { sitemapEntries } from './sitemap'
export { blogPostingJsonLd } from './structured-data'
