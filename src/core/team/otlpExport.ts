// Opt-in OTLP/HTTP export of the GenAI metrics (hybrid.telemetry.otlpEndpoint, off by default): the official
// OpenTelemetry SDK and exporter, one meter, four instruments. Built only when the user sets an endpoint.

import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { LedgerRecord } from '../request';
import { GENAI, measurementsOf, type Instrument } from './genaiMetrics';

export interface OtlpSpendOptions {
  /** The collector's base URL, e.g. http://127.0.0.1:4318 (`/v1/metrics` is added) or the full metrics URL. */
  endpoint: string;
  userId?: string;
  intervalMs?: number;
  serviceVersion?: string;
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
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: metricsUrl(o.endpoint) }),
    exportIntervalMillis: o.intervalMs ?? 60_000,
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
  return {
    record(r) {
      for (const m of measurementsOf(r, { userId: o.userId })) {
        const i = instruments[m.instrument];
        if (i.record) i.record(m.value, m.attributes); else i.add?.(m.value, m.attributes);
      }
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
