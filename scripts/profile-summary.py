#!/usr/bin/env python3
"""Where the time goes in a dotnet-trace speedscope file (docs/benchmarks/findings.md, "Where the time goes").

  dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:00:20 -o X.nettrace
  dotnet-trace convert X.nettrace --format speedscope -o X.json
  scripts/profile-summary.py X.speedscope.json top incl|excl [FILTER] [N]   frames by share of running/runnable time
  scripts/profile-summary.py X.speedscope.json callers FRAME [DEPTH]       who calls FRAME (the DEPTH frames above it)
  scripts/profile-summary.py X.speedscope.json callees FRAME               where the time inside FRAME goes

A sample counts when its leaf is the CPU_TIME pseudo-frame (a thread running or runnable), exclusive to the frame
under it and inclusive to every frame on its stack. Samples of threads held at a safe point (Thread.PollGCWorker:
the sampler's own suspensions and GC) are left out, and their time is named.
"""
import collections, json, signal, sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # a summary piped into head ends quietly

HELD = "PollGCWorker"


def samples(path):
    """Yields (stack of frame names, duration) for every running or runnable stretch of every thread."""
    data = json.load(open(path))
    frames = data["shared"]["frames"]
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            if stack and last is not None and frames[stack[-1]]["name"] == "CPU_TIME":
                yield [frames[f]["name"] for f in stack[:-1]], event["at"] - last
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()


def main(path, mode, *rest):
    shares, total, held = collections.Counter(), 0.0, 0.0
    for names, dt in samples(path):
        if any(HELD in n for n in names):
            held += dt
            continue
        total += dt
        if mode == "top":
            for name in ([names[-1]] if rest[0] == "excl" else set(names)) if names else []:
                shares[name] += dt
        elif (at := next((i for i, n in enumerate(names) if rest[0] in n), None)) is not None:
            if mode == "callers":
                depth = int(rest[1]) if len(rest) > 1 else 2
                shares[" <- ".join(reversed(names[max(0, at - depth):at]))] += dt
            else:
                shares[names[at + 1] if at + 1 < len(names) else "(self)"] += dt
    print(f"{total / 1000:.1f} s running or runnable; {held / (total + held) * 100:.1f} % more held at a safe point (left out)")
    wanted = rest[1] if mode == "top" and len(rest) > 1 else ""
    limit = int(rest[2]) if mode == "top" and len(rest) > 2 else 25
    for name, dt in [(n, d) for n, d in shares.most_common() if wanted in n][:limit]:
        print(f"{dt / total * 100:6.1f}% {name[:220]}")


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[2] not in ("top", "callers", "callees"):
        sys.exit(__doc__)
    main(*sys.argv[1:])
