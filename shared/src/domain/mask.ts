/**
 * The one way a child's name is masked wherever it is shown to someone who may not know it (the
 * public list, a binding the class teacher has not confirmed yet): the surname stays, the given name
 * does not, and a long name looks no longer than a short one.
 *
 *   王芳 → 王*   张小明 → 张*明   司马光 → 司马*   欧阳娜娜 → 欧阳*娜   阿依古丽·买买提 → 阿*   Emma Watson → E*
 *
 * A Han name keeps its surname (a compound surname whole, so 司马光 is not 司*光) and, when the given
 * name has two characters or more, its last character; one `*` stands for the rest whatever its
 * length. Other names (a transliterated name with a middle dot, a Latin name) keep only their first
 * letter. A name of one character is `*`.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.replace(/\s+/g, ' ').trim());
  if (chars.length <= 1) return '*';
  if (!chars.every((c) => HAN.test(c))) return `${chars[0]}*`;
  const surname = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1;
  const given = chars.slice(surname);
  return chars.slice(0, surname).join('') + '*' + (given.length >= 2 ? given[given.length - 1] : '');
}

const HAN = /^\p{Script=Han}$/u;

/** 复姓: the compound surnames of the 百家姓 still in use. */
const COMPOUND_SURNAMES = new Set(
  (
    '万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 公孙 仲孙 ' +
    '轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 子车 颛孙 端木 巫马 公西 漆雕 乐正 壤驷 公良 ' +
    '拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门 南宫 第五 独孤'
  ).split(' '),
);
