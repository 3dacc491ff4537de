#!/usr/bin/env bash
# make bench: every benchmark of JWT Workbench in one run, and one table of ratios against peers measured in the
# same run on the same token files.
#   tests/bench/run-bench.sh BUILD_DIR
# Environment: BENCH_SECONDS (openssl speed and libsodium time per algorithm, default 3), BENCH_RUNS (GUI start-up
# runs, default 9), BENCH_SCALE (token counts multiplier, default 1), BENCH_CORE (the core every single-core run is
# pinned to, default the last one).
# Peers (installed by packaging/bootstrap.sh --bench): cjose (libcjose-dev, a small C program), golang-jwt v4
# (golang-github-golang-jwt-jwt-dev, small Go programs: a batch verifier and a one-shot CLI), PyJWT (python3-jwt),
# `openssl speed`, libsodium's bare Ed25519 verify (libsodium-dev, a small C program) and hyperfine.
#
# Honesty rules: every token file mixes in invalid tokens (every 10th: wrong signature, expired, wrong kid and
# malformed in turn), and each tool's total and valid counts must equal the file's known counts (a verifier that
# skipped a check would count more valid tokens): a mismatch is printed and fails the run (exit 1). Every verifier
# runs on one core (taskset; Go with GOMAXPROCS=1) except jwt-workbench's --jobs 2 run, which gets two. The load
# average is recorded at the start and at the end.
# Output: the table on stdout, plus BUILD_DIR/bench/results.json and results.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-build}" && pwd)
work="$build/bench/work"
mkdir -p "$work"
cli="$build/bin/jwt-workbench-cli"
gui="$build/bin/jwt-workbench"
bench="$build/bench/jwb-bench"
seconds=${BENCH_SECONDS:-3}
runs=${BENCH_RUNS:-9}
scale=${BENCH_SCALE:-1}
py=/usr/bin/python3
results="$work/results.jsonl"
: > "$results"
core=${BENCH_CORE:-$(($(nproc) - 1))}
pin=(taskset -c "$core")
all_cores=(taskset -c "0-$(($(nproc) - 1))")

log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

load() { $py -c 'import json,os; print(json.dumps({"kind":"load","when":__import__("sys").argv[1],"load":os.getloadavg()}))' "$1" >> "$results"; }
load start

# --- peers ---------------------------------------------------------------------------------------------------
log "building peers"
gcc -O2 -o "$work/cjose-verify" "$here/peers/cjose_verify.c" -lcjose
gcc -O2 -o "$work/sodium-ed25519-verify" "$here/peers/sodium_ed25519_verify.c" -lsodium
for program in golang_jwt_verify golang_jwt_oneshot; do
    mkdir -p "$work/$program"
    cp "$here/peers/$program.go" "$work/$program/main.go"
    (cd "$work/$program" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS= \
        go build -o "$work/${program//_/-}" main.go)
done

# --- keys and token files ------------------------------------------------------------------------------------
# Tokens expire a day after they are made: files older than 12 hours are made again. Every 10th token is invalid;
# jwb-bench writes the file's known counts next to it (FILE.expected).
declare -A count=([HS256]=$((200000 * scale)) [RS256]=$((60000 * scale)) [ES256]=$((20000 * scale)) [EdDSA]=$((20000 * scale)))
kid=k1
secret="bench-secret-of-at-least-32-bytes-0123456789"
printf '%s' "$secret" > "$work/hs256.secret"
[ -f "$work/rs256.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rs256.pem" 2>/dev/null
[ -f "$work/es256.pem" ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/es256.pem" 2>/dev/null
[ -f "$work/eddsa.pem" ] || openssl genpkey -algorithm ED25519 -out "$work/eddsa.pem" 2>/dev/null
for alg in RS256 ES256 EdDSA; do
    lower=$(echo "$alg" | tr 'A-Z' 'a-z')
    openssl pkey -in "$work/$lower.pem" -pubout -out "$work/$lower.pub.pem" 2>/dev/null
    "$cli" key convert "$work/$lower.pub.pem" --to jwk --out "$work/$lower.jwk" >/dev/null
done
$py -c 'import base64,json,sys; print(json.dumps({"kty":"oct","k":base64.urlsafe_b64encode(sys.argv[1].encode()).decode().rstrip("=")}))' \
    "$secret" > "$work/hs256.jwk"
# The key as a verifier configured with a key set has it: one JWK Set with kid k1 (a wrong kid then finds no key).
for alg in HS256 RS256 ES256 EdDSA; do
    lower=$(echo "$alg" | tr 'A-Z' 'a-z')
    $py -c 'import json,sys; k=json.load(open(sys.argv[1])); k["kid"]=sys.argv[2]; print(json.dumps({"keys":[k]}))' \
        "$work/$lower.jwk" "$kid" > "$work/$lower.jwks"
    # cjose imports one JWK: the same key, with its kid.
    $py -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["keys"][0]))' "$work/$lower.jwks" > "$work/$lower.kid.jwk"
