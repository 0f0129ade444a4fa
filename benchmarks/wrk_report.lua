-- Prints wrk's results as one JSON line the harness reads (latencies in microseconds).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'REPORT {"rps": %.2f, "p50": %d, "p95": %d, "p99": %d, "errors": %d}\n',
    summary.requests / seconds, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), errors))
end
