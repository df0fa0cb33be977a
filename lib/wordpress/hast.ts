import type { Element, ElementContent, Root } from 'hast'

/** Small queries over parsed HTML, for the converters. */

export function classesOf(element: Element): string[] {
  const value = element.properties.className
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' ? (value as string).split(/\s+/) : []
}

export function hasClass(element: Element, name: string): boolean {
  return classesOf(element).includes(name)
}

export function findElement(node: Element | Root, test: string | ((element: Element) => boolean)): Element | undefined {
  const matches = typeof test === 'string' ? (element: Element) => element.tagName === test : test
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (matches(child)) return child
    const found = findElement(child, test)
    if (found) return found
  }
  return undefined
}

export function findElements(node: Element | Root, test: string | ((element: Element) => boolean)): Element[] {
  const matches = typeof test === 'string' ? (element: Element) => element.tagName === test : test
  const found: Element[] = []
  const walk = (parent: Element | Root) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (matches(child)) found.push(child)
      else walk(child)
    }
  }
  walk(node)
  return found
}

export function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textOf(child as ElementContent)).join('')
  return ''
}

export function stringProperty(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[name]
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/** An element with the same content under another name: lets a default handler convert a part of a block. */
export function withTagName(element: Element, tagName: string): Element {
  return { ...element, tagName }
}
