import type { enWrapup } from './en-wrapup.js';

/** Simplified Chinese strings of the wrapup feature. */
export const zhCNWrapup: { readonly [K in keyof typeof enWrapup]: string } = {
  'wrapup.notes': '备注',
  'wrapup.notesCount': '{count} / {max}',
  'wrapup.notesTooLong': '备注超出 {max} 字的上限 {over} 个字。请删减后再提交话后处理。',
  'autoWrapup.countdown': '{seconds} 秒后自动完成话后处理',
  'autoWrapup.soon': '{seconds} 秒后将自动完成话后处理。如需更多时间，请选择“延长”。',
  'autoWrapup.running': '正在自动完成话后处理…',
  'autoWrapup.extend': '延长',
  'autoWrapup.failed': '自动话后处理未能完成。请选择原因并提交话后处理。',
  'autoWrapup.done': '此对话已自动完成话后处理。',
  'recent.heading': '最近',
  'recent.label': '今天已完成',
  'recent.finished': '完成时间',
  'recent.reasons': '话后处理',
  'recent.noReason': '未记录原因',
  'recent.notes': '备注',
  'recent.automatic': '已自动完成话后处理',
  'recent.transcript': '对话记录',
  'recent.transcriptOf': '与 {customer} 的对话记录',
  'recent.transcriptTitle': '与 {customer} 的对话',
  'recent.transcriptFor': '{channel} · 完成于 {time}',
  'recent.close': '关闭',
  'recent.announceAutomatic': '与 {customer} 的对话已自动完成话后处理。',
};
