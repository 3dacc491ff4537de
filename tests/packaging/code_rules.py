#!/usr/bin/env python3
"""The code rules of docs/architecture.md section 9, checked over the source tree (python3 standard library only).

  code_rules.py ROOT [--allow FILE]   check ROOT/core and ROOT/ui; exit 1 and list every breach
  code_rules.py --self-test           check the checker on small examples (each rule must catch its breach)

Rule 1: no function in core/ is longer than MAX_FUNCTION_LINES lines, counted from the first line of its
signature to its closing brace. Function bodies are found by brace matching over the text with comments,
string and character literals (raw strings included) blanked out, so braces inside them do not count. At
namespace and class scope a '{' opens a function body when the declaration before it has a parameter list and
is not a class, enum or data initialiser; everything inside a body (lambdas, local classes) belongs to it.

Rule 2: no run of MIN_RUN significant lines stands twice in core/ and ui/ (in one file or in two). A line is
compared with white space folded, comments removed, and every string literal and number replaced by a
placeholder, so copies that differ only in their texts or constants are found too. Boilerplate lines are not
significant (lone punctuation, includes, access specifiers, forward declarations, namespace lines, Q_OBJECT,
`break;`, ...). Data tables named in the allow-list file are left out, each with its reason.

Allow-list lines: `PATH NAME  # reason`: the function NAME of PATH (qualified as in its definition,
`Class::method`; every overload), or else the braced initialiser (or string-literal constant) whose declaration
names NAME, up to its closing `};` or `;`. A reason is required. A reason that starts with "pending" marks a
copy another open work package is removing: runs touching it are excused, and once it is gone the entry only
earns a NOTE asking for its removal (so the removal itself never fails the check).
"""
import os
import re
import sys

MAX_FUNCTION_LINES = 150
MIN_RUN = 6
SOURCE_SUFFIXES = ('.cpp', '.h')


# --- lexing -----------------------------------------------------------------------------------------------------

def blank(text, keep_literals=False):
    """The text with comments replaced by spaces (newlines kept) and, unless `keep_literals`, the insides of
    string and character literals (raw strings included) too, quotes kept: what is left is code only."""
    def hide(part):
        return re.sub(r'[^\n]', ' ', part)

    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i) or text.startswith('/*', i):
            line = text.startswith('//', i)
            j = text.find('\n' if line else '*/', i + 2)
            j = n if j < 0 else (j if line else j + 2)
            out.append(hide(text[i:j]))
            i = j
            continue
        if c == 'R' and text.startswith('"', i + 1) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')
                                                         or text[i - 1] in 'uUL8'):
            m = re.match(r'R"([^()\\ \n]{0,16})\(', text[i:i + 20])
            if m:
                end = text.find(')' + m.group(1) + '"', i)
                end = n if end < 0 else end + len(m.group(1)) + 2
                out.append(text[i:end] if keep_literals else 'R"' + hide(text[i + 2:end - 1]) + '"')
                i = end
                continue
        if c in '"\'':
            # a digit separator (1'000'000) is not a character literal
            if c == "'" and i > 0 and i + 1 < n and text[i + 1].isalnum() and re.match(r'[0-9a-fA-F]', text[i - 1]) \
                    and text[i - 1] not in 'uUL8':
                out.append(c)
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                if text[j] == '\\':
                    j += 1
                j += 1
            out.append(text[i:j + 1] if keep_literals else c + ' ' * (j - i - 1) + c)
            i = j + 1
            continue
        out.append(c)
        i += 1
    return ''.join(out)


def match_braces(code):
    """{offset of '{': offset of its '}'} for every balanced pair of `code`."""
    stack, pairs = [], {}
    for idx, ch in enumerate(code):
        if ch == '{':
            stack.append(idx)
        elif ch == '}' and stack:
            pairs[stack.pop()] = idx
    return pairs


# --- rule 1: function length ------------------------------------------------------------------------------------

SCOPE_KEYWORDS = re.compile(r'\b(namespace|class|struct|union|extern)\b')
CONTROL = re.compile(r'^\s*(if|for|while|switch|else|do|try|catch)\b')


def strip_templates(decl):
    """`template<...>` prefixes removed (their default arguments may hold '=')."""
    while True:
        m = re.search(r'\btemplate\s*<', decl)
        if not m:
            return decl
        depth, j = 0, m.end() - 1
        while j < len(decl):
            if decl[j] == '<':
                depth += 1
            elif decl[j] == '>':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        decl = decl[:m.start()] + ' ' + decl[j + 1:]


