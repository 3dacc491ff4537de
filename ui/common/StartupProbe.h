#pragma once

class QWidget;

namespace jwb::ui {

/// Start-up measurement for `make bench` (tests/bench/run-bench.sh), off unless asked for: with the environment
/// variable JWB_STARTUP_PROBE set, the first paint of `window` prints one JSON line on stdout,
/// {"first_paint_ms": time since JWB_PROBE_T0_NS (CLOCK_MONOTONIC nanoseconds taken by the launcher just before
/// it started the process), "rss_kb": resident memory then, "settled_rss_kb": resident memory one second later,
/// once what follows the first paint has run}, printed after that second; with JWB_STARTUP_PROBE=exit the app then
/// quits.
namespace StartupProbe {
void install(QWidget *window);
} // namespace StartupProbe

} // namespace jwb::ui
