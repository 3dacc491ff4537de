#include "inspector/TokenMarkup.h"

namespace jwb::ui {

namespace {

/// compact index -> input index, or empty when compact is not a whitespace-free view of the input.
QList<qsizetype> compactToInput(const jose::Token &token)
{
    QList<qsizetype> positions;
    if (token.compact.isEmpty() || token.source.startsWith(QLatin1String("JWS JSON")))
        return positions;
    positions.reserve(token.compact.size());
    for (qsizetype i = token.inputOffset; i < token.input.size() && positions.size() < token.compact.size(); ++i) {
        if (!token.input[i].isSpace())
            positions.append(i);
    }
    if (positions.size() != token.compact.size())
        return {};
    // Guard against a wrapper the parser may learn in future: the ASCII characters must agree.
    for (const qsizetype k : {qsizetype(0), token.compact.size() - 1}) {
        const char expected = token.compact[k];
        const QChar actual = token.input[positions[k]];
        if (static_cast<unsigned char>(expected) < 0x80 && actual != QLatin1Char(expected))
            return {};
    }
    return positions;
}

} // namespace

qsizetype TokenMarkup::inputPosition(const jose::Token &token, qsizetype compactOffset)
{
    const QList<qsizetype> positions = compactToInput(token);
    return compactOffset >= 0 && compactOffset < positions.size() ? positions[compactOffset] : -1;
}

TokenMarkup TokenMarkup::of(const jose::Token &token)
{
    TokenMarkup markup;
    const QList<qsizetype> pos = compactToInput(token);
    if (pos.isEmpty())
        return markup;
    markup.mapped = true;

    auto spanOf = [&](const jose::Segment &seg) {
        const qsizetype first = pos[seg.offset];
        const qsizetype last = pos[seg.offset + seg.raw.size() - 1];
        return Span {first, last - first + 1, seg.role};
    };
    for (qsizetype i = 0; i < token.segments.size(); ++i) {
        const jose::Segment &seg = token.segments[i];
        if (!seg.raw.isEmpty())
            markup.segments.append(spanOf(seg));
        const qsizetype dot = seg.offset + seg.raw.size();
        if (i + 1 < token.segments.size() && dot < pos.size())
            markup.separators.append(pos[dot]);
    }

    // What the parser skipped around the token (a Bearer prefix, quotes, other cookies), minus outer whitespace.
    auto addWrapper = [&](qsizetype from, qsizetype to) {
        while (from < to && token.input[from].isSpace())
            ++from;
        while (to > from && token.input[to - 1].isSpace())
            --to;
        if (to > from)
            markup.wrappers.append(Span {from, to - from, jose::SegmentRole::Extra});
    };
    addWrapper(0, pos.first());
    addWrapper(pos.last() + 1, token.input.size());

    for (const jose::ParseIssue &issue : token.issues) {
        if (issue.offset < 0 || issue.offset >= pos.size())
            continue;
        // An issue about the decoded content (JSON) concerns the whole segment; otherwise the offset is the
        // character the parser stopped at.
        const bool aboutContent = issue.jsonOffset >= 0 || issue.code == u"json_not_object";
        if (aboutContent && issue.segment >= 0 && issue.segment < token.segments.size()) {
            const jose::Segment &seg = token.segments[issue.segment];
            if (seg.raw.isEmpty())
                continue;
            const Span span = spanOf(seg);
            markup.marks.append(Mark {span.start, span.length, false, issue.message});
        } else {
            markup.marks.append(Mark {pos[issue.offset], 1, true, issue.message});
        }
    }
    return markup;
}

} // namespace jwb::ui
