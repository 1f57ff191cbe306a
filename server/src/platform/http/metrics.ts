import type { App } from './types.ts';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

/** Prometheus text metrics without a dependency: request counts, latency histogram, errors, plus module gauges. */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Series>();
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const routeKey = `method="${method}",route="${route}"`;
    let series = this.latency.get(routeKey);
    if (!series) {
      series = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.latency.set(routeKey, series);
    }
    series.count += 1;
    series.sum += seconds;
    BUCKETS.forEach((limit, i) => {
      if (seconds <= limit) series.buckets[i] += 1;
    });
  }

  /** For modules: e.g. increment('matriz_tickets_sold_total', 'Tickets sold', {module:'lottery'}). */
  increment(name: string, help: string, labels: Record<string, string> = {}, by = 1): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = { help, values: new Map() };
      this.counters.set(name, counter);
    }
    const key = Object.entries(labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',');
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }

  render(): string {
    const lines: string[] = [];
    lines.push(
      '# HELP matriz_http_requests_total HTTP requests by route and status',
      '# TYPE matriz_http_requests_total counter',
    );
    for (const [key, value] of this.requests) lines.push(`matriz_http_requests_total{${key}} ${value}`);
    lines.push(
      '# HELP matriz_http_errors_total HTTP responses with status >= 500',
      '# TYPE matriz_http_errors_total counter',
    );
    let errors = 0;
    for (const [key, value] of this.requests) if (/status="5/.test(key)) errors += value;
    lines.push(`matriz_http_errors_total ${errors}`);
    lines.push(
      '# HELP matriz_http_request_duration_seconds Request latency',
      '# TYPE matriz_http_request_duration_seconds histogram',
    );
    for (const [key, series] of this.latency) {
      BUCKETS.forEach((limit, i) => {
        lines.push(`matriz_http_request_duration_seconds_bucket{${key},le="${limit}"} ${series.buckets[i]}`);
      });
      lines.push(`matriz_http_request_duration_seconds_bucket{${key},le="+Inf"} ${series.count}`);
      lines.push(`matriz_http_request_duration_seconds_sum{${key}} ${series.sum}`);
      lines.push(`matriz_http_request_duration_seconds_count{${key}} ${series.count}`);
    }
    for (const [name, counter] of this.counters) {
      lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
      for (const [key, value] of counter.values)
        lines.push(key ? `${name}{${key}} ${value}` : `${name} ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }

  install(app: App): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });
  }
}
