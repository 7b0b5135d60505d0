/**
 * The timeline: partnerships begun per month as a histogram, a date-range
 * filter (a month field and a slider for each end) that selects the
 * partnerships active in the range, and Play, which steps month by month
 * through that range with a running count, then puts the range back.
 */
import type { Histogram } from '../time/histogram';
import { formatMonth, monthLabel, shortMonthLabel } from '../time/months';
import type { Month } from '../core/periods';
import { editRange, parseMonthInput, playMonths, playStepMs, type MonthRange } from '../time/range';
import { h } from './dom';
import { formatInt } from './format';
import { ATLAS_LAST_MONTH } from '../data/coverage';
import { agenciesLabel } from './labels';
import { MSG } from '../i18n/messages';

const SVG = 'http://www.w3.org/2000/svg';

export interface RangeOptions {
  /** A frame of Play: not a choice of the visitor's (no announcement, no link). */
  transient?: boolean;
  /** Back to a state the link already holds: no new history entry. */
  replace?: boolean;
}

export interface TimelineCallbacks {
  onRange(from: Month | null, to: Month | null, opts?: RangeOptions): void;
}

interface End {
  field: HTMLInputElement;
  slider: HTMLInputElement;
}

export class Timeline {
  private svg: SVGSVGElement;
  private ends: Record<'from' | 'to', End>;
  private play: HTMLButtonElement;
  private running: HTMLElement;
  private scope: HTMLElement;
  private timer = 0;
  /** While Play runs: the range as the visitor chose it, which Play shows month by month and then restores. */
  private held: MonthRange | null = null;
  private frame: Month | null = null;
  private from: Month | null = null;
  private to: Month | null = null;
  private shown = 0;
  /** What the bars last drawn show (counts, colours, Play's month): a click that changes none of it redraws nothing. */
  private barsKey = '';

