// Number formatting shared by the chat footer and the spend panel. Pure, so it is unit-tested in Node.

export { formatAnswerCost, formatCost, formatEstimate, formatSpent, formatUsd, plural } from '../../shared/money';

export function formatMs(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v < 1000) return `${Math.round(v)} ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(1)} s`;
  return `${Math.floor(v / 60_000)} min ${Math.round((v % 60_000) / 1000)} s`;
}

export function formatCount(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v < 1000) return String(Math.round(v));
  if (v < 1_000_000) return `${(v / 1000).toFixed(v < 10_000 ? 1 : 0)}k`;
  return `${(v / 1_000_000).toFixed(1)}M`;
}

export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '—';
  return `${Math.round((part / whole) * 100)}%`;
}

/** "2026-11-22T13:49:18Z" → "13:49" today, else "Nov 21 13:49" (in the user's zone). */
export function formatTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 16);
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  if (d.toDateString() === now.toDateString()) return hm;
  return `${d.toLocaleString('en-US', { month: 'short' })} ${d.getDate()} ${hm}`;
}

export function redactionSummary(r: Record<string, number> | undefined): string {
  if (!r) return '';
  const parts = Object.entries(r).filter(([, n]) => n > 0).map(([k, n]) => `${k} ×${n}`);
  return parts.join(', ');
}
