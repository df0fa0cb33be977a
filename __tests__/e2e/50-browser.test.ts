import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { authorCli, newPage, url, suiteBrowser, waitForHydration } from './helpers'

const browser = suiteBrowser()

describe('reader journeys', () => {
  test('read the home page, open a post, follow a tag, page through', async () => {
    const page = await newPage(browser())
    await page.goto(url('/'))
    assert.equal(await page.title(), 'Sandbank')
    await page.getByRole('link', { name: 'Shifting Digital Sands' }).click()
    await page.waitForURL(/\/posts\/shifting-digital-sands$/)
    assert.equal(await page.locator('h1').textContent(), 'Shifting Digital Sands')
    await page.getByRole('link', { name: 'open-data' }).first().click()
    await page.waitForURL(/\/tags\/open-data$/)
    assert.match((await page.locator('h1').textContent()) ?? '', /open-data/)
    await page.goto(url('/'))
    await page.getByRole('link', { name: /Older posts/ }).click()
    await page.waitForURL(/\/page\/2$/)
    assert.match((await page.locator('h1').textContent()) ?? '', /page 2/)
    await page.getByRole('link', { name: /Newer posts/ }).click()
    await page.waitForURL(url('/'))
    await page.context().close()
  })

  test('the theme toggle switches to dark and the choice survives a reload with no flash', async () => {
    const page = await newPage(browser(), { colorScheme: 'light' })
    // Records the theme at the moment <body> first exists, before any paint of content.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          ;(window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme ?? 'system'
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(url('/posts/shifting-digital-sands'))
    await waitForHydration(page)
    const toggle = page.getByRole('button', { name: 'Dark mode' })
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false')
    await toggle.click()
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true')
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    await page.reload()
    assert.equal(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody), 'dark')
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    assert.equal(background, 'rgb(17, 19, 20)')
    await page.context().close()
  })

  test('the system dark preference applies without JavaScript', async () => {
    const page = await newPage(browser(), { colorScheme: 'dark', javaScriptEnabled: false })
    await page.goto(url('/'))
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    assert.equal(background, 'rgb(17, 19, 20)')
    assert.equal(await page.getByRole('button', { name: 'Dark mode' }).isVisible(), false, 'no dead toggle without JavaScript')
    await page.context().close()
  })
})

describe('keyboard', () => {
  test('the first Tab shows the skip link, which moves focus to the main content', async () => {
    const page = await newPage(browser())
    await page.goto(url('/posts/shifting-digital-sands'))
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    assert.equal(await focused.textContent(), 'Skip to main content')
    const box = await focused.boundingBox()
    assert.ok(box && box.y >= 0 && box.height > 0, 'the skip link is on screen when focused')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content')
    await page.context().close()
  })

  test('focus is visible on links and buttons', async () => {
    const page = await newPage(browser())
    await page.goto(url('/'))
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    const style = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement
      const computed = getComputedStyle(element)
      return { tag: element.tagName, background: computed.backgroundColor, shadow: computed.boxShadow }
    })
    assert.equal(style.tag, 'A')
    assert.equal(style.background, 'rgb(255, 221, 0)', 'GOV.UK yellow focus background')
    assert.notEqual(style.shadow, 'none')
    await page.context().close()
  })

  test('every link in the header can be reached by Tab, in order', async () => {
    const page = await newPage(browser())
    await page.goto(url('/'))
    const reached: string[] = []
    for (let i = 0; i < 11; i++) {
      await page.keyboard.press('Tab')
      reached.push(await page.evaluate(() => (document.activeElement as HTMLElement).innerText || (document.activeElement as HTMLInputElement).name))
    }
    // About (the seed's) and the fixture page are pages with a nav number; the draft canary page has one too, and must not appear.
    const expected = ['Skip to main content', 'Sandbank', 'Posts', 'Tags', 'Archive', 'About', 'Fixture page', 'q', 'Search', 'Dark mode']
    assert.deepEqual(reached.slice(0, expected.length), expected)
    await page.context().close()
  })
})

describe('search by keyboard', () => {
  test('/ focuses the search box, Enter searches, and readers can turn the shortcut off', async () => {
    const page = await newPage(browser())
    await page.goto(url('/posts/shifting-digital-sands'))
    await waitForHydration(page)
    await page.keyboard.press('/')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search')
    await page.keyboard.type('usability')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\?q=usability/)
    await page
      .getByRole('link', { name: /Usability Dashboard/ })
      .first()
      .waitFor()
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Turn off the / shortcut' }).click()
    await page.goto(url('/archive'))
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Turn on the / shortcut' }).waitFor()
    await page.keyboard.press('/')
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'site-search', 'the shortcut stays off across pages')
    await page.getByRole('button', { name: 'Turn on the / shortcut' }).click()
    await page.keyboard.press('/')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search')
    await page.context().close()
  })
})

describe('authors', () => {
  test('sign in through the form and read a draft', async () => {
    const email = 'browser.author@example.org'
    const password = 'a browser test password'
    const added = await authorCli(['add', email, '--name', 'Browser Author', '--password-stdin'], password)
    assert.equal(added.status, 0, added.stderr)
    const page: Page = await newPage(browser())
    await page.goto(url('/drafts'))
    await page.waitForURL(/\/signin\?callbackUrl=%2Fdrafts/)
    await waitForHydration(page)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('wrong password here')
    await page.getByRole('button', { name: 'Sign in' }).click()
    // Next's route announcer is also role=alert, so find the error summary by its class.
    await page.locator('.error-summary').waitFor()
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /email or password is not right/)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/drafts$/)
    await page.getByText('Signed in as Browser Author').waitFor()
    await page.getByRole('link', { name: 'Qzcanary draft title' }).click()
    await page.waitForURL(/\/drafts\/qzcanary-draft$/)
    await waitForHydration(page)
    assert.match((await page.locator('.banner').textContent()) ?? '', /Draft/)
    await page.getByRole('button', { name: 'Create a preview link' }).click()
    const link = await page.getByRole('status').locator('a').getAttribute('href')
    assert.match(link ?? '', /\/drafts\/qzcanary-draft\?share=/)
    await page.goto(url('/signout'))
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(url('/'))
    await page.goto(url('/drafts'))
    await page.waitForURL(/\/signin/)
    await page.context().close()
  })
})
