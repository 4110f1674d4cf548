import type { enComposing } from './en-composing.js';

/** Chinese strings of safe links, suggested replies and summaries. */
export const zhCNComposing: { readonly [K in keyof typeof enComposing]: string } = {
  'link.mismatch': '链接文字显示为 {shown}，实际指向 {actual}',
  'suggestions.label': '建议回复',
  'summary.summarize': '生成摘要',
  'summary.working': '正在生成摘要…',
  'summary.failed': '无法生成摘要：{reason}',
  'summary.done': '摘要已填入备注，可继续编辑。',
  'summary.appended': '摘要已添加到您的备注下方，可继续编辑。',
};
