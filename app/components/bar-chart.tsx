// A horizontal bar chart drawn on the server as SVG: it needs no
// JavaScript, prints as it looks, and is named and described for screen
// readers, with the table beside it as the data's accessible alternative.

export type Bar = { label: string; value: number | null; note?: string };

const ROW = 28;
const LABEL = 220;
const WIDTH = 640;

export function BarChart({ id, title, description, bars, max = 100, unit = "%" }: { id: string; title: string; description: string; bars: Bar[]; max?: number; unit?: string }) {
  const height = Math.max(1, bars.length) * ROW + 8;
  const scale = (WIDTH - LABEL - 60) / max;
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
                {bar.value === null ? "—" : `${bar.value}${unit}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{description}</figcaption>
    </figure>
  );
}
