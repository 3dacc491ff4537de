#pragma once

#include "jose/Token.h"

#include <QList>
#include <QString>

namespace jwb::ui {

/// Where the parts of a token sit in the text the user typed, so the editor can colour them and point at the
/// exact character a ParseIssue names.
///
/// The parser's offsets are relative to Token::compact, which drops the wrapper (Bearer, quotes, cookie name)
/// and every whitespace character inside the token; each remaining character maps to exactly one character of
/// the input. A token rebuilt from the JWS JSON serialization has no such mapping and gets no markup.
struct TokenMarkup
{
    struct Span
    {
        qsizetype start = 0; ///< position in Token::input (QString index)
        qsizetype length = 0; ///< from the first to the last character, whitespace inside included
        jose::SegmentRole role = jose::SegmentRole::Extra;
    };
    struct Mark
    {
        qsizetype start = 0;
        qsizetype length = 0;
        bool character = false; ///< one bad character (true) or a whole segment whose content is wrong (false)
        QString message;
    };

    bool mapped = false;
    QList<Span> segments;
    QList<qsizetype> separators; ///< positions of the dots
    QList<Span> wrappers; ///< text around the token that the parser skipped: "Bearer ", quotes, cookie names
    QList<Mark> marks; ///< one per ParseIssue that points into the text

    [[nodiscard]] static TokenMarkup of(const jose::Token &token);
    /// The input position of compact character `compactOffset`, or -1.
    [[nodiscard]] static qsizetype inputPosition(const jose::Token &token, qsizetype compactOffset);
};

} // namespace jwb::ui
