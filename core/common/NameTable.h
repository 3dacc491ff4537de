#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

namespace jwb::common {

/// The text form of an enum, as one constexpr table: one row per enumerator, in declaration order, so that an
/// enumerator's value is its row (`inDeclarationOrder()` lets the table's owner static_assert it). Check.cpp,
/// Verdict.cpp and ErrorCode.cpp build their name tables on it; texts are stable contracts (JSON, tests), never
/// translated.
template<typename Enum, std::size_t N> struct NameTable
{
    std::array<std::pair<Enum, QStringView>, N> rows;

    [[nodiscard]] constexpr bool inDeclarationOrder() const
    {
        for (std::size_t i = 0; i < N; ++i)
            if (static_cast<std::size_t>(rows[i].first) != i)
                return false;
        return true;
    }
    /// The text of `value`; empty for a value outside the table (a cast from a bad integer).
    [[nodiscard]] QString text(Enum value) const
    {
        const auto i = static_cast<std::size_t>(value);
        return i < N ? rows[i].second.toString() : QString();
    }
    /// The enumerator with exactly this text (case-sensitive).
    [[nodiscard]] std::optional<Enum> fromText(QStringView text) const
    {
        for (const auto &[value, name] : rows)
            if (name == text)
                return value;
        return std::nullopt;
    }
    /// Every enumerator, in declaration order.
    [[nodiscard]] QList<Enum> all() const
    {
        QList<Enum> values;
        values.reserve(qsizetype(N));
        for (const auto &row : rows)
            values.append(row.first);
        return values;
    }
};

} // namespace jwb::common