def top_level(decl):
    """`decl` with everything inside parentheses and brackets removed (their contents do not classify it)."""
    out, depth = [], 0
    for ch in decl:
        if ch in '([':
            if depth == 0:
                out.append(ch)
            depth += 1
        elif ch in ')]':
            depth = max(0, depth - 1)
            if depth == 0:
                out.append(ch)
        elif depth == 0:
            out.append(ch)
    return ''.join(out)


def classify(decl):
    """What a '{' at namespace or class scope opens, from the declaration text before it: 'scope' (namespace,
    class, ...), 'function', 'init' (a member initialiser's braces inside a constructor's initialiser list) or
    'data' (an initialiser, an enum, anything else)."""
    decl = re.sub(r'^\s*#.*$', ' ', decl, flags=re.M)  # preprocessor lines
    decl = re.sub(r'\b(public|private|protected|Q_SIGNALS|Q_SLOTS|signals|slots)\s*:(?!:)', ' ', decl)
    decl = re.sub(r'\bQ_(OBJECT|GADGET|DISABLE_COPY\w*\([^)]*\)|DECLARE_TR_FUNCTIONS\([^)]*\))', ' ', decl)
    decl = strip_templates(decl).strip()
    if not decl:
        return 'data'
    top = top_level(decl)
    if re.search(r'\benum\b', top):
        return 'data'
    if SCOPE_KEYWORDS.search(top) and '(' not in top.split(':')[0]:
        return 'scope'
    if CONTROL.match(top):
        return 'data'
    eq = [m.start() for m in re.finditer(r'(?<![=!<>+\-*/%&|^])=(?!=)', top) if not top[:m.start()].rstrip()
          .endswith('operator')]
    if eq:
        rest = top[eq[-1] + 1:].strip()
        return 'function' if rest.startswith('[') else 'data'
    if re.search(r'\)\s*:', top) and re.search(r'[\w>]\s*$', top):
        return 'init'  # Foo::Foo() : m_a(1), m_b{2}: the braces of m_b
    if '(' in top:
        return 'function'
    return 'data'


def functions(path):
    """[(first line, length in lines, signature)] of every function body in the file."""
    raw = open(path, encoding='utf-8', errors='replace').read()
    code = blank(raw)
    pairs = match_braces(code)
    line_of = [0] * (len(code) + 1)
    ln = 1
    for idx, ch in enumerate(code):
        line_of[idx] = ln
        if ch == '\n':
            ln += 1
    line_of[len(code)] = ln
    found = []

    def scan(start, end):
        decl_start = start
        i = start
        while i < end:
            ch = code[i]
            if ch in ';}':
                decl_start = i + 1
            elif ch == '{':
                close = pairs.get(i)
                if close is None:
                    return
                kind = classify(code[decl_start:i])
                if kind == 'scope':
                    scan(i + 1, close)
                    decl_start = close + 1
                elif kind == 'init':
                    pass  # the initialiser list goes on; the body's '{' comes later
                elif kind == 'function':
                    first = decl_start
                    while first < i and code[first].isspace():
                        first += 1
                    # a preprocessor line or a label just before the signature is not part of it
                    text = code[first:i]
                    skip = re.match(r'(\s*(#[^\n]*|(public|private|protected|Q_SIGNALS|Q_SLOTS)\s*:(?!:)[^\n]*|'
                                    r'Q_[A-Z_]+(\([^)\n]*\))?\s*)\n)+', text)
                    if skip:
                        first += skip.end()
                        while first < i and code[first].isspace():
                            first += 1
                    begin = line_of[first]
                    length = line_of[close] - begin + 1
                    signature = ' '.join(raw[first:i].split())[:120]
                    found.append((begin, length, signature))
                    decl_start = close + 1
                else:
                    decl_start = close + 1
                i = close
            i += 1

    scan(0, len(code))
    return found


def long_functions(root, limit=MAX_FUNCTION_LINES):
    result = []
    for path in source_files(os.path.join(root, 'core')):
        for begin, length, signature in functions(path):
            if length > limit:
                result.append((os.path.relpath(path, root), begin, length, signature))
    return result


# --- rule 2: repeated runs --------------------------------------------------------------------------------------

