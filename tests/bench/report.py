#!/usr/bin/python3
"""Turns the records of one run-bench.sh run into the performance table (Markdown), with the issue's targets.

    report.py RESULTS.jsonl OUT_DIR   -> prints the table, writes OUT_DIR/results.md and OUT_DIR/results.json
"""
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys


def machine(records):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ssl = subprocess.run(["openssl", "version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    loads = {r["when"]: r["load"] for r in records if r.get("kind") == "load"}
    def fmt(load):
        return "/".join(f"{x:.2f}" for x in load) if load else "n/a"
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, {ssl}; load average "
            f"(1/5/15 min) {fmt(loads.get('start'))} at the start, {fmt(loads.get('end'))} at the end")


def fmt_rate(v):
    return "n/a" if v is None else f"{v:,.0f}"


def fmt_ratio(v):
    return "n/a" if v is None else f"{v:.2f}x"


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    out_dir = sys.argv[2]
    verify = {}
    wrong_counts = []
    for r in records:
        if r.get("kind") == "verify":
            verify.setdefault(r["alg"], {})[r["tool"]] = r["rate"]
            if "counts_ok" in r and not r["counts_ok"]:
                wrong_counts.append(f"{r['tool']} on {r['alg']}: {r['valid']} valid of {r['total']}, the file has "
                                    f"{r['expected_valid']} valid of {r['expected_total']}")
    lines = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines.append(f"Measured {now} on {machine(records)}.")
    lines.append("")
    lines.append("### Batch verification, tokens per second on one core (same token files for every verifier)")
    lines.append("")
    lines.append("| alg | jwt-workbench 1 job | 2 jobs | 2 jobs / 1 | cjose | golang-jwt | PyJWT | openssl speed | "
                 "libsodium | vs primitive | vs fastest peer | target | |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    summary = {"verify": verify, "targets": [], "wrong_counts": wrong_counts}
    for alg in ["HS256", "RS256", "ES256", "EdDSA"]:
        v = verify.get(alg, {})
        one, two = v.get("jwt-workbench --jobs 1"), v.get("jwt-workbench --jobs 2")
        peers = {k: v.get(k) for k in ["cjose", "golang-jwt", "PyJWT"]}
        ossl, sodium = v.get("openssl speed"), v.get("libsodium")
        # The primitive bound: what the verifier's own signature primitive does bare (libsodium for EdDSA).
        primitive = sodium if alg == "EdDSA" else ossl
        fastest = max([p for p in peers.values() if p] or [0]) or None
        scaling = two / one if one and two else None
        vs_primitive = one / primitive if one and primitive else None
        vs_peer = one / fastest if one and fastest else None
        if alg == "HS256":
            target, value, ok = ">= 2x fastest peer", vs_peer, vs_peer is not None and vs_peer >= 2
        elif alg == "EdDSA":
            go = peers.get("golang-jwt")
            value = one / go if one and go else None
            target, ok = ">= 1.1x golang-jwt", value is not None and value >= 1.1
        else:
            target, value, ok = ">= 0.9x openssl speed", vs_primitive, vs_primitive is not None and vs_primitive >= 0.9
        summary["targets"].append({"what": f"{alg} {target}", "value": value, "met": ok})
        summary["targets"].append({"what": f"{alg} --jobs 2 >= 1.8x", "value": scaling,
                                   "met": scaling is not None and scaling >= 1.8})
        lines.append(f"| {alg} | {fmt_rate(one)} | {fmt_rate(two)} | {fmt_ratio(scaling)} "
                     f"({verdict(scaling is not None and scaling >= 1.8)}) | "
                     + " | ".join(fmt_rate(peers[k]) for k in ["cjose", "golang-jwt", "PyJWT"])
                     + f" | {fmt_rate(ossl)} | {fmt_rate(sodium)} | {fmt_ratio(vs_primitive)} | {fmt_ratio(vs_peer)} | "
                     f"{target}: {fmt_ratio(value)} | {verdict(ok)} |")
    lines.append("")
    lines.append("Token files: every 10th token is invalid (wrong signature, expired, wrong kid, malformed, in turn); "
                 "each tool's total and valid counts are checked against the file's: "
                 + ("**all match**." if not wrong_counts else "**MISMATCH**: " + "; ".join(wrong_counts) + "."))
    lines.append("jwt-workbench: `jwt-workbench-cli verify --batch FILE --key KEYS.jwks --alg ALG --jobs N` (a JWK Set "
                 "with kid k1), its own `seconds` (verification only), every check of `verify`. Peers check the "
                 "signature, exp and iat (golang-jwt nbf too, PyJWT aud too) and that the kid is k1; cjose by a scan "
                 "of the payload. Every single-core run is pinned to one core (Go with GOMAXPROCS=1); `--jobs 2` gets "
                 "two. openssl speed: `openssl speed rsa2048 ecdsap256 ed25519`, verify/s; libsodium: bare "
                 "`crypto_sign_verify_detached` on a 20-byte message (the EdDSA primitive bound; vs primitive uses "
                 "it for EdDSA, openssl speed otherwise).")
    cli = {r["name"]: r for r in records if r.get("kind") == "cli"}
    if cli:
        lines.append("")
        lines.append("### CLI start-up: one token per invocation (hyperfine, no shell, one core)")
        lines.append("")
        lines.append("| invocation | median | min | user + system | vs Go one-shot (median) | vs Go (user + system) | "
                     "target | |")
        lines.append("|---|---:|---:|---:|---:|---:|---|---|")
        for name, go_name in [("CLI floor: the CLI's libraries and QCoreApplication only", None),
                              ("jwt-workbench-cli decode", "golang-jwt one-shot verify EdDSA"),
                              ("jwt-workbench-cli verify EdDSA", "golang-jwt one-shot verify EdDSA"),
                              ("jwt-workbench-cli verify RS256", "golang-jwt one-shot verify RS256"),
                              ("golang-jwt one-shot verify EdDSA", None), ("golang-jwt one-shot verify RS256", None)]:
            r = cli.get(name)
            if not r:
                continue
            ratio, cpu_ratio, target, ok = None, None, "", None
            go = cli.get(go_name or "golang-jwt one-shot verify EdDSA")
            if go and not name.startswith("golang"):
                ratio = r["median_ms"] / go["median_ms"]
                cpu_ratio = (r["user_ms"] + r["system_ms"]) / (go["user_ms"] + go["system_ms"])
            if go_name and go:
                target, ok = f"<= 2x {go_name}", ratio <= 2
                summary["targets"].append({"what": f"{name} {target}", "value": ratio, "met": ok})
            lines.append(f"| {name} | {r['median_ms']:.2f} ms | {r['min_ms']:.2f} ms | "
                         f"{r['user_ms'] + r['system_ms']:.2f} ms | {fmt_ratio(ratio)} | {fmt_ratio(cpu_ratio)} | {target} | "
                         f"{verdict(ok) if ok is not None else ''} |")
        lines.append("")
        lines.append("The CLI floor is a program linked with the CLI's libraries (Qt Core and Network, QCA, libcrypto, "
                     "libsodium) that only constructs QCoreApplication: what loading and initialising them costs "
                     "before any command runs. Its ratio is against the EdDSA one-shot.")
    lines.append("")
    lines.append("### Interactive and engine figures")
    lines.append("")
    lines.append("| what | value | target | |")
    lines.append("|---|---:|---|---|")
    targets = {
        "GUI paste-to-verdict, typical token": ("<= 2 ms", lambda x: x <= 2),
        "GUI paste-to-verdict, typical token, Gateway page opened": ("<= 2 ms", lambda x: x <= 2),
        "GUI paste-to-verdict, 1 MB token": ("<= 50 ms", lambda x: x <= 50),
        "parse JWK Set of 10000 keys": ("<= 100 ms", lambda x: x <= 100),
        "wordlist search HS256, 1 thread": (">= 1,000,000 candidates/s", lambda x: x >= 1e6),
    }
    for r in records:
        if r.get("kind") in ("engine", "gui"):
            t = targets.get(r["name"])
            value = f"{r['value']:,.2f} {r['unit']}" if not r["unit"].endswith("/s") else f"{r['value']:,.0f} {r['unit']}"
            detail = f" ({r['detail']})" if r.get("detail") else ""
            if t:
                ok = t[1](r["value"])
                summary["targets"].append({"what": f"{r['name']} {t[0]}", "value": r["value"], "met": ok})
                lines.append(f"| {r['name']}{detail} | {value} | {t[0]} | {verdict(ok)} |")
            else:
                lines.append(f"| {r['name']}{detail} | {value} | | |")
    startup = {}
    for r in records:
        if r.get("kind") == "startup":
            startup.setdefault(r["program"], []).append(r)
    if len(startup) == 2:
        app = startup["jwt-workbench (demo workspace)"]
        base = startup["minimal Qt Widgets window"]
        paint_app = statistics.median(r["first_paint_ms"] for r in app)
        paint_base = statistics.median(r["first_paint_ms"] for r in base)
        rss_app = statistics.median(r["rss_kb"] for r in app) / 1024
        rss_base = statistics.median(r["rss_kb"] for r in base) / 1024
        settled_app = statistics.median(r.get("settled_rss_kb", r["rss_kb"]) for r in app) / 1024
        settled_base = statistics.median(r.get("settled_rss_kb", r["rss_kb"]) for r in base) / 1024
        for what, a, b, unit in [("start to first paint", paint_app, paint_base, "ms"),
                                 ("resident memory at first paint", rss_app, rss_base, "MiB"),
                                 ("resident memory 1 s after the first paint (crypto self-test done)", settled_app,
                                  settled_base, "MiB")]:
            ratio = a / b if b else None
            ok = ratio is not None and ratio <= 1.5
            summary["targets"].append({"what": f"{what} <= 1.5x minimal window", "value": ratio, "met": ok})
            lines.append(f"| {what}: jwt-workbench with the demo workspace {a:,.1f} {unit}, minimal Qt Widgets window "
                         f"{b:,.1f} {unit} (medians of {len(app)} runs, offscreen, warm file cache) | "
                         f"{fmt_ratio(ratio)} | <= 1.5x | {verdict(ok)} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump({"records": records, "summary": summary}, f, indent=1)
    if wrong_counts:
        print("make bench: a verifier's counts differ from the token file's (see above)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
