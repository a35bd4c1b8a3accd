// A labelled progress bar (ARIA progressbar) used for each step and for the whole turn.
// `tone` colours it by state; an indeterminate bar pulses while no figure is known yet.

const TONE = {
  active: "bg-indigo-500",
  done: "bg-emerald-500",
  failed: "bg-rose-500",
  idle: "bg-slate-300",
} as const;

export function ProgressBar({
  value, tone = "active", label, size = "sm", indeterminate = false,
}: {
  value: number;
  tone?: keyof typeof TONE;
  label: string;
  size?: "sm" | "md";
  indeterminate?: boolean;
}) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : pct}
      className={`w-full overflow-hidden rounded-full bg-slate-200/80 ${size === "md" ? "h-2" : "h-1.5"}`}
    >
      <div
        className={`h-full rounded-full transition-[width] duration-500 ease-out ${TONE[tone]} ${indeterminate ? "animate-pulse" : ""}`}
        style={{ width: `${indeterminate ? Math.max(pct, 30) : pct}%` }}
      />
    </div>
  );
}
