/**
 * Dates where the interface shows them (the archive, the drafts table, the
 * draft banner), in the site's language (SITE_LANGUAGE) by Intl. A document's
 * own dates are in its language (lib/i18n's formatDateIn, with the document's tag).
 */
import { site } from '../config'
import { formatDateIn, formatMonthIn } from '../i18n'

export function formatDate(iso: string): string {
  return formatDateIn(iso, site.language)
}

export function formatMonth(iso: string): string {
  return formatMonthIn(iso, site.language)
}