BOILERPLATE = re.compile(
    r'^(|[{}()\[\];,:]*|#\s*(include|pragma|if|ifdef|ifndef|endif|else|define)\b.*|'
    r'(public|private|protected)( Q_SLOTS| slots)?:|Q_OBJECT|Q_GADGET|Q_SIGNALS:|signals:|'
    r'(class|struct|namespace) [\w:]+;|namespace [\w:]* ?\{|\} ?// namespace.*|using [\w:]+;|'
    r'break;|continue;|return;|return true;|return false;|return \{\};|return result;|default:|else|\} else \{|'
    r'\};|\}\);|\) \{|\]\(\) \{|\}\)\);|\} else|else \{|\{\},?|Q_UNREACHABLE\(\);)$')


def periodic(window):
    """Whether the window only repeats a shorter pattern (AAAAAA, ABABAB, ABCABC): the inside of a switch of
    one-line cases or of a table of like rows says nothing about copied logic."""
    n = len(window)
    return any(all(window[i] == window[i % p] for i in range(n)) for p in range(1, n // 2 + 1))


def normalise(line):
    line = ' '.join(line.split())
    line = re.sub(r'"([^"\\]|\\.)*"', 'S', line)
    line = re.sub(r"'([^'\\]|\\.)*'", 'C', line)
    line = re.sub(r'\b\d[\w.]*\b', 'N', line)
    return line


def allowed_regions(root, allow_file):
    """({relative path: set of allowed line numbers}, pending entries, problems, notes).

    An entry whose reason starts with "pending" names a copy that an open work package is removing: its region
    is not left out of the scan; a run touching it is excused instead (check()), and when the function or table it
    names is gone, that is a note, not a failure, so that the copy's removal never breaks the check."""
    regions, pending, problems, notes = {}, [], [], []
    if not allow_file:
        return regions, pending, problems, notes
    for number, entry in enumerate(open(allow_file, encoding='utf-8').read().split('\n'), 1):
        body, _, reason = entry.partition('#')
        if not body.strip():
            continue
        parts = body.split()
        if len(parts) != 2 or not reason.strip():
            problems.append('%s:%d: expected "PATH NAME  # reason"' % (allow_file, number))
            continue
        rel, name = parts
        is_pending = reason.strip().lower().startswith('pending')
        where = '%s:%d' % (os.path.basename(allow_file), number)
        lines = entry_lines(os.path.join(root, rel), name)
        if lines is None:
            (notes if is_pending else problems).append('%s: no function or table %s in %s%s' % (
                where, name, rel, ' (remove the pending entry)' if is_pending else ''))
        elif is_pending:
            pending.append((rel, lines, where, name))
        else:
            regions.setdefault(rel, set()).update(lines)
    return regions, pending, problems, notes


def entry_lines(path, name):
    """The line numbers of function `name` of `path` (every overload), or else of the table declared as `name`;
    None when there is neither (or no such file)."""
    if not os.path.isfile(path):
        return None
    lines = set()
    for begin, length, signature in functions(path):
        if re.search(r'(^|[^\w:])%s\s*\(' % re.escape(name), signature):
            lines.update(range(begin, begin + length))
    if lines:
        return lines
    code = blank(open(path, encoding='utf-8', errors='replace').read())
    m = re.search(r'\b%s\b[^;{]*[={]' % re.escape(name), code)
    if not m:
        return None
    pairs = match_braces(code)
    brace = code.find('{', m.start())
    semicolon = code.find(';', m.start())
    end = pairs[brace] if brace >= 0 and (semicolon < 0 or brace < semicolon) and brace in pairs else semicolon
    return set(range(code.count('\n', 0, m.start()) + 1, code.count('\n', 0, end) + 2))


def repeated_runs(root, allow, min_run=MIN_RUN):
    """[(length, (file, first, last), (file, first, last))] of every maximal run of `min_run` or more significant
    lines that stands twice."""
    significant = {}
    index = {}
    for top in ('core', 'ui'):
        for path in source_files(os.path.join(root, top)):
            rel = os.path.relpath(path, root)
            skip = allow.get(rel, set())
            raw = open(path, encoding='utf-8', errors='replace').read()
            code_lines = blank(raw, keep_literals=True).split('\n')
            lines = []
            for number, text in enumerate(code_lines, 1):
                norm = normalise(text)
                if number in skip or BOILERPLATE.match(norm):
                    continue
                lines.append((number, norm))
            significant[rel] = lines
            for k in range(len(lines) - min_run + 1):
                key = tuple(text for _, text in lines[k:k + min_run])
                if not periodic(key):
                    index.setdefault(key, []).append((rel, k))
    # pairs of windows, grouped by (file a, file b, offset) into maximal runs
    by_pair = {}
    for places in index.values():
        if len(places) < 2:
            continue
        for a in range(len(places)):
            for b in range(a + 1, len(places)):
                (fa, ka), (fb, kb) = places[a], places[b]
                if fa == fb and abs(ka - kb) < min_run:
                    continue  # a run that overlaps itself: one block of a repeated line pattern
                by_pair.setdefault((fa, fb, ka - kb), []).append((ka, kb))
    runs = []
    for (fa, fb, _), windows in by_pair.items():
        windows.sort()
        start = prev = windows[0]
        for w in windows[1:] + [None]:
            if w is not None and w[0] == prev[0] + 1:
                prev = w
                continue
            la, lb = significant[fa], significant[fb]
            length = prev[0] - start[0] + min_run
            runs.append((length, (fa, la[start[0]][0], la[prev[0] + min_run - 1][0]),
                         (fb, lb[start[1]][0], lb[prev[1] + min_run - 1][0])))
            if w is not None:
                start = prev = w
    runs.sort(key=lambda r: (-r[0], r[1], r[2]))
    return runs


# --- driver -----------------------------------------------------------------------------------------------------

def source_files(top):
    result = []
    for folder, _, names in os.walk(top):
        for name in names:
            if name.endswith(SOURCE_SUFFIXES):
                result.append(os.path.join(folder, name))
    return sorted(result)


def touches(entry, path, first, last):
    """Whether the pending allow-list entry covers any of lines first..last of path."""
    return entry[0] == path and bool(entry[1] & set(range(first, last + 1)))


def check(root, allow_file):
    """(failures, notes)."""
    failures = []
    for rel, begin, length, signature in long_functions(root):
        failures.append('%s:%d: function of %d lines (at most %d): %s'
                        % (rel, begin, length, MAX_FUNCTION_LINES, signature))
    regions, pending, problems, notes = allowed_regions(root, allow_file)
    failures += problems
    used = set()
    for length, (fa, sa, ea), (fb, sb, eb) in repeated_runs(root, regions):
        excuses = [p for p in pending if touches(p, fa, sa, ea) or touches(p, fb, sb, eb)]
        if excuses:
            used.update(p[2] for p in excuses)
            continue
        failures.append('%s:%d-%d and %s:%d-%d: the same %d significant lines' % (fa, sa, ea, fb, sb, eb, length))
    for rel, _, where, name in pending:
        if where not in used:
            notes.append('%s: %s in %s no longer takes part in a repeated run (remove the pending entry)'
                         % (where, name, rel))
    return failures, notes


def self_test():
    import tempfile
    errors = []

    def expect(condition, what):
        if not condition:
            errors.append(what)

    body = '\n'.join('    x += step%d(x);' % i for i in range(150))
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, 'core', 'a'))
        os.makedirs(os.path.join(root, 'ui'))
        files = {
            'core/a/Long.cpp': 'namespace jwb {\nnamespace {\nint helper(int x)\n{\n' + body + '\n    return x;\n}\n}'
            '\n}\n',
            'core/a/Short.cpp': 'int ok(int x)\n{\n' + '\n'.join('    x += %d;' % i for i in range(140))
            + '\n    return x;\n}\nconst char *s = "{{{{";\nconst QHash<int, int> table = {\n'
            + '\n'.join('    {%d, %d},' % (i, i) for i in range(200)) + '\n};\n',
            'core/a/Class.h': '#pragma once\nclass Foo : public Bar\n{\n    Q_OBJECT\npublic:\n    Foo() : m_a(1), m_b{2}'
            '\n    {\n' + body + '\n    }\n    int m_a, m_b;\n};\n',
            'core/a/Lambda.cpp': 'void run()\n{\n    auto f = [](int x) {\n' + body + '\n    };\n}\n'
            'static const auto g = [](int y) {\n' + body + '\n    return y;\n};\n',
            'core/a/Raw.cpp': 'const char *r = R"x(})x";\nint f()\n{\n    return \'}\';\n}\n',
            'ui/Copy1.cpp': 'void a()\n{\n    one();\n    two();\n    three(1);\n    four("x");\n    five();\n'
            '    six();\n}\n',
            'ui/Copy2.cpp': 'void b()\n{\n    one();\n    two();\n    three(2);\n    four("y");\n    five();\n'
            '    six();\n}\nconst int kTable[] = {\n    one();\n    two();\n    three(1);\n    four("x");\n    five();'
            '\n    six();\n};\n',
        }
        for rel, text in files.items():
            with open(os.path.join(root, rel), 'w', encoding='utf-8') as f:
                f.write(text)
        long_ones = {(rel, length) for rel, _, length, _ in long_functions(root)}
        expect(('core/a/Long.cpp', 154) in long_ones, 'a 154-line function in an anonymous namespace is found')
        expect(('core/a/Class.h', 153) in long_ones, 'a 153-line constructor with a braced initialiser is found')
        expect(('core/a/Lambda.cpp', 155) in long_ones, 'a function made long by its lambda is found')
        expect(('core/a/Lambda.cpp', 153) in long_ones, 'a long lambda at namespace scope is found')
        expect(not any(rel in ('core/a/Short.cpp', 'core/a/Raw.cpp') for rel, _ in long_ones),
               'a 143-line function, a 202-line data table and braces in literals are not functions')
        expect(len(long_ones) == 4, 'exactly four long functions: %s' % sorted(long_ones))
        runs = repeated_runs(root, {})
        expect(any(r[1][0] == 'ui/Copy1.cpp' and r[2][0] == 'ui/Copy2.cpp' for r in runs),
               'six lines that differ only in literals are a repeated run: %s' % runs)
        with open(os.path.join(root, 'allow.txt'), 'w', encoding='utf-8') as f:
            f.write('ui/Copy2.cpp kTable  # test data\n')
        regions, _, problems, _ = allowed_regions(root, os.path.join(root, 'allow.txt'))
        expect(not problems, 'the allow-list reads: %s' % problems)
        ui_runs = [r for r in repeated_runs(root, regions) if r[1][0].startswith('ui/')]
        expect(len(ui_runs) == 1 and ui_runs[0][2] == ('ui/Copy2.cpp', 3, 8),
               'an allow-listed table is left out, the other copy stays: %s' % ui_runs)
        expect(any(r[1][0] == 'core/a/Class.h' and r[2][0] == 'core/a/Lambda.cpp' for r in runs),
               'a run repeated between a header and a source file is found')
        with open(os.path.join(root, 'allow.txt'), 'w', encoding='utf-8') as f:
            f.write('ui/Copy1.cpp a  # test\nui/Copy2.cpp kTable  # test\n')
        regions, _, _, _ = allowed_regions(root, os.path.join(root, 'allow.txt'))
        expect(not [r for r in repeated_runs(root, regions) if r[1][0].startswith('ui/')],
               'a function named in the allow-list is left out')
        with open(os.path.join(root, 'allow.txt'), 'w', encoding='utf-8') as f:
            f.write('ui/Copy2.cpp kTable\nui/Copy2.cpp kMissing  # gone\n')
        _, _, problems, _ = allowed_regions(root, os.path.join(root, 'allow.txt'))
        expect(len(problems) == 2, 'an entry without a reason and an entry naming nothing are errors: %s' % problems)
        # Pending entries: a copy being removed elsewhere is excused while it is there; once it is gone, or no
        # longer repeated, the entry is a note, never a failure.
        with open(os.path.join(root, 'allow.txt'), 'w', encoding='utf-8') as f:
            f.write('ui/Copy2.cpp kTable  # test data\nui/Copy1.cpp a  # pending: being removed\n'
                    'ui/Copy1.cpp gone  # pending: removed already\n')
        failures, notes = check(root, os.path.join(root, 'allow.txt'))
        expect(not [f for f in failures if 'ui/Copy' in f], 'a pending entry excuses its copy: %s' % failures)
        expect(len(notes) == 1 and 'gone' in notes[0], 'a pending entry naming nothing is a note: %s' % notes)
        with open(os.path.join(root, 'allow.txt'), 'w', encoding='utf-8') as f:
            f.write('ui/Copy1.cpp a  # test\nui/Copy2.cpp b  # test\nui/Copy2.cpp kTable  # pending: no partner left\n')
        failures, notes = check(root, os.path.join(root, 'allow.txt'))
        expect(not [f for f in failures if 'ui/Copy' in f] and len(notes) == 1 and 'kTable' in notes[0],
               'a pending entry whose copy is gone is a note: %s %s' % (failures, notes))
    for e in errors:
        print('SELF-TEST FAIL: ' + e)
    return not errors


def main(argv):
    if argv[1:] == ['--self-test']:
        return 0 if self_test() else 1
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != '--allow'):
        print(__doc__)
        return 2
    root = argv[1]
    failures, notes = check(root, argv[3] if len(argv) == 4 else None)
    for n in notes:
        print('NOTE: ' + n)
    for f in failures:
        print('FAIL: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
