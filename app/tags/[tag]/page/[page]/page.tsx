import { listingRoute } from '@/app/_routes/listing'

const route = listingRoute('tag', { later: true })

// Rendered on first request and cached; proxy.ts turns away unknown tags and pages past the end (page 1 redirects to the tag, lib/http/redirects.ts).
export const dynamicParams = true
export const revalidate = 300
export const { generateStaticParams, generateMetadata } = route
export default route.Page
