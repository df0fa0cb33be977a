/**
 * Telling authors: when SMTP_URL is set, each comment held for moderation sends
 * one email to the site's authors (every address in the author store), through
 * nodemailer. Without SMTP_URL nothing is sent; authors see /drafts/comments.
 */
import nodemailer from 'nodemailer'
import type { StoredComment } from './model'

export type CommentNotice = {
  comment: StoredComment
  postTitle: string
  /** Absolute address of the moderation page. */
  moderationUrl: string
  siteName: string
}

export type MailSettings = { smtpUrl: string; from: string }

/** The notice's text: who wrote on which post, what they wrote, and where to approve it. The commenter's email is left out. */
export function noticeText({ comment, postTitle, moderationUrl }: CommentNotice): { subject: string; text: string } {
  return {
    subject: `New comment on “${postTitle}” from ${comment.name}`,
    text: [
      `${comment.name} commented on “${postTitle}”. It is waiting for an author to approve or reject it:`,
      moderationUrl,
      '',
      ...comment.text.split('\n').map((line) => `> ${line}`),
      '',
    ].join('\n'),
  }
}

/** Sends one notice to every author; resolves with the accepted recipients. */
export async function sendCommentNotice(settings: MailSettings, to: string[], notice: CommentNotice): Promise<string[]> {
  if (to.length === 0) return []
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
  try {
    const { subject, text } = noticeText(notice)
    const info = await transport.sendMail({ from: settings.from, to, subject, text, headers: { 'Auto-Submitted': 'auto-generated' } })
    return (info.accepted as (string | { address: string })[]).map((entry) => (typeof entry === 'string' ? entry : entry.address))
  } finally {
    transport.close()
  }
}
