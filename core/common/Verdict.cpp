#include "common/Verdict.h"

#include "common/NameTable.h"

namespace jwb::common {

namespace {

constexpr NameTable<Verdict, 6> kVerdicts {{{
    {Verdict::NotVerified, u"none"},
    {Verdict::Pending, u"pending"},
    {Verdict::Valid, u"valid"},
    {Verdict::Invalid, u"invalid"},
    {Verdict::KeyError, u"error"},
    {Verdict::Malformed, u"malformed"},
}}};
static_assert(kVerdicts.inDeclarationOrder() && std::size_t(Verdict::Malformed) + 1 == kVerdicts.rows.size(),
    "kVerdicts: one row per Verdict, in declaration order");

} // namespace

QString verdictText(Verdict verdict)
{
    return kVerdicts.text(verdict);
}

std::optional<Verdict> verdictFromText(QStringView text)
{
    return kVerdicts.fromText(text);
}

const QList<Verdict> &allVerdicts()
{
    static const QList<Verdict> verdicts = kVerdicts.all();
    return verdicts;
}

} // namespace jwb::common
