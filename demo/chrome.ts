/**
 * The demo page's own chrome: its words in English, Chinese and Arabic (the elements translate
 * themselves), and the light / dark / system colour scheme switch. Markup marks what to
 * translate with `data-i18n` (text), `data-i18n-label` (`aria-label`) and
 * `data-i18n-placeholder` (input placeholders).
 */
import type { Locale } from '../src/controllers/localize.js';

const en = {
  title: 'Agent Desktop',
  subtitle: 'cc-digital-widgets demo',
  shortcuts: 'Keyboard shortcuts',
  notifications: 'Allow notifications',
  language: 'Language',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeAuto: 'System',
  requests: 'Contact requests',
  tasks: 'Tasks',
  conversations: 'Conversations',
  webchat: 'WebChat',
  messenger: 'Facebook Messenger',
  sms: 'SMS',
  email: 'Email',
  simulator: 'Simulated contact center',
  newContact: 'New contact',
  channel: 'Channel',
  customerName: 'Customer name',
  openingMessage: 'Opening message',
  random: 'random',
  invitee: 'As a conference invitation from another agent',
  offerContact: 'Offer contact',
  customer: 'Customer',
  interaction: 'Interaction',
  message: 'Message',
  sendAsCustomer: 'Send as customer',
  typing: 'Typing',
  leaves: 'Leaves',
  emailArrives: 'Email arrives',
  peerWrites: 'Second agent writes',
  peerLeaves: 'Second agent leaves',
  autoplay: 'Random traffic (autoplay)',
  storeErrors: 'Store errors',
  resetDemo: 'Reset demo',
  scripting: 'Scripting:',
  urlOptions: 'URL options:',
} as const;

type ChromeKey = keyof typeof en;

const zhCN: Record<ChromeKey, string> = {
  title: '座席工作台',
  subtitle: 'cc-digital-widgets 演示',
  shortcuts: '键盘快捷键',
  notifications: '允许通知',
  language: '语言',
  theme: '主题',
  themeLight: '浅色',
  themeDark: '深色',
  themeAuto: '跟随系统',
  requests: '联系请求',
  tasks: '任务',
  conversations: '对话',
  webchat: 'WebChat',
  messenger: 'Facebook Messenger',
  sms: 'SMS',
  email: '电子邮件',
  simulator: '模拟联络中心',
  newContact: '新联系',
  channel: '渠道',
  customerName: '客户姓名',
  openingMessage: '首条消息',
  random: '随机',
  invitee: '作为其他座席的会议邀请',
  offerContact: '发起联系',
  customer: '客户',
  interaction: '交互',
  message: '消息',
  sendAsCustomer: '以客户身份发送',
  typing: '正在输入',
  leaves: '离开',
  emailArrives: '收到邮件',
  peerWrites: '第二位座席发言',
  peerLeaves: '第二位座席离开',
  autoplay: '随机流量（自动播放）',
  storeErrors: '存储错误',
  resetDemo: '重置演示',
  scripting: '脚本：',
  urlOptions: 'URL 选项：',
};

const ar: Record<ChromeKey, string> = {
  title: 'مكتب الموظف',
  subtitle: 'عرض توضيحي لـ cc-digital-widgets',
  shortcuts: 'اختصارات لوحة المفاتيح',
  notifications: 'السماح بالإشعارات',
  language: 'اللغة',
  theme: 'المظهر',
  themeLight: 'فاتح',
  themeDark: 'داكن',
  themeAuto: 'حسب النظام',
  requests: 'طلبات التواصل',
  tasks: 'المهام',
  conversations: 'المحادثات',
  webchat: 'WebChat',
  messenger: 'Facebook Messenger',
  sms: 'SMS',
  email: 'البريد الإلكتروني',
  simulator: 'مركز اتصال محاكى',
  newContact: 'تواصل جديد',
  channel: 'القناة',
  customerName: 'اسم العميل',
  openingMessage: 'الرسالة الافتتاحية',
  random: 'عشوائي',
  invitee: 'كدعوة مؤتمر من موظف آخر',
  offerContact: 'عرض التواصل',
  customer: 'العميل',
  interaction: 'التفاعل',
  message: 'الرسالة',
  sendAsCustomer: 'الإرسال بصفة العميل',
  typing: 'يكتب',
  leaves: 'يغادر',
  emailArrives: 'وصول بريد إلكتروني',
  peerWrites: 'موظف ثانٍ يكتب',
  peerLeaves: 'موظف ثانٍ يغادر',
  autoplay: 'حركة عشوائية (تشغيل تلقائي)',
  storeErrors: 'أخطاء المخزن',
  resetDemo: 'إعادة ضبط العرض',
  scripting: 'البرمجة النصية:',
  urlOptions: 'خيارات URL:',
};

const dictionaries: Record<Locale, Record<ChromeKey, string>> = { en, 'zh-CN': zhCN, ar };

const isKey = (key: string | undefined): key is ChromeKey => key !== undefined && key in en;

/** Puts the demo's own words in `locale`: every `[data-i18n]` text and `[data-i18n-placeholder]` placeholder. */
export function translateChrome(locale: Locale, root: ParentNode = document): void {
  const words = dictionaries[locale];
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset['i18n'];
    if (isKey(key)) el.textContent = words[key];
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = el.dataset['i18nLabel'];
    if (isKey(key)) el.setAttribute('aria-label', words[key]);
  }
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    const key = el.dataset['i18nPlaceholder'];
    if (isKey(key)) el.placeholder = words[key];
  }
  document.title = `${words.title} — ${words.subtitle}`;
}

/** The demo's colour schemes: the `theme` attribute values of the library's themes.css. */
export type DemoTheme = 'light' | 'dark' | 'auto';

const THEME_KEY = 'cc-demo:theme';

const isTheme = (value: string | null | undefined): value is DemoTheme => value === 'light' || value === 'dark' || value === 'auto';

/**
 * Wires the theme switch: `theme` on `<html>` themes the page and every element in it.
 * `?theme=dark` wins over the choice remembered in this browser (a display preference,
 * nothing about customers).
 */
export function setUpThemeSwitch(select: HTMLSelectElement, requested: string | null): void {
  const apply = (theme: DemoTheme): void => {
    document.documentElement.setAttribute('theme', theme);
    select.value = theme;
  };
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(THEME_KEY);
  } catch {
    // Storage may be off; the page then starts light.
  }
  apply(isTheme(requested) ? requested : isTheme(remembered) ? remembered : 'light');
  select.addEventListener('change', () => {
    const theme = isTheme(select.value) ? select.value : 'light';
    apply(theme);
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Not remembered; the switch still works for this page.
    }
  });
}
