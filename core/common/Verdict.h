#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace jwb::common {

/// The one-word answer of a verification, shown by the Inspector's banner and the Verify tab and compared by tests
/// (through verdictText). NotVerified: nothing was asked yet (no token, or no key chosen). Pending: the keys are
/// still being fetched. Valid and Invalid: every check passed, or one failed. KeyError: the keys could not be used
/// (unreadable, none fits). Malformed: the token could not be parsed, so there is nothing to judge.
enum class Verdict { NotVerified, Pending, Valid, Invalid, KeyError, Malformed };

/// "none", "pending", "valid", "invalid", "error", "malformed" (the first four are VerifyPanel::verdict()'s
/// strings today).
[[nodiscard]] QString verdictText(Verdict verdict);
/// The verdict with that exact text; nullopt for any other text.
[[nodiscard]] std::optional<Verdict> verdictFromText(QStringView text);
/// Every verdict, in declaration order.
[[nodiscard]] const QList<Verdict> &allVerdicts();

} // namespace jwb::common
