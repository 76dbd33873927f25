#!/usr/bin/env bash
# Benchmarks. Absolute numbers depend on the machine: compare rates measured in one run.
#
#   scripts/bench.sh parser                 BenchmarkDotNet: frame parser, ns and bytes per event
#   scripts/bench.sh streams                RabbitMQ stream provider load run (real broker) into a counting grain
#   scripts/bench.sh listener [OPTIONS]     synthetic feed (own process) -> listener -> RabbitMQ -> counting grains (one
#                                           silo): events/s sent, published and received, drops, latency (issue 3)
#   scripts/bench.sh gateway                1,000 WebSocket clients on loopback, with and without stalled clients
#   scripts/bench.sh pipeline [RATE] [SECS] synthetic feed -> listener -> RabbitMQ -> grains -> rankings -> gateway, as
#                                           processes: sustained events/s, drops, publish latency, silo memory, and
#                                           event-to-ranking latency at a gateway client (Tests/Benchmarks/Pipeline)
#
# Environment for pipeline: TICKERS (10000), RATE (50000 events/s), SECS (60), WARMUP (60 s, reported apart).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
what=${1:-}
shift || true

benchmarks() { dotnet run -c Release --project Tests/Benchmarks -- "$@"; }

with_infra() {
    eval "$(scripts/infra.sh up)"
    trap 'scripts/infra.sh down' EXIT
}

case $what in
    parser) benchmarks --filter '*FrameParser*' "$@" ;;
    streams) with_infra; benchmarks streams --rabbitmq "$SCANNER_TEST_RABBITMQ" "$@" ;;
    listener) with_infra; benchmarks listener --rabbitmq "$SCANNER_TEST_RABBITMQ" "$@" ;;
    gateway) benchmarks gateway "$@" ;;
    pipeline)
        rate=${1:-${RATE:-50000}} secs=${2:-${SECS:-60}} tickers=${TICKERS:-10000} warmup=${WARMUP:-60}
        dotnet build Scanner.Orleans.sln -c Release -v quiet -nologo >/dev/null
        with_infra
        run_dir=$(mktemp -d)
        pids=()
        trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; scripts/infra.sh down' EXIT
        dotnet Simulator/bin/Release/net10.0/Scanner.Simulator.dll --port 4390 --key bench --source synthetic \
            --tickers "$tickers" --rate "$rate" >"$run_dir/simulator.log" 2>&1 &
        pids+=($!)
        env SCANNER_INFRASTRUCTURE=Real REDIS_URL="$SCANNER_TEST_REDIS" RABBITMQ_URL="$SCANNER_TEST_RABBITMQ" \
            MASSIVE_API_KEY=bench MASSIVE_FEED_URL=ws://127.0.0.1:4390/stocks HYDRATION_BASE_URL=http://127.0.0.1:4390 \
            MASSIVE_SUBSCRIPTIONS='["T.*","Q.*","A.*","LULD.*"]' ASPNETCORE_URLS=http://127.0.0.1:4391 \
            Logging__LogLevel__Default=Warning dotnet Silo/bin/Release/net10.0/Scanner.Silo.dll >"$run_dir/silo.log" 2>&1 &
        silo=$!
        pids+=($silo)
        for _ in $(seq 1 240); do curl -fs -o /dev/null http://127.0.0.1:4391/health && break; sleep 0.5; done
        env REDIS_URL="$SCANNER_TEST_REDIS" AUTH_ENABLED=true AUTH_ALLOW_STATIC_KEY=true AUTH_API_KEY=bench \
            ASPNETCORE_URLS=http://127.0.0.1:4392 ASPNETCORE_CONTENTROOT="$PWD/Gateway" Logging__LogLevel__Default=Warning \
            dotnet Gateway/bin/Release/net10.0/Scanner.Gateway.dll >"$run_dir/gateway.log" 2>&1 &
        pids+=($!)
        for _ in $(seq 1 120); do curl -fs -o /dev/null http://127.0.0.1:4392/health && break; sleep 0.5; done
        echo "pipeline: $tickers tickers at $rate events/s, ${warmup}s warm-up, ${secs}s measured (logs in $run_dir)"
        # A page's view, over the same window as the monitor below.
        dotnet Tests/Benchmarks/bin/Release/net10.0/Scanner.Benchmarks.dll rankings --gateway ws://127.0.0.1:4392/ws \
            --simulator http://127.0.0.1:4390 --key bench --warmup "$warmup" --seconds "$secs" >"$run_dir/rankings.log" 2>&1 &
        rankings=$!
        pids+=($rankings)
        python3 - "$secs" "$silo" "$warmup" <<'PY'
import json, sys, time, urllib.error, urllib.request
secs, pid, warmup = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def get(url):
    # A saturated silo answers slowly, and an unhealthy one with 503 and the same body: wait, read, carry on.
    try:
        with urllib.request.urlopen(url, timeout=60) as r: return json.load(r)
    except urllib.error.HTTPError as e: return json.load(e)
def rss_mb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
    return 0
# Warm-up: connections, then every ticker's activation, state read and hydration; shown, not measured.
start = time.time()
while time.time() - start < warmup:
    time.sleep(min(10, warmup - (time.time() - start)))
    c = get("http://127.0.0.1:4391/health")["listener"]["counters"]
    print(f"  warm-up t={time.time()-start:3.0f}s published={c['publishedEvents']:>10} dropped_frames={c['droppedFrames']} expired_frames={c['expiredFrames']} "
          f"p99={c['publishLatencyP99Ms']:.1f}ms rss={rss_mb():.0f}MB")
first = get("http://127.0.0.1:4391/health"); t0 = time.time(); sim0 = get("http://127.0.0.1:4390/health")
peak = 0
while time.time() - t0 < secs:
    time.sleep(5)
    h = get("http://127.0.0.1:4391/health"); c = h["listener"]["counters"]
    peak = max(peak, rss_mb())
    print(f"  t={time.time()-t0:5.0f}s published={c['publishedEvents']:>10} failed={c['publishFailedEvents']} "
          f"dropped_frames={c['droppedFrames']} expired_frames={c['expiredFrames']} p50={c['publishLatencyP50Ms']:.1f}ms p99={c['publishLatencyP99Ms']:.1f}ms rss={rss_mb():.0f}MB")
last = get("http://127.0.0.1:4391/health"); t1 = time.time(); sim1 = get("http://127.0.0.1:4390/health")
c0, c1 = first["listener"]["counters"], last["listener"]["counters"]
rate = (c1["publishedEvents"] - c0["publishedEvents"]) / (t1 - t0)
sent = (sim1["eventsSent"] - sim0["eventsSent"]) / (t1 - t0)
received = sum(s["receivedContainers"] for s in last["streams"])
print(f"RESULT sent {sent:,.0f} events/s, published {rate:,.0f} events/s, "
      f"publish failures {c1['publishFailedEvents']}, dropped frames {c1['droppedFrames']}, expired frames {c1['expiredFrames']}, simulator drops {sim1['eventsDropped']}, "
      f"publish p50 {c1['publishLatencyP50Ms']:.1f} ms p99 {c1['publishLatencyP99Ms']:.1f} ms, "
      f"containers received by grains' queues {received:,}, peak silo RSS {peak:.0f} MB")
PY
        wait "$rankings" || echo "rankings load run failed (exit $?)"
        cat "$run_dir/rankings.log"
        ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
