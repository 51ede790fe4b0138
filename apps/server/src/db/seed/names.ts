import { Gender } from '../../modules/teacher/teacher.enums.js';
import type { Random, Weighted } from './random.js';

/** A whitespace-separated list: long lists of names stay readable (and prettier leaves them alone). */
function words(list: string): readonly string[] {
  return list.trim().split(/\s+/);
}

/** Common surnames, weighted roughly by their frequency in Shandong. */
// prettier-ignore
const SURNAMES: Weighted<string> = [
  ['王', 75], ['张', 65], ['李', 65], ['刘', 55], ['孙', 25], ['杨', 22], ['陈', 20], ['赵', 20],
  ['徐', 18], ['马', 16], ['高', 16], ['朱', 13], ['郭', 12], ['宋', 12], ['田', 10], ['董', 10],
  ['于', 10], ['韩', 9], ['吕', 8], ['周', 8], ['吴', 7], ['冯', 7], ['崔', 7], ['魏', 7],
  ['胡', 6], ['曹', 6], ['许', 6], ['孟', 6], ['石', 5], ['姜', 5], ['袁', 5], ['程', 5],
  ['路', 4], ['贾', 4], ['侯', 4], ['邢', 3], ['房', 3], ['毕', 3], ['焦', 3], ['亓', 2],
];

const GIVEN_CHARS: Record<Gender, readonly string[]> = {
  [Gender.FEMALE]: [...'丽娜静敏燕艳芳婷霞红玲梅莉雪琳慧倩晶颖洁娟萍雯佳欣悦璐琪瑶丹蕾楠月秀英凤兰茜蓓'],
  [Gender.MALE]: [...'伟强磊军勇杰涛斌超明刚平辉鹏飞鑫波浩宇凯峰亮健俊东林龙成海建志新国庆文博'],
};

/** Characters used in both men's and women's names. */
const SHARED_CHARS: readonly string[] = [...'晓文海春玉金宁立永晨子华云'];

/** A Chinese full name: surname plus one or (more often) two given-name characters. */
export function personName(rng: Random, gender: Gender): string {
  const char = () => (rng.chance(0.2) ? rng.pick(SHARED_CHARS) : rng.pick(GIVEN_CHARS[gender]));
  const given = rng.chance(0.35) ? char() : char() + char();
  return rng.weighted(SURNAMES) + given;
}

const DIRECTIONS = [...'东西南北前后大小上下'];
const NATURE = [...'石柳杨槐枣杏桑梨桃松龙凤马牛青白黄红金双'];
const LANDFORMS = [...'河泉沟峪山岭桥湖坡洼口井台园林埠'];
const SETTLEMENTS = [...'庄村屯集寨'];
/** 王家洼, 李家峪: "X家" villages also take landform and building suffixes. */
const FAMILY_SETTLEMENTS = [...SETTLEMENTS, ...'洼峪楼店'];

/**
 * A village name in the common North China patterns: 王家庄, 后李屯, 石河村. Surnames and
 * landforms combine into enough distinct names for the few hundred villages of a county.
 */
export function villageName(rng: Random): string {
  const surname = rng.weighted(SURNAMES);
  switch (rng.int(0, 2)) {
    case 0:
      return `${surname}家${rng.pick(FAMILY_SETTLEMENTS)}`;
    case 1:
      return `${rng.pick(DIRECTIONS)}${surname}${rng.pick(SETTLEMENTS)}`;
    default:
      return `${rng.pick(NATURE)}${rng.pick(LANDFORMS)}${rng.pick(SETTLEMENTS)}`;
  }
}

/** Street names common to Jinan's districts and county towns. */
export const ROADS = words(`
  经十路 历山路 文化路 山大路 和平路 解放路 花园路 建设路 青年路 人民路 胜利路 振兴路 泉城路 明湖路
  舜耕路 英雄山路 工业路 北园路 堤口路 纬二路 经四路 黄河路 东山路 凤凰路 龙山路 汇泉路 银河路 燕山路
  千佛山路 朝阳路 民生路 育才路 府前路 新华路 光明路 长安路 泰山路 金山路 滨河路 学府路 站前路 兴隆路
  玉泉路 清河路 开元路 富民路 幸福路 政通路 实验路 春晖路 文化东路 文化西路 山师东路 趵突泉路 历下路
  共青团路 馆驿街 大纬二路 济泺路 生产路 华龙路 花园庄路 桑园路 七里河路 奥体中路 新泺大街 舜华路
  工业北路 港沟路 旅游路
`);

/** Residential compounds (小区) that urban kindergartens are named after: 阳光花园, 书香雅苑. */
const COMPOUND_PREFIXES = words(`
  阳光 锦绣 泉景 龙泉 金色 幸福 和谐 明珠 翠屏 紫薇 玉兰 海棠 丁香 银杏 御园
  东方 世纪 盛世 祥和 康桥 书香 山水 泉城 绿洲 春天 黎明 荷花 柳岸 碧水 青年
`);
const COMPOUND_SUFFIXES = words('花园 家园 新城 雅苑 嘉园 华庭 小区 佳苑 名居 社区');

export function compoundName(rng: Random): string {
  return rng.pick(COMPOUND_PREFIXES) + rng.pick(COMPOUND_SUFFIXES);
}

const DIGITS = [...'零一二三四五六七八九'];

/** 1 → 一, 12 → 十二, 35 → 三十五, 105 → 一百零五 (1–999), as in 第十二小学 or 第一百零五分校. */
export function chineseNumeral(n: number): string {
  if (n >= 100) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : `${rest < 20 ? '一' : ''}${chineseNumeral(rest)}`;
    return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}十${ones ? DIGITS[ones] : ''}`;
}
