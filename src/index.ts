/**
 * cc-digital-widgets: Web Components for contact-center agents handling Facebook
 * Messenger, SMS, WebChat and Email. Importing this module registers every element.
 * @packageDocumentation
 */
import { Lexer } from 'marked';
import { providePlainTextLexer } from './content/templates.js';
import { registerLocale as register } from './controllers/localize.js';
import { zhCN } from './locales/zh-CN.js';
import { ar } from './locales/ar.js';

// Importing the package registers every element and every shipped locale, so setLocale
// switches at once; an element imported on its own loads other locales on demand.
register('zh-CN', zhCN);
register('ar', ar);
// The package root carries marked already: applyTemplate's plain format works without waiting.
providePlainTextLexer(Lexer);

export * from './core/types.js';
export type * from './core/events.js';
export type * from './core/adapter.js';
export type * from './element-events.js';
export type { CcState } from './core/store/state.js';
export {
  createOffersSelector,
  createTasksSelector,
  sameInteractionStatus,
  sameItems,
  sameTask,
  sameTaskList,
  sameTasks,
  selectActiveInteraction,
  selectAgent,
  selectAgentName,
  selectAvailability,
  selectCapabilities,
  selectInteraction,
  selectRecent,
  selectOffers,
  selectOffersFor,
  selectShownInteraction,
  selectTasks,
  type Selector,
  type TaskFilter,
  type TaskListSlice,
} from './core/store/selectors.js';
export {
  ATTACHMENT_MAX_BYTES,
  CHANNEL_CAPABILITIES,
  CHAT_MESSAGE_MAX_LENGTH,
  WRAPUP_NOTES_MAX_LENGTH,
  canTransferTo,
  capabilitiesOf,
  type ChannelCapabilities,
} from './core/channels.js';
export {
  InteractionStore,
  createInteractionStore,
  CommandError,
  type InteractionStoreOptions,
  type EmailSignatures,
  type StoreError,
  type StoreErrorCode,
  type SendOptions,
  type OutgoingEmail,
  type WrapupOptions,
  PAST_INTERACTIONS_PAGE_SIZE,
} from './core/store/store.js';
export { DEFAULT_EXTEND_MS, type AutoWrapupOptions, type AutoWrapupPolicy } from './core/store/auto-wrapup.js';
export { adapterCapabilities } from './core/capabilities.js';
export { ALL_CAPABILITIES, RECENT_LIMIT } from './core/store/state.js';
export {
  SessionDraftStore,
  noDraftStore,
  draftKey,
  DRAFT_KEY_PREFIX,
  type DraftStore,
  type MaybePromise,
} from './core/drafts/draft-store.js';
export type { DraftBook, DraftKind, DraftChange, DraftStorageFailure } from './core/drafts/draft-book.js';
export type { CcNotification, CcNotificationKind } from './core/store/notifications.js';
export { storeContext } from './core/context.js';
export { StoreController, type StoreHost, type StoreControllerOptions } from './controllers/store-controller.js';
export { LocalizeController, setLocale, getLocale, t, LOCALES, localeDirection, registerLocale, type Locale } from './controllers/localize.js';
export type { MessageKey, Messages } from './locales/en.js';

export { CcProvider } from './components/cc-provider/cc-provider.js';
export { CcContactRequest } from './components/cc-contact-request/cc-contact-request.js';
export { CcChatWidget, DEFAULT_MAX_LENGTH } from './components/cc-chat-widget/cc-chat-widget.js';
export { CcSmsWidget } from './components/cc-sms-widget/cc-sms-widget.js';
export { CcAgentState } from './components/cc-agent-state/cc-agent-state.js';
export { CcConnectionStatus } from './components/cc-connection-status/cc-connection-status.js';
export type { ConnectionSource, ConnectionState, LogReset } from './core/connection.js';
export { CcTaskList } from './components/cc-task-list/cc-task-list.js';
export { CcCustomerPanel } from './components/cc-customer-panel/cc-customer-panel.js';
export { CcTranscript } from './components/cc-transcript/cc-transcript.js';
export {
  ShortcutController,
  SHORTCUT_ACTIONS,
  DEFAULT_SHORTCUTS,
  getShortcuts,
  setShortcuts,
  resetShortcuts,
  parseShortcut,
  formatShortcut,
  shortcutKeys,
  ariaKeyShortcuts,
  matchesBinding,
  shortcutFor,
  detectPlatform,
  type ShortcutAction,
  type ShortcutBinding,
  type ShortcutMap,
  type ShortcutOverrides,
  type ShortcutPlatform,
  type ShortcutHandler,
  type ShortcutHandlers,
  type ShortcutScope,
  type ShortcutControllerOptions,
} from './controllers/shortcuts.js';
export { CcShortcutHelp, openShortcutHelp } from './components/cc-shortcut-help/cc-shortcut-help.js';
export { CcTemplatePicker } from './components/cc-template-picker/cc-template-picker.js';
export {
  TRUSTED_TYPES_POLICY_NAME,
  sanitizeChatHtml,
  sanitizeEmailHtml,
  type EmailSanitizeOptions,
  type EmailSanitizeResult,
  type InlineAttachment,
  type SanitizeReport,
  type SanitizeResult,
} from './content/sanitize.js';
export { markdown, renderMarkdown, sanitizedEmail } from './content/markdown.js';
export { MARKDOWN_MAX_LENGTH, formatsAsMarkdown } from './content/lazy-markdown.js';
export {
  SYSTEM_VARIABLES,
  applyTemplate,
  parseTemplate,
  templateParameters,
  type AppliedTemplate,
  type ApplyTemplateOptions,
  type SystemContext,
  type SystemVariable,
  type TemplateSegment,
} from './content/templates.js';
export { containsCardNumber, findCardNumbers, redactCardNumbers, type CardNumberMatch } from './content/pci.js';
export {
  DEFAULT_ATTACHMENT_LIMITS,
  checkAttachment,
  type AttachmentCandidate,
  type AttachmentCheck,
  type AttachmentLimits,
  type AttachmentRefusal,
} from './content/files.js';
export { safeUrl } from './content/url.js';
export { CcTransferDialog } from './components/cc-transfer-dialog/cc-transfer-dialog.js';
export { CcConferenceDialog } from './components/cc-conference-dialog/cc-conference-dialog.js';
export { CcWrapupDialog } from './components/cc-wrapup-dialog/cc-wrapup-dialog.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './core/store/outbox.js';
export { CcEmailWidget } from './components/cc-email-widget/cc-email-widget.js';
export type { ComposeMode, ReplyMode } from './components/cc-email-widget/email-draft.js';
