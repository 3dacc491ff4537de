#include "common/Check.h"

#include "common/NameTable.h"

namespace jwb::common {

namespace {

constexpr NameTable<CheckName, 22> kCheckNames {{{
    {CheckName::Config, u"config"},
    {CheckName::Token, u"token"},
    {CheckName::Parse, u"parse"},
    {CheckName::Alg, u"alg"},
    {CheckName::Crit, u"crit"},
    {CheckName::Typ, u"typ"},
    {CheckName::Key, u"key"},
    {CheckName::KeyUse, u"key_use"},
    {CheckName::Signature, u"signature"},
    {CheckName::ClaimTypes, u"claim_types"},
    {CheckName::Iss, u"iss"},
    {CheckName::Aud, u"aud"},
    {CheckName::Nbf, u"nbf"},
    {CheckName::Exp, u"exp"},
    {CheckName::Iat, u"iat"},
    {CheckName::ClaimsMap, u"claims_map"},
    {CheckName::Revocation, u"revocation"},
    {CheckName::Roles, u"roles"},
    {CheckName::Scopes, u"scopes"},
    {CheckName::PropagateClaims, u"propagate_claims"},
    {CheckName::UrlParams, u"url_params"},
    {CheckName::Backend, u"backend"},
}}};
static_assert(kCheckNames.inDeclarationOrder() && std::size_t(CheckName::Backend) + 1 == kCheckNames.rows.size(),
    "kCheckNames: one row per CheckName, in declaration order");

constexpr NameTable<Outcome, 3> kOutcomes {{{
    {Outcome::Pass, u"pass"},
    {Outcome::Fail, u"fail"},
    {Outcome::Skip, u"skip"},
}}};
static_assert(kOutcomes.inDeclarationOrder() && std::size_t(Outcome::Skip) + 1 == kOutcomes.rows.size(),
    "kOutcomes: one row per Outcome, in declaration order");

} // namespace

QString checkNameText(CheckName name)
{
    return kCheckNames.text(name);
}

std::optional<CheckName> checkNameFromText(QStringView text)
{
    return kCheckNames.fromText(text);
}

const QList<CheckName> &allCheckNames()
{
    static const QList<CheckName> names = kCheckNames.all();
    return names;
}

QString outcomeText(Outcome outcome)
{
    return kOutcomes.text(outcome);
}

std::optional<Outcome> outcomeFromText(QStringView text)
{
    return kOutcomes.fromText(text);
}

const QList<Outcome> &allOutcomes()
{
    static const QList<Outcome> outcomes = kOutcomes.all();
    return outcomes;
}

const Check *findCheck(const QList<Check> &checks, CheckName name)
{
    for (const auto &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

const Check *firstFailure(const QList<Check> &checks)
{
    for (const auto &c : checks)
        if (c.failed())
            return &c;
    for (const auto &c : checks)
        if (!c.ok())
            return &c;
    return nullptr;
}

} // namespace jwb::common
