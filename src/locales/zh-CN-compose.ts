import type { enCompose } from './en-compose.js';

/** Simplified Chinese strings of the composers' extras. */
export const zhCNCompose: { readonly [K in keyof typeof enCompose]: string } = {
  'email.bcc': '密送',
  'attach.dropHere': '将文件拖放到此处以添加附件',
  'attach.noFilesHere': '{channel} 中不能发送文件，只能发送文字。',
};
