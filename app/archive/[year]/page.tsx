import { listingRoute } from '@/app/_routes/listing'

const route = listingRoute('year')

// A year that gains its first post when a scheduled post goes live renders on request (proxy.ts turns away years with none).
export const dynamicParams = true
export const revalidate = 300
export const { generateStaticParams, generateMetadata } = route
export default route.Page
