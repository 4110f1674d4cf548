/**
 * A compact table of common emoji, loaded with the emoji picker when the agent first
 * opens it: each entry is the emoji, its English name, a few English keywords and its
 * Chinese name, so either language finds it.
 * @packageDocumentation
 */

/** One emoji of the picker. */
export interface EmojiEntry {
  readonly emoji: string;
  readonly name: string;
  readonly keywords: readonly string[];
  readonly zh: string;
}

// One line per emoji: emoji | English name | keywords | Chinese name.
const TABLE = `😀|grinning face|smile happy joy|咧嘴笑
😃|smiling face with big eyes|smile happy|大笑
😄|smiling face with smiling eyes|smile happy laugh|眯眼笑
😁|beaming face|grin smile|露齿笑
😆|laughing face|laugh lol|笑眯眯
😅|smiling face with sweat|relief nervous|苦笑
🤣|rolling on the floor laughing|lol laugh rofl|笑得打滚
😂|face with tears of joy|laugh lol tears|笑哭了
🙂|slightly smiling face|smile|微笑
🙃|upside-down face|silly sarcasm|倒脸
😉|winking face|wink flirt|眨眼
😊|smiling face with blush|smile blush happy|害羞微笑
😇|smiling face with halo|angel innocent|微笑天使
🥰|smiling face with hearts|love adore|喜笑颜开
😍|heart eyes|love crush|花痴
🤩|star-struck|wow excited|好崇拜哦
😘|face blowing a kiss|kiss love|飞吻
😗|kissing face|kiss|亲亲
😋|face savoring food|yum tasty delicious|好吃
😛|face with tongue|tongue playful|吐舌
😜|winking face with tongue|joke silly|单眼吐舌
🤪|zany face|crazy goofy|滑稽
😝|squinting face with tongue|tongue|眯眼吐舌
🤑|money-mouth face|money rich|发财
🤗|hugging face|hug thanks|抱抱
🤭|face with hand over mouth|oops giggle|不说
🤫|shushing face|quiet secret|安静的脸
🤔|thinking face|think hmm question|想一想
🤐|zipper-mouth face|secret quiet|闭嘴
🤨|face with raised eyebrow|doubt skeptical|挑眉
😐|neutral face|meh blank|冷漠
😑|expressionless face|blank meh|无语
😶|face without mouth|silent speechless|沉默
😏|smirking face|smirk|得意
😒|unamused face|annoyed meh|不高兴
🙄|face with rolling eyes|eyeroll annoyed|翻白眼
😬|grimacing face|awkward eek|龇牙咧嘴
😌|relieved face|relief calm|松了口气
😔|pensive face|sad thoughtful|沉思
😪|sleepy face|tired sleep|困
🤤|drooling face|drool|流口水
😴|sleeping face|sleep tired zzz|睡着了
😷|face with medical mask|sick mask|感冒
🤒|face with thermometer|sick ill fever|发烧
🤕|face with head bandage|hurt injured|受伤
🤢|nauseated face|sick gross|恶心
🤮|face vomiting|sick vomit|呕吐
🥵|hot face|hot heat|脸发烧
🥶|cold face|cold freezing|冷脸
🥴|woozy face|dizzy drunk|头昏眼花
😵|dizzy face|dizzy shocked|晕头转向
🤯|exploding head|mind blown shocked|爆炸头
🤠|cowboy hat face|cowboy|牛仔帽脸
🥳|partying face|party celebrate birthday|聚会笑脸
😎|smiling face with sunglasses|cool sunglasses|墨镜笑脸
🤓|nerd face|nerd geek|书呆子脸
🧐|face with monocle|inspect curious|带单片眼镜的脸
😕|confused face|confused unsure|困扰
😟|worried face|worried concern|担心
🙁|slightly frowning face|sad frown|微微不满
☹️|frowning face|sad frown|不满
😮|face with open mouth|surprised wow|吃惊
😯|hushed face|surprised|缄默
😲|astonished face|shocked amazed|震惊
😳|flushed face|embarrassed blush|脸红
🥺|pleading face|please puppy eyes|恳求的脸
😦|frowning face with open mouth|shocked|啊
😧|anguished face|anguish|极度痛苦
😨|fearful face|scared fear|害怕
😰|anxious face with sweat|anxious nervous|冷汗
😥|sad but relieved face|disappointed relieved|失望但如释重负
😢|crying face|sad cry tear|哭
😭|loudly crying face|sob cry sad|放声大哭
😱|face screaming in fear|scream scared|吓死了
😖|confounded face|confused frustrated|困惑
😣|persevering face|struggle|痛苦
😞|disappointed face|sad disappointed|失望
😓|downcast face with sweat|sweat hard work|汗
😩|weary face|tired weary|累死了
😫|tired face|tired exhausted|累
🥱|yawning face|yawn bored tired|打呵欠
😤|face with steam from nose|triumph frustrated|傲慢
😡|enraged face|angry mad rage|怒火中烧
😠|angry face|angry mad|生气
🤬|face with symbols on mouth|swear angry|嘴上有符号的脸
😈|smiling face with horns|devil mischief|恶魔微笑
💀|skull|dead death|头骨
💩|pile of poo|poop|大便
🤡|clown face|clown|小丑脸
👻|ghost|ghost halloween|鬼
👽|alien|alien ufo|外星人
🤖|robot|robot bot|机器人
😺|grinning cat|cat smile|大笑的猫
❤️|red heart|love heart|红心
🧡|orange heart|love heart|橙心
💛|yellow heart|love heart|黄心
💚|green heart|love heart|绿心
💙|blue heart|love heart|蓝心
💜|purple heart|love heart|紫心
🖤|black heart|heart|黑心
🤍|white heart|heart|白心
💔|broken heart|heartbreak sad|心碎
💕|two hearts|love|两颗心
💖|sparkling heart|love sparkle|闪亮的心
💯|hundred points|100 perfect score|一百分
💢|anger symbol|angry|怒
💥|collision|boom crash|爆炸
💫|dizzy|star dizzy|头晕
💬|speech balloon|chat message comment|对话气泡
💭|thought balloon|think thought|内心活动气泡
💤|zzz|sleep tired|睡着
👋|waving hand|hello hi bye wave|挥手
🤚|raised back of hand|hand stop|立起的手背
✋|raised hand|hand stop high five|举起手
🖐️|hand with fingers splayed|hand five|手掌
👌|OK hand|ok okay perfect|OK
🤌|pinched fingers|italian what|捏合的手指
✌️|victory hand|peace victory|胜利手势
🤞|crossed fingers|luck hope|交叉的手指
🤟|love-you gesture|love you|爱你的手势
🤘|sign of the horns|rock metal|摇滚
🤙|call me hand|call phone|给我打电话
👈|backhand index pointing left|left point|反手食指向左指
👉|backhand index pointing right|right point|反手食指向右指
👆|backhand index pointing up|up point|反手食指向上指
👇|backhand index pointing down|down point|反手食指向下指
☝️|index pointing up|up point|食指向上指
👍|thumbs up|yes like agree approve ok|拇指向上
👎|thumbs down|no dislike disagree|拇指向下
✊|raised fist|fist power|举起拳头
👊|oncoming fist|punch fist bump|出拳
👏|clapping hands|clap applause bravo|鼓掌
🙌|raising hands|hooray celebrate|举双手
👐|open hands|hands|张开双手
🤲|palms up together|prayer|掌心向上托起
🤝|handshake|deal agreement meeting|握手
🙏|folded hands|please thanks pray|双手合十
✍️|writing hand|write|写字
💪|flexed biceps|strong muscle|肌肉
👀|eyes|look see watch|双眼
👁️|eye|look see|眼睛
🧠|brain|smart think|脑
👶|baby|baby child|小宝贝
🧑|person|person adult|成人
👩|woman|woman female|女人
👨|man|man male|男人
🧑‍💻|technologist|computer developer coder|技术人员
🧑‍💼|office worker|business office|白领
🎧|headphone|headset support music|耳机
🙋|person raising hand|question raise hand|举手
🤷|person shrugging|shrug dunno|耸肩
🤦|person facepalming|facepalm|捂脸
🙅|person gesturing no|no stop|禁止手势
🙆|person gesturing OK|ok yes|OK 手势
💁|person tipping hand|info help desk|前台
🎉|party popper|party celebrate congratulations tada|拉炮彩带
🎊|confetti ball|celebrate party|五彩纸屑球
🎁|wrapped gift|gift present birthday|礼物
🎂|birthday cake|birthday cake|生日蛋糕
🎈|balloon|party birthday|气球
🏆|trophy|win award prize|奖杯
🥇|1st place medal|gold first win|金牌
⭐|star|star favorite|星星
🌟|glowing star|star shine|闪亮的星星
✨|sparkles|sparkle magic new|闪亮
🔥|fire|fire hot lit|火焰
⚡|high voltage|lightning fast power|高压
☀️|sun|sun sunny weather|太阳
🌤️|sun behind small cloud|weather cloudy|白云遮阳
🌧️|cloud with rain|rain weather|下雨
❄️|snowflake|snow cold winter|雪花
🌈|rainbow|rainbow|彩虹
☔|umbrella with rain drops|rain umbrella|撑伞
🌍|globe showing Europe-Africa|world earth globe|地球上的欧洲非洲
🌸|cherry blossom|flower spring|樱花
🌹|rose|flower love|玫瑰
🌻|sunflower|flower|向日葵
🍀|four leaf clover|luck lucky|四叶草
🐶|dog face|dog puppy pet|狗脸
🐱|cat face|cat kitten pet|猫脸
🐼|panda|panda|熊猫
🐻|bear|bear|熊
🦊|fox|fox|狐狸
🐰|rabbit face|rabbit bunny|兔子头
🐢|turtle|slow turtle|乌龟
🦄|unicorn|unicorn magic|独角兽
🐝|honeybee|bee busy|蜜蜂
🍎|red apple|apple fruit|红苹果
🍕|pizza|pizza food|披萨
🍔|hamburger|burger food|汉堡
🍰|shortcake|cake dessert|水果蛋糕
🍫|chocolate bar|chocolate sweet|巧克力
☕|hot beverage|coffee tea break|热饮
🍵|teacup without handle|tea green tea|茶
🍺|beer mug|beer drink|啤酒
🥂|clinking glasses|cheers toast celebrate|干杯
🍽️|fork and knife with plate|dinner meal restaurant|餐具
🚗|automobile|car drive|汽车
🚚|delivery truck|delivery shipping truck|货车
✈️|airplane|flight travel plane|飞机
🚀|rocket|launch fast rocket|火箭
🏠|house|home house|房子
🏢|office building|office work|办公楼
🏥|hospital|hospital health|医院
🏦|bank|bank money|银行
⏰|alarm clock|alarm time wake|闹钟
⌛|hourglass done|time wait|沙漏
⏳|hourglass not done|wait loading time|沙漏流沙
📅|calendar|date calendar schedule|日历
📆|tear-off calendar|date schedule|手撕日历
📞|telephone receiver|phone call|电话听筒
📱|mobile phone|phone mobile sms|手机
💻|laptop|computer laptop|笔记本电脑
🖥️|desktop computer|computer|台式电脑
🖨️|printer|print|打印机
⌨️|keyboard|type keyboard|键盘
📧|e-mail|email mail|电子邮件
✉️|envelope|letter mail|信封
📨|incoming envelope|mail inbox|来信
📦|package|package parcel box delivery shipping|包裹
📝|memo|note write|备忘录
📄|page facing up|document page|文件
📎|paperclip|attachment attach|回形针
🔗|link|link url|链接
📌|pushpin|pin|图钉
📍|round pushpin|location pin place|圆图钉
✂️|scissors|cut|剪刀
🔒|locked|lock secure private|合上的锁
🔓|unlocked|unlock open|打开的锁
🔑|key|key password|钥匙
🔍|magnifying glass tilted left|search find|左斜的放大镜
💡|light bulb|idea tip|电灯泡
🔔|bell|notification alert|铃铛
📢|loudspeaker|announcement|喇叭
💰|money bag|money cash|钱袋
💳|credit card|card payment credit|信用卡
🧾|receipt|receipt invoice bill|收据
💵|dollar banknote|money dollar|美元
🛒|shopping cart|cart shop buy|购物车
🛍️|shopping bags|shopping|购物袋
🎫|ticket|ticket|票
🏷️|label|tag price|标签
🛠️|hammer and wrench|tools fix repair|锤子与扳手
🔧|wrench|fix settings tool|扳手
⚙️|gear|settings cog|齿轮
🧰|toolbox|tools|工具箱
📈|chart increasing|growth up chart|趋势向上的图表
📉|chart decreasing|down chart|趋势向下的图表
📊|bar chart|chart stats|条形图
📋|clipboard|list clipboard|剪贴板
🗓️|spiral calendar|calendar schedule|日程表
🗂️|card index dividers|folders organize|索引分隔卡
📁|file folder|folder|文件夹
✅|check mark button|done yes ok complete|勾号按钮
☑️|check box with check|done checked|勾选框
✔️|check mark|done yes|勾号
❌|cross mark|no wrong cancel delete|叉号
❎|cross mark button|no cancel|叉号按钮
❓|red question mark|question help|问号
❔|white question mark|question|白色问号
❗|red exclamation mark|important warning|红色感叹号
⚠️|warning|warning caution alert|警告
🚫|prohibited|forbidden no|禁止
⛔|no entry|stop forbidden|禁止通行
🆗|OK button|ok|OK按钮
🆕|NEW button|new|NEW按钮
🆓|FREE button|free|免费
🔴|red circle|red|红色圆
🟢|green circle|green|绿色圆
🟡|yellow circle|yellow|黄色圆
🔵|blue circle|blue|蓝色圆
➡️|right arrow|arrow next|向右箭头
⬅️|left arrow|arrow back|向左箭头
⬆️|up arrow|arrow up|向上箭头
⬇️|down arrow|arrow down|向下箭头
🔄|counterclockwise arrows button|refresh retry repeat|逆时针箭头按钮
🔁|repeat button|repeat again|重复按钮
➕|plus|add plus|加
➖|minus|minus subtract|减
ℹ️|information|info|信息
🆘|SOS button|help emergency|SOS按钮
🇨🇳|flag: China|china flag|旗: 中国
🇺🇸|flag: United States|usa america flag|旗: 美国
🇬🇧|flag: United Kingdom|uk britain flag|旗: 英国
🏁|chequered flag|finish race|终点旗`;

/** Every emoji of the picker, in the order shown. */
export const EMOJI: readonly EmojiEntry[] = TABLE.split('\n').map((line) => {
  const [emoji = '', name = '', keywords = '', zh = ''] = line.split('|');
  return { emoji, name, keywords: keywords.split(' '), zh };
});

/**
 * The emoji matching `query` in English or Chinese: names and keywords starting with it
 * first, then names containing it. An empty query lists them all.
 */
export function searchEmoji(query: string): readonly EmojiEntry[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return EMOJI;
  const words = (e: EmojiEntry) => [...e.name.toLocaleLowerCase().split(/[\s:-]+/u), ...e.keywords];
  const first = EMOJI.filter((e) => e.zh.startsWith(q) || e.name.toLocaleLowerCase().startsWith(q) || words(e).some((w) => w.startsWith(q)));
  const then = EMOJI.filter((e) => !first.includes(e) && (e.name.toLocaleLowerCase().includes(q) || e.zh.includes(q)));
  return [...first, ...then];
}
