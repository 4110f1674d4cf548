import type { enCompose } from './en-compose.js';

/** Arabic strings of the composers' extras (quick responses, emoji, SMS segments, Bcc, dropped files). */
export const arCompose: { readonly [K in keyof typeof enCompose]: string } = {
  quickResponses: 'الردود السريعة',
  'quickResponses.loading': 'جارٍ تحميل الردود السريعة…',
  'quickResponses.none': 'لا توجد ردود سريعة مطابقة',
  'quickResponses.loadFailed': 'تعذّر تحميل الردود السريعة: {reason}',
  emoji: 'الرموز التعبيرية',
  'emoji.search': 'البحث عن رمز تعبيري',
  'emoji.loading': 'جارٍ تحميل الرموز التعبيرية…',
  'emoji.none': 'لا توجد رموز تعبيرية مطابقة',
  'emoji.loadFailed': 'تعذّر تحميل الرموز التعبيرية: {reason}',
  'sms.segments': '{count} رسالة SMS · {units} / {capacity} حرفًا',
  'sms.segmentsUnicode': '{count} رسالة SMS · {units} / {capacity} حرفًا (Unicode)',
  'sms.segmentsChanged': 'أصبحت الرسالة الآن {count} رسالة SMS',
  'email.bcc': 'نسخة مخفية',
  'attach.dropHere': 'أفلت الملفات هنا لإرفاقها',
  'attach.noFilesHere': 'لا يمكن إرسال ملفات في {channel}: النص فقط.',
};