done
for alg in HS256 RS256 ES256 EdDSA; do
    lower=$(echo "$alg" | tr 'A-Z' 'a-z')
    file="$work/$lower.tokens"
    if [ ! -f "$file" ] || [ ! -f "$file.expected" ] || [ -n "$(find "$file" -mmin +720)" ] \
        || [ "$(wc -l < "$file")" -ne "${count[$alg]}" ]; then
        log "making ${count[$alg]} $alg tokens (every 10th invalid)"
        if [ "$alg" = HS256 ]; then keyarg=(--secret "$secret"); else keyarg=(--key "$work/$lower.pem"); fi
        "$bench" tokens --alg "$alg" "${keyarg[@]}" --count "${count[$alg]}" --kid "$kid" --invalid-every 10 \
            --out "$file" > "$file.expected"
    fi
done

# --- openssl speed and libsodium (one process, one core) -----------------------------------------------------
log "openssl speed -seconds $seconds rsa2048 ecdsap256 ed25519 (core $core)"
speed=$("${pin[@]}" openssl speed -seconds "$seconds" rsa2048 ecdsap256 ed25519 2>/dev/null)
echo "$speed" | awk -v out="$results" '
    /^rsa 2048 bits/        { printf "{\"kind\":\"verify\",\"alg\":\"RS256\",\"tool\":\"openssl speed\",\"rate\":%s}\n", $NF >> out }
    /ecdsa \(nistp256\)/    { printf "{\"kind\":\"verify\",\"alg\":\"ES256\",\"tool\":\"openssl speed\",\"rate\":%s}\n", $NF >> out }
    /EdDSA \(Ed25519\)/     { printf "{\"kind\":\"verify\",\"alg\":\"EdDSA\",\"tool\":\"openssl speed\",\"rate\":%s}\n", $NF >> out }'
log "libsodium crypto_sign_verify_detached, 20-byte message (core $core)"
"${pin[@]}" "$work/sodium-ed25519-verify" "$seconds" 20 \
    | $py -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"kind":"verify","alg":"EdDSA","tool":"libsodium","rate":d["rate"]}))' >> "$results"

# --- batch verification: ours and the peers, same files, counts checked --------------------------------------
rate() { # tool alg expected-file json-from-a-verifier
    $py -c 'import json,sys; d=json.loads(sys.argv[4]); e=json.load(open(sys.argv[3])); t,v,s=d["total"],d["valid"],d["seconds"]
print(json.dumps({"kind":"verify","alg":sys.argv[2],"tool":sys.argv[1],"rate":t/s if s>0 else 0,"total":t,"valid":v,"seconds":s,
                  "expected_total":e["total"],"expected_valid":e["valid"],"counts_ok":t==e["total"] and v==e["valid"]}))' \
        "$1" "$2" "$3" "$4" >> "$results"
}
for alg in HS256 RS256 ES256 EdDSA; do
    lower=$(echo "$alg" | tr 'A-Z' 'a-z')
    file="$work/$lower.tokens"
    expected="$file.expected"
    if [ "$alg" = HS256 ]; then keyfile="$work/hs256.secret"; else keyfile="$work/$lower.pub.pem"; fi
    for jobs in 1 2; do
        log "$alg: jwt-workbench-cli verify --batch --jobs $jobs"
        runner=("${pin[@]}"); [ "$jobs" -gt 1 ] && runner=("${all_cores[@]}")
        out=$("${runner[@]}" "$cli" verify --batch "$file" --key "$work/$lower.jwks" --alg "$alg" --jobs "$jobs" --json || true)
        rate "jwt-workbench --jobs $jobs" "$alg" "$expected" "$out"
    done
    if [ "$alg" != EdDSA ]; then # cjose 0.6 has no OKP keys
        log "$alg: cjose"
        rate cjose "$alg" "$expected" "$("${pin[@]}" "$work/cjose-verify" "$work/$lower.kid.jwk" "$file" "$kid")"
    fi
    log "$alg: golang-jwt"
    rate golang-jwt "$alg" "$expected" "$(GOMAXPROCS=1 "${pin[@]}" "$work/golang-jwt-verify" "$alg" "$keyfile" "$file" "$kid")"
    log "$alg: PyJWT"
    rate PyJWT "$alg" "$expected" "$("${pin[@]}" $py "$here/peers/pyjwt_verify.py" "$alg" "$keyfile" "$file" "$kid")"
