import { listingRoute } from '@/app/_routes/listing'

const route = listingRoute('tag')

// The most used tags are built ahead; the rest, and a tag a scheduled post brings, render on first request (proxy.ts turns away unknown tags).
export const dynamicParams = true
export const revalidate = 300
export const { generateStaticParams, generateMetadata } = route
export default route.Page
