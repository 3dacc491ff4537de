#!/usr/bin/env bash
# Runs the libFuzzer targets of a -DJWB_FUZZ=ON build, each for a fixed time over its seed corpus, and prints one
# summary line per target. Exits non-zero when any target crashed, leaked, hit undefined behaviour or timed out.
#   tests/fuzz/run-fuzz.sh <build-dir> [seconds=60] [target...]
# Per target, under <build-dir>/fuzz/: seeds/<t> (rebuilt by make-seeds.sh), corpus/<t> (kept between runs:
# new coverage accumulates), artifacts/<t>/ (crash-*, leak-*, timeout-* inputs), logs/<t>.log.
# A crash input belongs in tests/fuzz/regressions/<t>/ once fixed: core_tst_fuzzregressions replays it.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:?usage: run-fuzz.sh <build-dir> [seconds] [target...]}" && pwd)
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
all=(base64url token sdjwt jwe jwk keyloader krakend simulator batch)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

# -max_len per target: must match FuzzTargets.cpp (the regression test checks inputs against it).
max_len() {
    case $1 in
        base64url) echo 4096 ;;
        krakend) echo 65536 ;;
        batch) echo 8192 ;;
        *) echo 16384 ;;
    esac
}

work=$build/fuzz
bash "$here/make-seeds.sh" "$work/seeds" "${JWB_SHARED_DIR:-$here/../../../shared}" "${targets[@]}" >/dev/null || { echo "fuzz: building the seed corpora failed" >&2; exit 2; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
export QT_QPA_PLATFORM=offscreen

failed=()
for t in "${targets[@]}"; do
    exe=$work/fuzz_$t
    [ -x "$exe" ] || { echo "fuzz_$t: not built ($exe)" >&2; failed+=("$t"); continue; }
    mkdir -p "$work/corpus/$t" "$work/artifacts/$t" "$work/logs"
    log=$work/logs/$t.log
    start=$(date +%s)
    "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$t/" \
        "$work/corpus/$t" "$work/seeds/$t" >"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
    if [ -z "$execs" ]; then
        execs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
    fi
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
    corp=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -n 1)
    if [ $rc -eq 0 ]; then
        status=ok
    else
        status="FAILED (exit $rc): $(grep -m1 -oE 'ERROR: [A-Za-z]+Sanitizer: [^ ]+( [^ ]+)?|runtime error: .*|ERROR: libFuzzer: [a-z-]+|fuzz property violated: .*' "$log" || echo 'see log') -> $log"
        failed+=("$t")
    fi
    printf 'fuzz_%-10s %5ss  execs %-9s %-22s %-18s %s\n' "$t" "$took" "${execs:-?}" "${cov:-cov: ?}" "${corp:-}" "$status"
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failed: ${failed[*]} (inputs under $work/artifacts/<target>/)" >&2
    exit 1
fi
