// A loopback OTLP/HTTP metrics receiver: what a collector's `otlphttp` receiver accepts on POST /v1/metrics, decoded
// from the JSON encoding the official @opentelemetry/exporter-metrics-otlp-http sends (ExportMetricsServiceRequest:
// resourceMetrics → scopeMetrics → metrics → histogram | sum | gauge → dataPoints with key/value attributes).

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPoint {
  metric: string;
  unit: string;
  kind: 'histogram' | 'sum' | 'gauge';
  attributes: Record<string, string | number | boolean>;
  /** Histograms: sum and count; sums and gauges: value. */
  sum?: number;
  count?: number;
  value?: number;
}

/**
 * How the receiver answers an export, as a collector may (OTLP/HTTP spec, "Failures"): 'ok'; 'hang' (accepts the
 * request, never answers); or a status — 503 / 429 are retryable (with Retry-After), 400 is not.
 */
export type ReceiverMode = { kind: 'ok' } | { kind: 'hang' } | { kind: 'status'; status: number; retryAfterS?: number };

export class FakeOtlpReceiver {
  readonly bodies: unknown[] = [];
  readonly resources: Array<Record<string, string | number | boolean>> = [];
  mode: ReceiverMode = { kind: 'ok' };
  /** Export requests received, whatever the answer. */
  received = 0;
  private server: http.Server | undefined;

  /** Listens on `port` (default: any free one), so a test can bring a collector back where it was. */
  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received++;
        const mode = this.mode;
        if (mode.kind === 'hang') return;
        if (mode.kind === 'status') {
          res.writeHead(mode.status, { 'content-type': 'application/json', ...(mode.retryAfterS !== undefined ? { 'retry-after': String(mode.retryAfterS) } : {}) });
          res.end(JSON.stringify({ code: mode.status === 400 ? 3 : 14, message: 'collector unavailable' }));
          return;
        }
        if (req.method !== 'POST' || req.url !== '/v1/metrics' || !/json/.test(req.headers['content-type'] ?? '')) {
          res.writeHead(415, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 3, message: `unsupported: ${req.method} ${req.url} ${req.headers['content-type']}` }));
          return;
        }
        this.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}'); // ExportMetricsServiceResponse with no partial_success
      });
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Every data point received so far, flattened. */
  points(): ReceivedPoint[] {
    const out: ReceivedPoint[] = [];
    for (const body of this.bodies as Array<{ resourceMetrics?: Array<{ resource?: { attributes?: KV[] }; scopeMetrics?: Array<{ metrics?: Metric[] }> }> }>) {
      for (const rm of body.resourceMetrics ?? []) {
        this.resources.push(attrs(rm.resource?.attributes));
        for (const sm of rm.scopeMetrics ?? []) {
          for (const m of sm.metrics ?? []) {
            const kind = m.histogram ? 'histogram' : m.sum ? 'sum' : 'gauge';
            for (const dp of (m.histogram ?? m.sum ?? m.gauge)?.dataPoints ?? []) {
              out.push({
                metric: m.name, unit: m.unit ?? '', kind, attributes: attrs(dp.attributes),
                ...(kind === 'histogram' ? { sum: dp.sum, count: Number(dp.count) } : { value: dp.asDouble ?? Number(dp.asInt) }),
              });
            }
          }
        }
      }
    }
    return out;
  }
}

interface KV { key: string; value: { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean } }
interface DataPoint { attributes?: KV[]; sum?: number; count?: string | number; asDouble?: number; asInt?: string | number }
interface Metric { name: string; unit?: string; histogram?: { dataPoints?: DataPoint[] }; sum?: { dataPoints?: DataPoint[] }; gauge?: { dataPoints?: DataPoint[] } }

function attrs(list: KV[] | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of list ?? []) {
    out[key] = value.stringValue ?? value.doubleValue ?? value.boolValue ?? Number(value.intValue);
  }
  return out;
}
