/** What the build derives from a post's or page's Markdown: headings, plain text, reading time, and the slugs of tags, headings and files. */
export { extractHeadings, plainText, readingMinutes, readMarkdown, type MarkdownFacts, type TocHeading } from './markdown'
export { contentsOutline, type ContentsEntry } from './toc'
export { POST_SLUG_PATTERN, headingSlugger, isValidPostSlug, slugFromSegment, slugify } from './slug'
export { isServablePageSlug, pageSlugFromPath, pageSlugProblem } from './page-slug'
