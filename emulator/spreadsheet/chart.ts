// Embedded charts, minimally: a chart is its ranges, type, position and options. Nothing is drawn.
import { rangeArg } from './args';
import type { Ctx } from './context';
import { asEnum, enumName } from './enums';
import {
  ChartOptions_METHODS,
  ContainerInfo_METHODS,
  EmbeddedChartBuilder_METHODS,
  EmbeddedChart_METHODS,
} from './gas-names';
import type { ChartModel, RangeRef, SheetModel } from './model';
import { notEmulatedBase } from './not-emulated';

type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A chart's content; `id` is null until Sheet.insertChart puts it on a sheet. */
export type ChartState = Omit<ChartModel, 'id'> & { id: number | null };

export function copyChart(s: ChartState): ChartState {
  return {
    id: s.id,
    ranges: s.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    chartType: s.chartType,
    anchor: { ...s.anchor },
    options: { ...s.options },
  };
}

function rangesForScript(ctx: Ctx, refs: readonly RangeRef[]): Range[] {
  return ctx.rec.toScript(refs.map((r) => ctx.range(r.sheet, { ...r.rect })));
}

class EmuContainerInfo extends notEmulatedBase<GoogleAppsScript.Spreadsheet.ContainerInfo>(
  'ContainerInfo',
  ContainerInfo_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    private readonly anchor: ChartState['anchor'],
  ) {
    super();
  }

  override getAnchorColumn(): number {
    return this.ctx.rec.call('ContainerInfo.getAnchorColumn', () => this.anchor.column);
  }

  override getAnchorRow(): number {
    return this.ctx.rec.call('ContainerInfo.getAnchorRow', () => this.anchor.row);
  }

  override getOffsetX(): number {
    return this.ctx.rec.call('ContainerInfo.getOffsetX', () => this.anchor.offsetX);
  }

  override getOffsetY(): number {
    return this.ctx.rec.call('ContainerInfo.getOffsetY', () => this.anchor.offsetY);
  }
}

class EmuChartOptions extends notEmulatedBase<GoogleAppsScript.Charts.ChartOptions>(
  'ChartOptions',
  ChartOptions_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    private readonly options: Record<string, unknown>,
  ) {
    super();
  }

  override get(option: string): unknown {
    return this.ctx.rec.call('ChartOptions.get', () =>
      this.ctx.rec.toScript(this.options[option] ?? null),
    );
  }
}

export class EmuEmbeddedChart extends notEmulatedBase<Chart>(
  'EmbeddedChart',
  EmbeddedChart_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    /** The live model for a chart on a sheet, or a detached state from build(). */
    readonly state: ChartState,
  ) {
    super();
  }

  override getChartId(): number | null {
    return this.ctx.rec.call('EmbeddedChart.getChartId', () => this.state.id);
  }

  override getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return this.ctx.rec.call(
      'EmbeddedChart.getContainerInfo',
      () => new EmuContainerInfo(this.ctx, { ...this.state.anchor }),
    );
  }

  override getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return this.ctx.rec.call(
      'EmbeddedChart.getOptions',
      () => new EmuChartOptions(this.ctx, { ...this.state.options }),
    );
  }

  override getRanges(): Range[] {
    return this.ctx.rec.call('EmbeddedChart.getRanges', () =>
      rangesForScript(this.ctx, this.state.ranges),
    );
  }

  override modify(): ChartBuilder {
    return this.ctx.rec.call(
      'EmbeddedChart.modify',
      () => new EmuEmbeddedChartBuilder(this.ctx, copyChart(this.state)),
    );
  }
}

export class EmuEmbeddedChartBuilder extends notEmulatedBase<ChartBuilder>(
  'EmbeddedChartBuilder',
  EmbeddedChartBuilder_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    private readonly state: ChartState = {
      id: null,
      ranges: [],
      chartType: null,
      anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    },
  ) {
    super();
  }

  private step(method: string, change: () => void): ChartBuilder {
    return this.ctx.rec.call(`EmbeddedChartBuilder.${method}`, () => {
      change();
      return this;
    });
  }

  override addRange(range: Range): ChartBuilder {
    return this.step('addRange', () => {
      const r = rangeArg('EmbeddedChartBuilder.addRange', range);
      this.state.ranges.push({ sheet: r.sheetModel, rect: { ...r.rect } });
    });
  }

  override removeRange(range: Range): ChartBuilder {
    return this.step('removeRange', () => {
      const r = rangeArg('EmbeddedChartBuilder.removeRange', range);
      const same = (x: RangeRef): boolean =>
        x.sheet === r.sheetModel && JSON.stringify(x.rect) === JSON.stringify(r.rect);
      this.state.ranges = this.state.ranges.filter((x) => !same(x));
    });
  }

  override clearRanges(): ChartBuilder {
    return this.step('clearRanges', () => (this.state.ranges = []));
  }

  override getRanges(): Range[] {
    return this.ctx.rec.call('EmbeddedChartBuilder.getRanges', () =>
      rangesForScript(this.ctx, this.state.ranges),
    );
  }

  override setChartType(type: GoogleAppsScript.Charts.ChartType): ChartBuilder {
    return this.step('setChartType', () => (this.state.chartType = enumName(type)));
  }

  override getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.ctx.rec.call('EmbeddedChartBuilder.getChartType', () =>
      asEnum<GoogleAppsScript.Charts.ChartType>(this.state.chartType ?? ''),
    );
  }

  override setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): ChartBuilder {
    return this.step('setPosition', () => {
      this.state.anchor = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    });
  }

  override getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return this.ctx.rec.call(
      'EmbeddedChartBuilder.getContainer',
      () => new EmuContainerInfo(this.ctx, { ...this.state.anchor }),
    );
  }

  override setOption(option: string, value: unknown): ChartBuilder {
    return this.step('setOption', () => (this.state.options[option] = value));
  }

  override build(): Chart {
    return this.ctx.rec.call(
      'EmbeddedChartBuilder.build',
      () => new EmuEmbeddedChart(this.ctx, copyChart(this.state)),
    );
  }
}

/** The chart state behind a script's EmbeddedChart argument. */
export function chartArg(chart: unknown): ChartState {
  if (!(chart instanceof EmuEmbeddedChart)) throw new Error('not emulated: a chart from elsewhere');
  return chart.state;
}

/** Stores a built chart on `sheet` with a new id; its ranges then follow row/column edits. */
export function insertChartModel(sheet: SheetModel, state: ChartState): ChartModel {
  const wb = sheet.workbook;
  const model: ChartModel = {
    ...copyChart(state),
    id: wb.newChartId(),
    ranges: state.ranges.map((r) => wb.anchor({ sheet: r.sheet, rect: { ...r.rect } })),
  };
  sheet.charts.push(model);
  return model;
}