  constructor(
    root: HTMLElement,
    private min: Month,
    private max: Month,
    private colorOf: (m: Month) => string,
    private cb: TimelineCallbacks,
    private reducedMotion: () => boolean,
  ) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'histogram');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('preserveAspectRatio', 'none');
    this.ends = { from: this.makeEnd('from'), to: this.makeEnd('to') };
    this.play = h('button', { type: 'button', class: 'play' }, MSG.play);
    this.running = h('p', { class: 'running', 'aria-live': 'off' });
    this.scope = h('p', { class: 'timeline-scope muted' }, MSG.timelineUndatedOut);
    this.scope.hidden = true;
    this.play.addEventListener('click', () => (this.playing ? this.stop({ restore: true }) : this.start()));
    const reset = h('button', { type: 'button', class: 'link-button' }, MSG.allDates);
    reset.addEventListener('click', () => {
      this.stop();
      this.cb.onRange(null, null);
    });
    const row = (end: 'from' | 'to', label: string) =>
      h('div', { class: 'timeline-end' },
        h('label', { for: `timeline-${end}-month` }, label),
        this.ends[end].field,
        this.ends[end].slider,
      );
    root.replaceChildren(
      h('div', { class: 'timeline-head' },
        h('h2', { class: 'panel-title' }, MSG.timelineTitle),
        this.play,
        this.running,
      ),
      this.svg,
      h('div', { class: 'timeline-controls' }, h('div', { class: 'timeline-ends' }, row('from', MSG.rangeFrom), row('to', MSG.rangeTo)), reset),
      this.scope,
      h('p', { class: 'coverage-note muted' }, MSG.coverage),
    );
  }

  /** A month field (to type a month) and a slider (pointer and arrow keys, a month per step) for one end. */
  private makeEnd(end: 'from' | 'to'): End {
    const field = h('input', {
      type: 'month', id: `timeline-${end}-month`, min: formatMonth(this.min), max: formatMonth(this.max),
      // Browsers without a month picker show a text field: an example month shows the format, in any language.
      placeholder: formatMonth(this.max), autocomplete: 'off', class: 'month-field',
    });
    const slider = h('input', {
      type: 'range', id: `timeline-${end}`, class: 'month-slider', min: this.min, max: this.max, step: 1,
      'aria-label': end === 'from' ? MSG.activeFrom : MSG.activeUpTo,
    });
    slider.addEventListener('input', () => this.edit(end, Number(slider.value)));
    // A typed month applies once it is a month of the data: the year "2019" passes through 0002, 0020 and 0201 as it is typed.
    const typed = () => {
      const m = parseMonthInput(field.value);
      return m !== null && m >= this.min && m <= this.max ? m : null;
    };
    field.addEventListener('change', () => {
      const m = typed();
      if (m !== null) this.edit(end, m);
    });
    // Left emptied, unreadable or outside the data: the field shows the range again.
    field.addEventListener('blur', () => {
      if (typed() === null) this.showRange();
    });
    return { field, slider };
  }

  private edit(end: 'from' | 'to', value: Month): void {
    // A range the visitor sets while Play runs replaces the one Play would restore.
    const base = this.held ?? { from: this.from, to: this.to };
    this.stop();
    const r = editRange(end, value, base, this.min, this.max);
    this.cb.onRange(r.from, r.to);
  }

  get playing(): boolean {
    return this.held !== null;
  }

  /** While Play runs, the range it will restore (what a link should carry); otherwise null. */
  heldRange(): MonthRange | null {
    return this.held ? { ...this.held } : null;
  }

  render(hist: Histogram, from: Month | null, to: Month | null, shown: number): void {
    this.from = from;
    this.to = to;
    this.shown = shown;
    // While Play runs the controls keep the chosen range; the frame is on the histogram, the stamp and the count.
    this.showRange();
    this.drawBars(hist);
    const range = this.held ?? { from, to };
    const n = agenciesLabel(shown);
    if (this.held && this.frame !== null) this.running.textContent = MSG.timelinePlaying(monthLabel(this.frame), n, monthLabel(range.from ?? this.min), monthLabel(range.to ?? this.max));
    else if (from !== null || to !== null) this.running.textContent = MSG.timelineSelects(monthLabel(from ?? this.min), monthLabel(to ?? this.max), n);
    else this.running.textContent = MSG.timelineAllDates(n);
    // A date range (and every frame of Play) leaves out the agencies without a documented start.
    this.scope.hidden = !(this.held || from !== null || to !== null);
  }

  private showRange(): void {
    const r = this.held ?? { from: this.from, to: this.to };
    const values = { from: r.from ?? this.min, to: r.to ?? this.max };
    for (const end of ['from', 'to'] as const) {
      const { field, slider } = this.ends[end];
      const m = values[end];
      slider.value = String(m);
      slider.setAttribute('aria-valuetext', monthLabel(m));
      // A field being typed in is left alone (it catches up on blur).
      if (document.activeElement !== field) field.value = formatMonth(m);
    }
  }

  private drawBars(hist: Histogram): void {
    const n = this.max - this.min + 1;
    const W = 1000, H = 100, AX = 16;
    let peak = 1;
    for (const c of hist.counts) if (c > peak) peak = c;
    const bw = W / n;
    const range = this.held ?? { from: this.from, to: this.to };
    const lo = range.from ?? this.min, hi = range.to ?? this.max;
    const fills: string[] = [];
    for (let k = 0; k < n; k++) {
      const m = this.min + k;
      const c = hist.counts[m - hist.from] ?? 0;
      fills.push(c ? `${c}${m >= lo && m <= hi ? this.colorOf(m) : ''}` : '');
    }
    const key = `${this.held && this.frame !== null ? this.frame : ''}|${fills.join(',')}`;
    if (key === this.barsKey) return;
    this.barsKey = key;
    const parts: Element[] = [];
    // Where the Atlas export ends, counts thin because coverage does: shade it so it does not read as a decline.
    if (ATLAS_LAST_MONTH < this.max) {
      const x0 = Math.max(0, (ATLAS_LAST_MONTH + 1 - this.min) * bw);
      const band = document.createElementNS(SVG, 'rect');
      band.setAttribute('x', String(x0));
      band.setAttribute('y', '0');
      band.setAttribute('width', String(W - x0));
      band.setAttribute('height', String(H - AX));
      band.setAttribute('class', 'coverage-band');
      const t = document.createElementNS(SVG, 'title');
      t.textContent = MSG.coverage;
      band.append(t);
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', String(x0 + 4));
      label.setAttribute('y', '12');
      label.setAttribute('class', 'coverage-label');
      label.textContent = MSG.coverageBand;
      parts.push(band, label);
    }
    // The month Play shows: a band behind its bar.
    if (this.held && this.frame !== null) {
      const mark = document.createElementNS(SVG, 'rect');
      mark.setAttribute('x', String((this.frame - this.min) * bw));
      mark.setAttribute('y', '0');
      mark.setAttribute('width', String(Math.max(2, bw)));
      mark.setAttribute('height', String(H - AX));
      mark.setAttribute('class', 'playhead');
      parts.push(mark);
    }
    for (let k = 0; k < n; k++) {
      const m = this.min + k;
      const c = hist.counts[m - hist.from] ?? 0;
      if (!c) continue;
      const bh = ((H - AX) * c) / peak;
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', String(k * bw + 0.5));
      r.setAttribute('y', String(H - AX - bh));
      r.setAttribute('width', String(Math.max(1, bw - 1)));
      r.setAttribute('height', String(bh));
      r.setAttribute('fill', m >= lo && m <= hi ? this.colorOf(m) : '#d5d2cc');
      const t = document.createElementNS(SVG, 'title');
      t.textContent = `${monthLabel(m)}: ${formatInt(c)}`;
      r.append(t);
      parts.push(r);
    }
    for (let y = Math.ceil(this.min / 12); y * 12 <= this.max; y++) {
      const x = (y * 12 - this.min) * bw;
      const tick = document.createElementNS(SVG, 'line');
      tick.setAttribute('x1', String(x));
      tick.setAttribute('x2', String(x));
      tick.setAttribute('y1', String(H - AX));
      tick.setAttribute('y2', String(H - AX + 4));
      tick.setAttribute('stroke', '#777');
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', String(x + 3));
      label.setAttribute('y', String(H - 2));
      label.setAttribute('class', 'axis-label');
      label.textContent = String(y);
      parts.push(tick, label);
    }
    this.svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    this.svg.setAttribute('aria-label', MSG.histogramLabel(shortMonthLabel(this.min), shortMonthLabel(this.max), formatInt(peak)));
    this.svg.replaceChildren(...parts);
  }

  start(): void {
    if (this.playing) return;
    if (this.reducedMotion()) {
      // Respect the reduced-motion preference: no animation, and the filters stay as they are.
      this.running.textContent = MSG.reducedMotion;
      return;
    }
    const range = { from: this.from, to: this.to };
    const months = playMonths(range, this.min, this.max);
    if (!months.length) return;
    const ms = playStepMs(months.length);
    this.held = range;
    this.play.textContent = MSG.stop;
    let k = 0;
    // Each frame shows the partnerships active that month: joins appear, ends disappear.
    const step = () => {
      if (k >= months.length) {
        this.stop({ restore: true, finished: true });
        return;
      }
      this.frame = months[k++];
      this.cb.onRange(this.frame, this.frame, { transient: true });
      this.timer = window.setTimeout(step, ms);
    };
    step();
  }

  /**
   * Ends Play. `restore`: the range goes back to what it was before Play (a
   * visitor's Stop, or the end of the run); without it (a link being
   * restored, a new range chosen) whatever comes next sets the filters.
   */
  stop(opts: { restore?: boolean; finished?: boolean } = {}): void {
    window.clearTimeout(this.timer);
    const held = this.held;
    if (!held) return;
    this.held = null;
    this.frame = null;
    this.play.textContent = MSG.play;
    if (!opts.restore) return;
    this.cb.onRange(held.from, held.to, { replace: true });
    this.running.textContent = (opts.finished ? MSG.playFinished : MSG.playStopped)(agenciesLabel(this.shown));
  }
}
