# Shared by the packaging checks (sourced). A missing tool skips the check (ctest SKIP_RETURN_CODE 77), except
# under CI=true, where it fails: CI must run every check.
fail=0
problem() { printf 'FAIL: %s\n' "$*"; fail=1; }
need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 && continue
        if [ "${CI:-}" = "true" ]; then
            printf 'FAIL: %s is not installed (CI=true: every check must run; packaging/bootstrap.sh installs it)\n' "$tool"
            exit 1
        fi
        printf 'SKIP: %s is not installed (packaging/bootstrap.sh installs it)\n' "$tool"
        exit 77
    done
}
finish() {
    if [ "$fail" -ne 0 ]; then
        exit 1
    fi
    printf 'OK: %s\n' "$*"
    exit 0
}