done

# --- CLI start-up: one token, one invocation, against a one-shot Go verifier ---------------------------------
if command -v hyperfine >/dev/null 2>&1; then
    for alg in EdDSA RS256; do
        lower=$(echo "$alg" | tr 'A-Z' 'a-z')
        head -n 1 "$work/$lower.tokens" > "$work/$lower.one"
        "$work/golang-jwt-oneshot" "$alg" "$work/$lower.pub.pem" "$work/$lower.one" >/dev/null \
            || { echo "the first $alg token is not valid for the Go one-shot verifier" >&2; exit 1; }
        "$cli" verify --token-file "$work/$lower.one" --key "$work/$lower.pub.pem" --alg "$alg" >/dev/null \
            || { echo "the first $alg token is not valid for jwt-workbench-cli" >&2; exit 1; }
    done
    log "CLI start-up (hyperfine, core $core, no shell)"
    GOMAXPROCS=1 "${pin[@]}" hyperfine -N --style none --warmup 5 --runs 40 --export-json "$work/startup.json" \
        -n "golang-jwt one-shot verify EdDSA" "$work/golang-jwt-oneshot EdDSA $work/eddsa.pub.pem $work/eddsa.one" \
        -n "CLI floor: the CLI's libraries and QCoreApplication only" "$build/bench/jwb-cli-floor" \
        -n "jwt-workbench-cli decode" "$cli decode --token-file $work/eddsa.one" \
        -n "jwt-workbench-cli verify EdDSA" "$cli verify --token-file $work/eddsa.one --key $work/eddsa.pub.pem --alg EdDSA" \
        -n "golang-jwt one-shot verify RS256" "$work/golang-jwt-oneshot RS256 $work/rs256.pub.pem $work/rs256.one" \
        -n "jwt-workbench-cli verify RS256" "$cli verify --token-file $work/rs256.one --key $work/rs256.pub.pem --alg RS256" \
        >/dev/null
    $py -c 'import json,sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(json.dumps({"kind":"cli","name":r["command"],"median_ms":r["median"]*1e3,"mean_ms":r["mean"]*1e3,"min_ms":r["min"]*1e3,
                      "user_ms":r["user"]*1e3,"system_ms":r["system"]*1e3,"runs":len(r["times"])}))' "$work/startup.json" >> "$results"
else
    log "hyperfine not found: no CLI start-up figures (packaging/bootstrap.sh --bench installs it)"
fi

# --- engine micro-benchmarks and the GUI ---------------------------------------------------------------------
log "engine benchmarks (jwb-bench core, core $core)"
"${pin[@]}" "$bench" core | sed 's/^{/{"kind":"engine",/' >> "$results"
if [ -x "$build/bench/jwb-bench-gui" ]; then
    log "GUI paste-to-verdict (offscreen)"
    QT_QPA_PLATFORM=offscreen "$build/bench/jwb-bench-gui" 2>/dev/null | sed 's/^{/{"kind":"gui",/' >> "$results"
    log "start-up to first paint and resident memory ($runs runs each, interleaved, offscreen)"
    for _ in $(seq "$runs"); do
        for program in "$gui" "$build/bench/jwb-minimal-window"; do
            name=$([ "$program" = "$gui" ] && echo "jwt-workbench (demo workspace)" || echo "minimal Qt Widgets window")
            home=$(mktemp -d "$work/home.XXXXXX")
            out=$(HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
                XDG_RUNTIME_DIR="$home" QT_QPA_PLATFORM=offscreen JWB_STARTUP_PROBE=exit \
                $py -c 'import os,subprocess,sys,time
env=dict(os.environ); env["JWB_PROBE_T0_NS"]=str(time.clock_gettime_ns(time.CLOCK_MONOTONIC))
r=subprocess.run(sys.argv[1:],env=env,stdout=subprocess.PIPE,stderr=subprocess.DEVNULL,timeout=60)
print(r.stdout.decode().strip().splitlines()[-1])' "$program" $([ "$program" = "$gui" ] && echo --fresh))
            rm -rf "$home"
            $py -c 'import json,sys; d=json.loads(sys.argv[2]); d.update(kind="startup",program=sys.argv[1]); print(json.dumps(d))' \
                "$name" "$out" >> "$results"
        done
    done
fi

load end
$py "$here/report.py" "$results" "$build/bench"
