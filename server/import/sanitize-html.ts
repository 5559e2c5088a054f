/**
 * The only HTML an import lets through: the blocks and marks the editor schema holds. No scripts, no
 * event handlers, no styles, no images or other external resources, links only to http(s) and mail.
 * Text inside unknown elements is kept; the content of script, style and the like is not.
 */
import sanitizeHtml from 'sanitize-html'

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'a',
  ],
  allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A paragraph that held only an image would stay behind as an empty line.
  exclusiveFilter: (frame) => frame.tag === 'p' && frame.text.trim() === '',
}

export function sanitizeImportedHtml(html: string): string {
  return sanitizeHtml(html, options)
}
