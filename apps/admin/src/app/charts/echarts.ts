/**
 * ECharts, tree-shaken: only the charts, components and renderer the console draws with, so
 * the dashboard's chunk carries no map, pie or 3D code. Add a chart type here before using it.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** The options the registered pieces accept: a chart type not registered above fails typecheck. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** antd's default palette, so charts and tags agree (blue primary, green success, orange warning). */
export const CHART_COLORS = {
  primary: '#1677ff',
  success: '#52c41a',
  warning: '#faad14',
  danger: '#ff4d4f',
  muted: '#bfbfbf',
  target: '#fa541c',
} as const;

export const THEME = 'zhuji';
echarts.registerTheme(THEME, {
  color: [CHART_COLORS.primary, '#13c2c2', CHART_COLORS.success, CHART_COLORS.warning, '#722ed1', '#eb2f96'],
  backgroundColor: 'transparent',
  textStyle: {
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif",
  },
  categoryAxis: { axisLine: { lineStyle: { color: '#d9d9d9' } }, axisLabel: { color: 'rgba(0,0,0,0.65)' } },
  valueAxis: { splitLine: { lineStyle: { color: '#f0f0f0' } }, axisLabel: { color: 'rgba(0,0,0,0.45)' } },
});

export { echarts };
