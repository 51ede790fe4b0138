/**
 * The vocabulary both apps share (Chinese, the default): roles, the programme's enums,
 * sign-in, common words. Each app adds its own keys (each app's src/locales) on top; en.ts must
 * have exactly these keys.
 */
const sharedZhCN = {
  app: {
    language: '语言',
    signOut: '退出登录',
    loading: '加载中…',
    notFound: '页面不存在',
    backHome: '返回首页',
  },
  login: {
    username: '登录名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入登录名',
    passwordRequired: '请输入密码',
    expired: '登录已过期，请重新登录',
    failed: '登录失败',
  },
  roles: {
    CITY_ADMIN: '市教育局管理员',
    DISTRICT_ADMIN: '区县教体局管理员',
    GROUP_LEADER: '集团校长',
    SCHOOL_STAFF: '学校管理员',
    RESEARCHER: '教研员',
    ANALYST: '数据团队',
  },
  scope: { city: '全市' },
  enums: {
    stage: { KINDERGARTEN: '幼儿园', PRIMARY: '小学', JUNIOR: '初中', NINE_YEAR: '九年一贯制' },
    locality: { URBAN: '城区', TOWN: '镇区', RURAL: '乡村' },
    indicator: {
      ASSOCIATE_OR_ABOVE: '专科及以上学历教师比例',
      BACHELOR_OR_ABOVE: '本科及以上学历教师比例',
      BACKBONE_COUNTY_OR_ABOVE: '县级及以上骨干教师比例',
    },
    baselineScope: { DISTRICT: '本区县城区', CITY: '全市城区', NONE: '无可比基准' },
    goal: {
      CONDITIONS: '优化办学条件',
      ENVIRONMENT: '营造温馨环境',
      QUALITY: '提高育人质量',
      SATISFACTION: '增进社会满意',
      STAFFING: '调节师资配备',
      SUPPORT: '开展联动帮扶',
    },
  },
  common: {
    yes: '是',
    no: '否',
    all: '全部',
    retry: '重试',
    error: '加载失败',
    empty: '暂无数据',
    save: '保存',
    saved: '已保存',
    reset: '重置',
    back: '返回',
  },
};

export default sharedZhCN;
