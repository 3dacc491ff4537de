#include "gateway/LineDiff.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace jwb::ui::LineDiff {

QList<Line> diff(const QStringList &a, const QStringList &b)
{
    QList<Line> out;
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    int head = 0;
    while (head < n && head < m && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head && a[n - 1 - tail] == b[m - 1 - tail])
        ++tail;
    for (int i = 0; i < head; ++i)
        out.append(Line {Line::Kind::Same, i + 1, i + 1, a[i]});

    const int rows = n - head - tail;
    const int cols = m - head - tail;
    auto removed = [&](int i) { out.append(Line {Line::Kind::Removed, head + i + 1, -1, a[head + i]}); };
    auto added = [&](int j) { out.append(Line {Line::Kind::Added, -1, head + j + 1, b[head + j]}); };
    if (static_cast<qint64>(rows) * cols > kMaxCells) {
        for (int i = 0; i < rows; ++i)
            removed(i);
        for (int j = 0; j < cols; ++j)
            added(j);
    } else if (rows > 0 || cols > 0) {
        // lcs[i][j]: length of the LCS of the suffixes starting at i and j.
        std::vector<int> lcs(static_cast<size_t>(rows + 1) * static_cast<size_t>(cols + 1), 0);
        auto at = [&](int i, int j) -> int & { return lcs[static_cast<size_t>(i) * (cols + 1) + j]; };
        for (int i = rows - 1; i >= 0; --i)
            for (int j = cols - 1; j >= 0; --j)
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        int i = 0, j = 0;
        while (i < rows || j < cols) {
            if (i < rows && j < cols && a[head + i] == b[head + j]) {
                out.append(Line {Line::Kind::Same, head + i + 1, head + j + 1, a[head + i]});
                ++i;
                ++j;
            } else if (i < rows && (j == cols || at(i + 1, j) >= at(i, j + 1))) {
                removed(i++); // removals first, as diff tools show them
            } else {
                added(j++);
            }
        }
    }
    for (int k = tail; k > 0; --k)
        out.append(Line {Line::Kind::Same, n - k + 1, m - k + 1, a[n - k]});
    return out;
}

QList<Line> diffText(const QString &oldText, const QString &newText)
{
    auto split = [](const QString &text) {
        if (text.isEmpty())
            return QStringList();
        QStringList lines = text.split(u'\n');
        if (text.endsWith(u'\n'))
            lines.removeLast();
        for (QString &l : lines)
            if (l.endsWith(u'\r'))
                l.chop(1);
        return lines;
    };
    return diff(split(oldText), split(newText));
}

QList<Line> hunks(const QList<Line> &lines, int context)
{
    const int n = static_cast<int>(lines.size());
    std::vector<bool> keep(static_cast<size_t>(n), false);
    for (int i = 0; i < n; ++i) {
        if (lines[i].kind == Line::Kind::Same)
            continue;
        for (int k = std::max(0, i - context); k <= std::min(n - 1, i + context); ++k)
            keep[static_cast<size_t>(k)] = true;
    }
    QList<Line> out;
    for (int i = 0; i < n;) {
        if (keep[static_cast<size_t>(i)]) {
            out.append(lines[i++]);
            continue;
        }
        int j = i;
        while (j < n && !keep[static_cast<size_t>(j)])
            ++j;
        // The next kept line tells where the following hunk starts.
        const QString where = j < n ? QCoreApplication::translate("jwb::ui::LineDiff", "@@ line %1 @@")
                                          .arg(std::max(lines[j].oldLine, lines[j].newLine))
                                    : QCoreApplication::translate("jwb::ui::LineDiff", "@@ end of file @@");
        out.append(Line {Line::Kind::Skipped, -1, -1,
            QCoreApplication::translate("jwb::ui::LineDiff", "… %n unchanged line(s) …  %1", nullptr, j - i)
                .arg(where)});
        i = j;
    }
    return out;
}

int changeCount(const QList<Line> &lines)
{
    int c = 0;
    for (const Line &l : lines)
        if (l.kind == Line::Kind::Added || l.kind == Line::Kind::Removed)
            ++c;
    return c;
}

QString toText(const QList<Line> &lines)
{
    QStringList out;
    out.reserve(lines.size());
    for (const Line &l : lines) {
        switch (l.kind) {
        case Line::Kind::Same:
            out.append(QStringLiteral("  ") + l.text);
            break;
        case Line::Kind::Added:
            out.append(QStringLiteral("+ ") + l.text);
            break;
        case Line::Kind::Removed:
            out.append(QStringLiteral("- ") + l.text);
            break;
        case Line::Kind::Skipped:
            out.append(l.text);
            break;
        }
    }
    return out.join(u'\n');
}

} // namespace jwb::ui::LineDiff
