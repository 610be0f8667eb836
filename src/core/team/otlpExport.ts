// Opt-in OTLP/HTTP export of the GenAI metrics (hybrid.telemetry.otlpEndpoint, off by default): the official
// OpenTelemetry SDK and exporter, one meter, four instruments. Built only when the user sets an endpoint.

import { OTLPMetricExporterBase } from '@opentelemetry/exporter-metrics-otlp-http';
import { createOtlpHttpExportDelegate, httpAgentFactoryFromOptions } from '@opentelemetry/otlp-exporter-base/node-http';
import { JsonMetricsSerializer, MetricsExporterMetricsHelper, ProtobufMetricsSerializer, type ISerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { LedgerRecord } from '../request';
import { GENAI, measurementsOf, type Instrument } from './genaiMetrics';
import { partialSuccessOf, type PartialSuccess } from './otlpPartial';
import { tlsAdvice, tlsProblemOf } from '../route/tlsTrust';

export interface OtlpSpendOptions {
  /** The collector's base URL, e.g. http://127.0.0.1:4318 (`/v1/metrics` is added) or the full metrics URL. */
  endpoint: string;
  userId?: string;
  intervalMs?: number;
  serviceVersion?: string;
  /** Bound on one export, its retries included, and so on flush and shutdown (default 10 s). */
  exportTimeoutMs?: number;
  /** Told about each export that failed and was dropped (the output channel; never a notification). */
  log?: (message: string) => void;
}

export interface OtlpSpend {
  record(r: LedgerRecord): void;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function metricsUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith('/v1/metrics') ? trimmed : `${trimmed}/v1/metrics`;
}

export function createOtlpSpend(o: OtlpSpendOptions): OtlpSpend {
  const timeoutMs = o.exportTimeoutMs ?? 10_000;
  const collector = collectorOf(o.endpoint);
  let rejected = 0;
  const onPartial = (p: PartialSuccess): void => {
    rejected += p.rejected;
    o.log?.(p.rejected > 0
      ? `OpenTelemetry: ${collector} accepted the export but rejected ${p.rejected} data point${p.rejected === 1 ? '' : 's'} (${rejected} since start)${p.message ? `: ${p.message}` : ''}; a partial success is not sent again.`
      : `OpenTelemetry: ${collector} accepted the export with a warning: ${p.message ?? ''}`);
  };
  const exporter = new DroppingExporter(officialExporter(metricsUrl(o.endpoint), timeoutMs, onPartial), collector, o.log);
  const reader = new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: Math.max(o.intervalMs ?? 60_000, timeoutMs),
    exportTimeoutMillis: timeoutMs,
  });
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'hybrid-assistant', ...(o.serviceVersion ? { 'service.version': o.serviceVersion } : {}) }),
    readers: [reader],
  });
  const meter = provider.getMeter('hybrid-assistant');
  const instruments: Record<Instrument, { record?: (v: number, a: Record<string, string>) => void; add?: (v: number, a: Record<string, string>) => void }> = {
    tokenUsage: meter.createHistogram(GENAI.tokenUsage, { unit: '{token}', description: 'Number of input and output tokens used' }),
    duration: meter.createHistogram(GENAI.duration, { unit: 's', description: 'GenAI operation duration' }),
    timeToFirstChunk: meter.createHistogram(GENAI.timeToFirstChunk, { unit: 's', description: 'Time to receive the first chunk of a streamed answer' }),
    cost: meter.createCounter(GENAI.cost, { unit: 'USD', description: 'Cost of GenAI operations (provider usage × dated price table, or the gateway\'s own figure)' }),
  };
  // A collector that is down or hangs costs one bounded wait, never an unbounded one: the failure is logged.
  const bounded = (p: Promise<void>, extraMs: number): Promise<void> =>
    Promise.race([p.catch(() => undefined), new Promise<void>((r) => setTimeout(r, timeoutMs + extraMs).unref())]);
  return {
    record(r) {
      for (const m of measurementsOf(r, { userId: o.userId })) {
        const i = instruments[m.instrument];
        if (i.record) i.record(m.value, m.attributes); else i.add?.(m.value, m.attributes);
      }
    },
    flush: () => bounded(provider.forceFlush(), 1_000),
    // Shutdown flushes once more, then stops the exporter: two bounded waits at most.
    shutdown: () => bounded(provider.shutdown(), timeoutMs + 1_000),
  };
}

