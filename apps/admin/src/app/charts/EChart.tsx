import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, THEME, type ChartOption } from './echarts';

/** What a click on a figure reports: the category (x or y axis label) and the series. */
export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
  name: string;
}

/**
 * One ECharts chart that fills its container's width and follows it when the layout
 * changes (ResizeObserver), themed like antd, with ECharts' own texts (tooltips, aria) in
 * the console's language. `onClick` makes every figure a link to the records behind it.
 *
 * Once drawn, the container carries `data-ready="true"` and, for the first series,
 * `data-points`: each figure's centre in pixels relative to the container, so a test (or
 * the load benchmark) can wait for the chart and click a bar like a user does.
 */
export function EChart(props: {
  option: ChartOption;
  height?: number;
  onClick?: (click: ChartClick) => void;
  /** a sentence describing the chart for screen readers */
  label: string;
  'data-testid'?: string;
}) {
  const { i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onClick = useRef(props.onClick);
  useEffect(() => {
    onClick.current = props.onClick;
  });
  const locale = i18n.language.startsWith('zh') ? 'ZH' : 'EN';

  // A new instance per language: ECharts reads its locale at init only.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = echarts.init(el, THEME, { renderer: 'svg', locale });
    chart.current = instance;
    instance.on('click', (params) => {
      onClick.current?.({
        dataIndex: params.dataIndex,
        seriesIndex: params.seriesIndex ?? 0,
        name: params.name,
      });
    });
    instance.on('finished', () => {
      el.dataset.points = JSON.stringify(figureCentres(instance));
      el.dataset.ready = 'true';
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      delete el.dataset.ready;
    };
  }, [locale]);

  useEffect(() => {
    // A short entrance: the figures are what matters, and `finished` (data-ready) follows it.
    chart.current?.setOption({ aria: { enabled: true }, animationDuration: 300, ...props.option }, { notMerge: true });
  }, [props.option, locale]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={props.label}
      data-testid={props['data-testid']}
      style={{ width: '100%', height: props.height ?? 280, cursor: props.onClick ? 'pointer' : undefined }}
    />
  );
}

/** The centre of each drawn figure of the first series, as [x, y] in container pixels. */
function figureCentres(instance: echarts.ECharts): [number, number][] {
  const points: [number, number][] = [];
  // getViewOfSeriesModel is internal; the layout of each data item is public through
  // convertToPixel only for points, so read the bars' rectangles from the series data.
  type Layout = { x: number; y: number; width?: number; height?: number };
  const model = (
    instance as unknown as {
      getModel(): {
        getSeriesByIndex(
          i: number,
        ): { getData(): { count(): number; getItemLayout(i: number): Layout | number[] | null } } | null;
      };
    }
  )
    .getModel()
    .getSeriesByIndex(0);
  if (!model) return points;
  const data = model.getData();
  for (let i = 0; i < data.count(); i++) {
    const layout = data.getItemLayout(i);
    if (!layout) continue;
    if (Array.isArray(layout)) points.push([Math.round(layout[0]), Math.round(layout[1])]);
    else points.push([Math.round(layout.x + (layout.width ?? 0) / 2), Math.round(layout.y + (layout.height ?? 0) / 2)]);
  }
  return points;
}
