#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace jwb::ui {

/// A line diff (longest common subsequence) for the "changes against the file on disk" view. The common head
/// and tail are matched first, so an edit in a large krakend.json only runs the LCS on the lines around it; a
/// middle part too large for a quadratic table is shown as one removed block and one added block.
namespace LineDiff {

struct Line
{
    enum class Kind { Same, Added, Removed, Skipped };
    Kind kind = Kind::Same;
    int oldLine = -1; ///< 1-based line number in the old text, -1 for added lines
    int newLine = -1; ///< 1-based line number in the new text, -1 for removed lines
    QString text; ///< the line without its newline; for Skipped, a "@@ … @@" hunk header
};

/// Largest middle part (old lines × new lines) diffed with the LCS table.
inline constexpr qint64 kMaxCells = 4'000'000;

[[nodiscard]] QList<Line> diff(const QStringList &oldLines, const QStringList &newLines);
/// Splits on \n (a trailing \r is dropped) and diffs.
[[nodiscard]] QList<Line> diffText(const QString &oldText, const QString &newText);
/// Keeps `context` unchanged lines around each change and replaces longer unchanged runs by one Skipped line.
[[nodiscard]] QList<Line> hunks(const QList<Line> &lines, int context = 3);
/// Number of added and removed lines.
[[nodiscard]] int changeCount(const QList<Line> &lines);
/// Plain text: "+ ", "- " and "  " before added, removed and unchanged lines; Skipped lines as they are.
[[nodiscard]] QString toText(const QList<Line> &lines);

} // namespace LineDiff

} // namespace jwb::ui