/**
 * The official OTLP/HTTP JSON metric exporter, built from its own parts so the collector's answer is read: the stock
 * one only writes a partial success to the OpenTelemetry diag logger (off unless an app installs one), so a collector
 * that drops points while answering 200 went unnoticed. A collector that answers our JSON with binary protobuf (the
 * spec says it must answer in the request's encoding; not all do) is decoded with the official protobuf decoder.
 */
function officialExporter(url: string, timeoutMs: number, onPartial: (p: PartialSuccess) => void): PushMetricExporter {
  const serializer: ISerializer<ResourceMetrics, unknown> = {
    serializeRequest: (r) => JsonMetricsSerializer.serializeRequest(r),
    deserializeResponse: (data) => {
      const json = data[firstNonSpace(data)] === 0x7b;
      const response: unknown = data.length === 0 ? {} : json ? JsonMetricsSerializer.deserializeResponse(data) : ProtobufMetricsSerializer.deserializeResponse(data);
      const partial = partialSuccessOf(response);
      if (partial) onPartial(partial);
      return response;
    },
  };
  // Built without the OTEL_EXPORTER_OTLP_* variables the legacy converter merges in: they configure another backend
  // (its headers carry that backend's key, its client certificate that machine's identity), not the collector the
  // user named in hybrid.telemetry.otlpEndpoint.
  const http = {
    url, timeoutMillis: timeoutMs, concurrencyLimit: 30, compression: 'none' as const, userAgent: undefined,
    headers: async () => ({ 'Content-Type': 'application/json' }), agentFactory: httpAgentFactoryFromOptions({ keepAlive: true }),
  };
  return new OTLPMetricExporterBase(
    createOtlpHttpExportDelegate(http, serializer, 'otlp_http_metric_exporter', MetricsExporterMetricsHelper, undefined),
    { url, timeoutMillis: timeoutMs },
  );
}

function firstNonSpace(data: Uint8Array): number {
  let i = 0;
  while (i < data.length - 1 && (data[i] === 0x20 || data[i] === 0x0a || data[i] === 0x0d || data[i] === 0x09)) i++;
  return i;
}

/** The collector's host for log lines (never credentials in its URL). */
function collectorOf(endpoint: string): string {
  try { return new URL(endpoint).host; } catch { return 'the collector'; }
}

/**
 * The official exporter, counting what it could not deliver. A failed export is dropped, not queued (the exporter
 * has no backlog and metrics are cumulative: the next export that succeeds carries the totals), so a collector that
 * is down costs neither memory nor a growing burst on its return; each drop is logged with its count.
 */
class DroppingExporter implements PushMetricExporter {
  private dropped = 0;
  constructor(private readonly inner: PushMetricExporter, private readonly collector: string, private readonly log?: (m: string) => void) {}

  export(metrics: ResourceMetrics, done: Parameters<PushMetricExporter['export']>[1]): void {
    this.inner.export(metrics, (result) => {
      if (result.code !== 0) {
        const points = metrics.scopeMetrics.reduce((n, s) => n + s.metrics.reduce((m, x) => m + x.dataPoints.length, 0), 0);
        this.dropped += points;
        this.log?.(`OpenTelemetry: export to ${this.collector} failed (${failureText(result.error, this.collector)}): ${points} data points dropped (${this.dropped} since start); cumulative totals go with the next export that succeeds.`);
      }
      done(result);
    });
  }

  forceFlush(): Promise<void> { return this.inner.forceFlush?.() ?? Promise.resolve(); }
  shutdown(): Promise<void> { return this.inner.shutdown(); }
  selectAggregationTemporality(t: Parameters<NonNullable<PushMetricExporter['selectAggregationTemporality']>>[0]): ReturnType<NonNullable<PushMetricExporter['selectAggregationTemporality']>> {
    return this.inner.selectAggregationTemporality!(t);
  }
}

/** Why an export failed, with the fix where the user has one (a certificate, the collector's size limit). */
function failureText(err: unknown, collector: string): string {
  const tls = tlsProblemOf(err);
  if (tls) return tlsAdvice(collector, tls);
  const why = (err instanceof Error ? err.message : 'failed').slice(0, 200);
  const status = (err as { code?: unknown } | undefined)?.code;
  // 413: every later export carries the same cumulative series, so it fails the same way until the limit moves.
  if (status === 413) return `${why}: the export is over the collector's request size limit — raise max_request_body_size on its otlp receiver`;
  if (typeof status === 'number' && status >= 300 && status < 400) return `${why}: the collector answered with a redirect (${status}), which is never followed — set hybrid.telemetry.otlpEndpoint to the address it names`;
  return why;
}
