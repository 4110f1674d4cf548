/**
 * Content handling: the one sanitizer configuration (chat and email profiles),
 * Markdown rendering and the Lit directives built on it, message templates,
 * the PCI card-number guard, attachment checks and safe URLs and file names.
 * Untrusted text and markup reach the DOM only through this module.
 * @packageDocumentation
 */
export {
  BLOCKED_IMAGE_ATTRIBUTE,
  TRUSTED_TYPES_POLICY_NAME,
  cidResolver,
  cleanInlineStyle,
  sanitizeChatHtml,
  sanitizeEmailHtml,
  type EmailSanitizeOptions,
  type EmailSanitizeResult,
  type InlineAttachment,
  type SanitizeReport,
  type SanitizeResult,
} from './sanitize.js';
export { markdown, renderMarkdown, sanitizedEmail } from './markdown.js';
export { MARKDOWN_MAX_LENGTH, formatsAsMarkdown, lazyMarkdown, loadMarkdown, markdownLoaded } from './lazy-markdown.js';
export {
  SYSTEM_VARIABLES,
  applyTemplate,
  escapeMarkdown,
  filterTemplates,
  parseTemplate,
  systemContext,
  templateParameters,
  type AppliedTemplate,
  type ApplyTemplateOptions,
  type SystemContext,
  type SystemVariable,
  type TemplateSegment,
} from './templates.js';
export { containsCardNumber, findCardNumbers, luhnValid, redactCardNumbers, type CardNumberMatch } from './pci.js';
export {
  DEFAULT_ATTACHMENT_LIMITS,
  checkAttachment,
  displayFileName,
  type AttachmentCandidate,
  type AttachmentCheck,
  type AttachmentLimits,
  type AttachmentRefusal,
} from './files.js';
export { safeUrl } from './url.js';
