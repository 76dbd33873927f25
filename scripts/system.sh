# Sourced by scripts/run.sh and scripts/bench.sh: starts and stops the whole system through the launcher
# (Tests/Launcher). How each process is started, and with which settings, is defined once, in
# Tests/Support/Launcher/SystemProcesses.cs, which the integration, browser and benchmark code uses too.
#
#   system_start CONFIGURATION RUN_DIR [launcher options]   waits until every process is healthy, then sets
#                                                           SYSTEM_*_URL and SYSTEM_*_PID (see the launcher's --help)
#   system_stop                                             stops every process it started
# The solution must be built in CONFIGURATION first.

system_pid=''

system_start() {
    local configuration=$1 run_dir=$2
    shift 2
    dotnet "Tests/Launcher/bin/$configuration/net10.0/Scanner.Launcher.dll" --configuration "$configuration" \
        --run-dir "$run_dir" --endpoints "$run_dir/endpoints.env" "$@" >"$run_dir/launcher.log" 2>&1 &
    system_pid=$!
    # The launcher writes the endpoints once everything answers /health, or exits saying what did not start.
    until [[ -s $run_dir/endpoints.env ]]; do
        if ! kill -0 "$system_pid" 2>/dev/null; then
            cat "$run_dir/launcher.log" >&2
            system_pid=''
            return 1
        fi
        sleep 0.5
    done
    # shellcheck source=/dev/null
    source "$run_dir/endpoints.env"
}

system_stop() {
    [[ -n $system_pid ]] || return 0
    kill -TERM "$system_pid" 2>/dev/null || true
    wait "$system_pid" 2>/dev/null || true
    system_pid=''
}
