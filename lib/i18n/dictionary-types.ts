import type { Plural } from './messages'

/**
 * Every word of the interface a reader (or an author) sees, for one language.
 * Placeholders are `{name}`; a `Plural` has a form per plural category the
 * language uses. Sentences with links in them name each link by a placeholder
 * (`{search}`) whose text is its own entry, so each language orders them as it must.
 */
export type Dictionary = {
  /** The tag this dictionary is written in. */
  language: string
  frame: {
    skipToContent: string
    mainNavigation: string
    posts: string
    tags: string
    archive: string
    darkMode: string
    rssFeed: string
    atomFeed: string
    jsonFeed: string
    builtWith: string
    /** "Press / to search: on." with `{key}` for the key and `{state}` for on or off. */
    shortcutState: string
    shortcutOn: string
    shortcutOff: string
    turnShortcutOff: string
    turnShortcutOn: string
    signedInAs: string
    drafts: string
    signOut: string
  }
  dates: {
    updated: string
    readingTime: Plural
  }
  post: {
    contents: string
    tags: string
    morePosts: string
    olderPost: string
    newerPost: string
    /** Shown by a link to a translation, in that translation's language: "Read in English". */
    readInThisLanguage: string
  }
  listings: {
    noPostsYet: string
    postsPage: string
    taggedWith: string
    taggedWithPage: string
    taggedCount: Plural
    byAuthor: string
    byAuthorPage: string
    aboutAuthor: string
    postsHeading: string
    postCount: Plural
    archiveDescription: string
    postsFrom: string
    postsFromPage: string
    postsFromDescription: string
    tagsDescription: string
  }
  pagination: {
    label: string
    newer: string
    older: string
    pageOf: string
  }
  search: {
    label: string
    button: string
    placeholder: string
    title: string
    description: string
    boxLabel: string
    startingUp: string
    failed: string
    unavailable: string
    tooLong: string
    noResults: string
    results: Plural
    showingBest: string
    page: string
    /**
     * A result's language when it is not the page's: "Language: Cymraeg". A label rather than "in Welsh",
     * because Welsh would mutate the name after "yn" (yn Gymraeg), which a placeholder cannot.
     */
    inLanguage: string
  }
  signIn: {
    title: string
    errorTitle: string
    intro: string
    problem: string
    email: string
    password: string
    submit: string
    submitting: string
    withGitHub: string
    unreachable: string
    errors: {
      CredentialsSignin: string
      RateLimited: string
      SignInUnavailable: string
      SessionRequired: string
      AccessDenied: string
      Default: string
    }
    signOutTitle: string
    signOutIntro: string
  }
  notFound: {
    title: string
    typed: string
    pasted: string
    /** `{search}`, `{archive}` and `{home}` are links whose words follow. */
    elsewhere: string
    searchLink: string
    archiveLink: string
    homeLink: string
  }
  errors: {
    title: string
    body: string
    tryAgain: string
    previewLinkTitle: string
    previewLinkBody: string
    /** `{signIn}` is a link whose words follow. */
    previewLinkSignIn: string
    signInLink: string
  }
  drafts: {
    preview: string
    draft: string
    scheduledFor: string
    onlyAuthors: string
    onlyAuthorsAndLinks: string
    title: string
    heading: string
    none: string
    caption: string
    columns: { title: string; type: string; state: string; date: string; modified: string }
    post: string
    page: string
    scheduled: string
    noDate: string
    createShareLink: string
    /** `{date}` is when the link stops working; the link itself follows. */
    shareLinkValid: string
    shareLinkFailed: string
  }
  contactNone: string
}
