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


def machine():
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
    load = os.getloadavg()[0]
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, {ssl}, load average {load:.2f}"


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
    for r in records:
        if r.get("kind") == "verify":
            verify.setdefault(r["alg"], {})[r["tool"]] = r["rate"]
    lines = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines.append(f"Measured {now} on {machine()}.")
    lines.append("")
    lines.append("### Batch verification, tokens per second per core (same token files for every verifier)")
    lines.append("")
    lines.append("| alg | jwt-workbench 1 job | 2 jobs | 2 jobs / 1 | cjose | golang-jwt | PyJWT | openssl speed | "
                 "vs openssl speed | vs fastest peer | target | |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    summary = {"verify": verify, "targets": []}
    for alg in ["HS256", "RS256", "ES256", "EdDSA"]:
        v = verify.get(alg, {})
        one, two = v.get("jwt-workbench --jobs 1"), v.get("jwt-workbench --jobs 2")
        peers = {k: v.get(k) for k in ["cjose", "golang-jwt", "PyJWT"]}
        ossl = v.get("openssl speed")
        fastest = max([p for p in peers.values() if p] or [0]) or None
        scaling = two / one if one and two else None
        vs_ossl = one / ossl if one and ossl else None
        vs_peer = one / fastest if one and fastest else None
        if alg == "HS256":
            target, ok = ">= 2x fastest peer", vs_peer is not None and vs_peer >= 2
        else:
            target, ok = ">= 0.9x openssl speed", vs_ossl is not None and vs_ossl >= 0.9
        summary["targets"].append({"what": f"{alg} {target}", "value": vs_peer if alg == "HS256" else vs_ossl, "met": ok})
        summary["targets"].append({"what": f"{alg} --jobs 2 >= 1.8x", "value": scaling,
                                   "met": scaling is not None and scaling >= 1.8})
        lines.append(f"| {alg} | {fmt_rate(one)} | {fmt_rate(two)} | {fmt_ratio(scaling)} "
                     f"({verdict(scaling is not None and scaling >= 1.8)}) | "
                     + " | ".join(fmt_rate(peers[k]) for k in ["cjose", "golang-jwt", "PyJWT"])
                     + f" | {fmt_rate(ossl)} | {fmt_ratio(vs_ossl)} | {fmt_ratio(vs_peer)} | {target} | {verdict(ok)} |")
    lines.append("")
    lines.append("jwt-workbench: `jwt-workbench-cli verify --batch FILE --key PUB.pem|--secret S --alg ALG --jobs N`, "
                 "its own `seconds` (verification only). cjose checks signatures only; golang-jwt and PyJWT also "
                 "validate exp/iat/nbf (PyJWT aud too); jwt-workbench runs every check of `verify`. "
                 "openssl speed: `openssl speed rsa2048 ecdsap256 ed25519`, verify/s (signature only, no hashing "
                 "of a token, no parsing).")
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
    }
    for r in records:
        if r.get("kind") in ("engine", "gui"):
            t = targets.get(r["name"])
            value = f"{r['value']:,.2f} {r['unit']}" if r["unit"] != "tokens/s" else f"{r['value']:,.0f} {r['unit']}"
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


if __name__ == "__main__":
    main()
