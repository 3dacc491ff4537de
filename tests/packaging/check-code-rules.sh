#!/usr/bin/env bash
# The code rules of docs/architecture.md section 9 hold in the source tree: no function in core/ longer than 150
# lines, no run of six or more significant lines standing twice in core/ or ui/ (data tables allow-listed in
# code-rules-allow.txt, each with its reason). The checker first checks itself on small examples.
#   check-code-rules.sh SOURCE_DIR
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.sh"
need python3

root=${1:?usage: check-code-rules.sh SOURCE_DIR}
python3 "$here/code_rules.py" --self-test || problem "code_rules.py fails its own self-test"
python3 "$here/code_rules.py" "$root" --allow "$here/code-rules-allow.txt" || problem "the code rules are broken (above)"
finish "no function in core/ over 150 lines; no repeated run of 6+ significant lines in core/ or ui/"
