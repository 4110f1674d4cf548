import type { enComposing } from './en-composing.js';

/** Arabic strings of safe links, suggested replies and summaries. */
export const arComposing: { readonly [K in keyof typeof enComposing]: string } = {
  'link.mismatch': 'نص الرابط يعرض {shown} لكنه يؤدي إلى {actual}',
  'suggestions.label': 'ردود مقترحة',
  'summary.summarize': 'تلخيص',
  'summary.working': 'جارٍ التلخيص…',
  'summary.failed': 'تعذّر التلخيص: {reason}',
  'summary.done': 'أُضيف الملخص إلى الملاحظات. يمكنك تعديله.',
  'summary.appended': 'أُضيف الملخص أسفل ملاحظاتك. يمكنك تعديله.',
};
