import type { enConsult } from './en-consult.js';

/** Simplified Chinese strings of the consult feature. */
export const zhCNConsult: { readonly [K in keyof typeof enConsult]: string } = {
  consult: '咨询',
  'consult.startFailed': '无法发起咨询：{reason}',
  'consult.loadFailed': '无法显示咨询：{reason}',
  'consult.region': '与 {name} 的内部咨询',
  'consult.internal': '与 {name} 的内部咨询——客户看不到这些内容',
  'consult.waiting': '正在等待 {name}…',
  'consult.thread': '与 {name} 的消息',
  'consult.you': '您',
  'consult.message': '咨询消息',
  'consult.send': '发送',
  'consult.sendLabel': '发送咨询消息',
  'consult.sending': '正在发送…',
  'consult.sent': '已发送',
  'consult.notSent': '未发送：{reason}',
  'consult.complete': '完成转接',
  'consult.cancel': '取消咨询',
  'consult.declined': '{name} 拒绝了咨询。',
  'consult.timeout': '{name} 未回应咨询请求。',
  'consult.failed': '与 {name} 的咨询失败：{reason}',
  'consult.cancelled': '与 {name} 的咨询已结束，您继续处理此对话。',
  'consult.noReason': '未说明原因',
  'consult.completeFailed': '无法完成转接：{reason}',
  'consult.cancelFailed': '无法取消咨询：{reason}',
};
