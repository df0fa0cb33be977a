/** What search engines, feed readers and social platforms read: page metadata, JSON-LD, feeds and the sitemap. */
export { FEED_SIZE, buildFeed, feedEntries, feedResponse, serializeFeed, toJsonFeed11, type FeedFormat, type FeedPost } from './feeds'
export { contentPageMetadata, pageMetadata, postMetadata, siteMetadata } from './metadata'
export { SITEMAP_MAX_URLS, parseSitemapPart, sitemapEntries, sitemapPartCount, sitemapResponse, sitemapXml, type SitemapEntry } from './sitemap'
export { blogPostingJsonLd } from './structured-data'
