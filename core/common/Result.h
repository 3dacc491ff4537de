#pragma once

#include "common/Error.h"

#include <optional>
#include <utility>
#include <variant>

namespace jwb::common {

/// Value-or-error return type of every fallible core call (architecture.md, convention 1). No exception
/// crosses a core API: backends catch theirs and turn them into an Error here.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) { }
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) { }

    static Result failure(QString code, QString message, QVariantMap details = {})
    {
        return Result(Error {std::move(code), std::move(message), std::move(details)});
    }
    static Result failure(ErrorCode code, QString message, QVariantMap details = {})
    {
        return Result(Error::of(code, std::move(message), std::move(details)));
    }

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_data)); }
    [[nodiscard]] const Error &error() const { return std::get<1>(m_data); }

    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }

    [[nodiscard]] T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

/// Result of a call that produces nothing but may fail.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { }

    static Result failure(QString code, QString message, QVariantMap details = {})
    {
        return Result(Error {std::move(code), std::move(message), std::move(details)});
    }
    static Result failure(ErrorCode code, QString message, QVariantMap details = {})
    {
        return Result(Error::of(code, std::move(message), std::move(details)));
    }

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace jwb::common
