import type { enCompose } from './en-compose.js';

/** Simplified Chinese strings of the composers' extras (quick responses, emoji, SMS segments, Bcc, dropped files). */
export const zhCNCompose: { readonly [K in keyof typeof enCompose]: string } = {
  quickResponses: '快捷回复',
  'quickResponses.loading': '正在加载快捷回复…',
  'quickResponses.none': '没有匹配的快捷回复',
  'quickResponses.loadFailed': '无法加载快捷回复：{reason}',
  emoji: '表情',
  'emoji.search': '搜索表情',
  'emoji.loading': '正在加载表情…',
  'emoji.none': '没有匹配的表情',
  'emoji.loadFailed': '无法加载表情：{reason}',
  'sms.segments': '{count} 条短信 · {units} / {capacity} 个字符',
  'sms.segmentsUnicode': '{count} 条短信 · {units} / {capacity} 个字符（Unicode）',
  'sms.segmentsChanged': '消息现为 {count} 条短信',
  'email.bcc': '密送',
  'attach.dropHere': '将文件拖放到此处以添加附件',
  'attach.noFilesHere': '{channel} 中不能发送文件，只能发送文字。',
};
