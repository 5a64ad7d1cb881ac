// A horizontal bar chart drawn on the server as SVG: it needs no
// JavaScript, prints as it looks, and is named and described for screen
// readers, with the table beside it as the data's accessible alternative.

import { useI18n } from "~/i18n/context";
import { formatPercent } from "~/utils/format";

export type Bar = { label: string; value: number | null; note?: string };

const ROW = 28;
const LABEL = 220;
const WIDTH = 640;

/** Shares in percent (0–100), one bar each. */
export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: Bar[] }) {
  const { locale } = useI18n();
  const height = Math.max(1, bars.length) * ROW + 8;
  const scale = (WIDTH - LABEL - 60) / 100;
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          const length = bar.value === null ? 0 : Math.max(1, bar.value * scale);
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" className="chart__label">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              <rect x={LABEL} y={y + 4} width={length} height={ROW - 10} className="chart__bar" />
              <text x={LABEL + length + 6} y={y + ROW / 2 + 4} className="chart__value">
                {bar.value === null ? "—" : formatPercent(locale, bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{description}</figcaption>
    </figure>
  );
}

export type Point = { label: string; value: number | null };

/** A line over time (0–100 %), drawn on the server like the bars, with the same naming. */
export function LineChart({ id, title, description, points }: { id: string; title: string; description: string; points: Point[] }) {
  const { locale } = useI18n();
  const height = 220;
  const left = 40;
  const bottom = 30;
  const step = points.length > 1 ? (WIDTH - left - 20) / (points.length - 1) : 0;
  const y = (value: number) => 10 + (height - bottom - 10) * (1 - value / 100);
  const known = points.map((point, index) => ({ ...point, x: left + index * step })).filter((point) => point.value !== null);
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, 50, 100].map((mark) => (
          <g key={mark}>
            <line x1={left} x2={WIDTH - 10} y1={y(mark)} y2={y(mark)} className="chart__grid" />
            <text x={left - 6} y={y(mark) + 4} textAnchor="end" className="chart__label">
              {formatPercent(locale, mark)}
            </text>
          </g>
        ))}
        <polyline points={known.map((point) => `${point.x},${y(point.value!)}`).join(" ")} className="chart__line" />
        {known.map((point) => (
          <circle key={point.label} cx={point.x} cy={y(point.value!)} r={4} className="chart__dot" />
        ))}
        {points.map((point, index) => (
          <text key={point.label} x={left + index * step} y={height - 8} textAnchor="middle" className="chart__label">
            {point.label}
          </text>
        ))}
      </svg>
      <figcaption className="hint">{description}</figcaption>
    </figure>
  );
}
