// Apache ECharts, with only the parts LabGate draws: imported from echarts/core so the bundle carries bar, line and
// heat-map charts and nothing else. Screens that draw charts are loaded on demand (app/routes), so this code is
// fetched only by them.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent,
  SVGRenderer]);

export type ChartOption = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | HeatmapSeriesOption | GridComponentOption
  | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption>;

export { echarts };
