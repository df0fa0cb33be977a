import { listingRoute } from '@/app/_routes/listing'

const route = listingRoute('year', { later: true })

// Rendered on first request and cached; proxy.ts turns away pages past the end (page 1 redirects to the year, lib/http/redirects.ts).
export const dynamicParams = true
export const revalidate = 300
export const { generateStaticParams, generateMetadata } = route
export default route.Page
