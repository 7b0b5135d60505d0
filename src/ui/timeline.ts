/**
 * The timeline: partnerships per month as a histogram, a date-range filter
 * (two labelled sliders) and a play button that animates the spread month
 * by month with a running count.
 */
import type { Histogram } from '../time/histogram';
import { monthLabel, shortMonthLabel } from '../time/months';
import type { Month } from '../time/months';
import { h } from './dom';
import { formatInt } from './format';
import { ATLAS_LAST_MONTH } from '../data/coverage';
import { agenciesLabel } from './labels';
import { MSG } from '../i18n/messages';

const SVG = 'http://www.w3.org/2000/svg';
const MS_PER_MONTH = 140;

export interface TimelineCallbacks {
  onRange(from: Month | null, to: Month | null, opts?: { transient?: boolean }): void;
}

export class Timeline {
  private svg: SVGSVGElement;
  private fromInput: HTMLInputElement;
  private toInput: HTMLInputElement;
  private fromOut: HTMLOutputElement;
  private toOut: HTMLOutputElement;
  private play: HTMLButtonElement;
  private running: HTMLElement;
  private timer = 0;
  private playing = false;
  private from: Month | null = null;
  private to: Month | null = null;
  private shown = 0;

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
    const mk = (id: string, label: string, value: number) => {
      const input = h('input', { type: 'range', id, min, max, step: 1, value, 'aria-label': label });
      return input;
    };
    this.fromInput = mk('timeline-from', MSG.activeFrom, min);
    this.toInput = mk('timeline-to', MSG.activeUpTo, max);
    this.fromOut = h('output', { for: 'timeline-from' });
    this.toOut = h('output', { for: 'timeline-to' });
    this.play = h('button', { type: 'button', class: 'play' }, MSG.play);
    this.running = h('p', { class: 'running', 'aria-live': 'off' });
    const onInput = () => {
      this.stop();
      let a = Number(this.fromInput.value), b = Number(this.toInput.value);
      if (a > b) [a, b] = [b, a];
      const from = a <= min ? null : a;
      const to = b >= max ? null : b;
      this.cb.onRange(from, to);
    };
    this.fromInput.addEventListener('input', onInput);
    this.toInput.addEventListener('input', onInput);
    this.play.addEventListener('click', () => (this.playing ? this.stop() : this.start()));
    const reset = h('button', { type: 'button', class: 'link-button' }, MSG.allDates);
    reset.addEventListener('click', () => {
      this.stop();
      this.cb.onRange(null, null);
    });
    root.replaceChildren(
      h('div', { class: 'timeline-head' },
        h('h2', { class: 'panel-title' }, MSG.timelineTitle),
        this.play,
        this.running,
      ),
      this.svg,
      h('div', { class: 'timeline-controls' },
        h('label', { for: 'timeline-from' }, MSG.fromLabel, this.fromOut), this.fromInput,
        h('label', { for: 'timeline-to' }, MSG.toLabel, this.toOut), this.toInput,
        reset,
      ),
      h('p', { class: 'coverage-note muted' }, MSG.coverage),
    );
  }

  render(hist: Histogram, from: Month | null, to: Month | null, shown: number): void {
    this.from = from;
    this.to = to;
    this.shown = shown;
    this.fromInput.value = String(from ?? this.min);
    this.toInput.value = String(to ?? this.max);
    this.fromOut.textContent = monthLabel(from ?? this.min);
    this.toOut.textContent = monthLabel(to ?? this.max);
    this.fromInput.setAttribute('aria-valuetext', monthLabel(from ?? this.min));
    this.toInput.setAttribute('aria-valuetext', monthLabel(to ?? this.max));
    this.drawBars(hist);
    const n = agenciesLabel(shown);
    if (from !== null) this.running.textContent = MSG.runningRange(monthLabel(from), monthLabel(to ?? this.max), n);
    else if (this.playing || to !== null) this.running.textContent = MSG.runningBy(monthLabel(to ?? this.max), n);
    else this.running.textContent = '';
  }

  private drawBars(hist: Histogram): void {
    const n = this.max - this.min + 1;
    const W = 1000, H = 100, AX = 16;
    let peak = 1;
    for (const c of hist.counts) if (c > peak) peak = c;
    const bw = W / n;
    const lo = this.from ?? this.min, hi = this.to ?? this.max;
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
    if (this.reducedMotion()) {
      // Respect the reduced-motion preference: no animation, and the filters stay as they are.
      this.running.textContent = MSG.reducedMotion;
      return;
    }
    this.playing = true;
    this.play.textContent = MSG.pause;
    // Each frame shows the partnerships active that month: joins appear, ends disappear.
    let m = this.from ?? this.min;
    // Playing to the end puts the filters back as they were: no hidden "to" that drops the undated agencies.
    const before = { from: this.from, to: this.to };
    const step = () => {
      if (m >= this.max) {
        this.stop();
        this.cb.onRange(before.from, before.to);
        this.running.textContent = MSG.playFinished(agenciesLabel(this.shown));
        return;
      }
      this.cb.onRange(m, m, { transient: true });
      m++;
      this.timer = window.setTimeout(step, MS_PER_MONTH);
    };
    step();
  }

  stop(): void {
    window.clearTimeout(this.timer);
    if (!this.playing) return;
    this.playing = false;
    this.play.textContent = MSG.play;
  }
}

