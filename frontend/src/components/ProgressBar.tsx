interface Props {
  value: number;
  max: number;
  label: string;
}

/** Usage against a limit; max 0 means unlimited. Turns amber at 80 % and red at 100 %. */
export function ProgressBar({ value, max, label }: Props) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  const tone = percent >= 100 ? 'over' : percent >= 80 ? 'warn' : 'ok';
  return (
    <div
      className={`progress progress-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max > 0 ? max : undefined}
      aria-valuenow={value}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
