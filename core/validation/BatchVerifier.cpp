#include "validation/BatchVerifier.h"

#include "common/BoundedFile.h"
#include "crypto/Backend.h"
#include "crypto/PreparedVerifier.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "validation/Verifier.h"

#include <QElapsedTimer>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace jwb::validation {

using crypto::Algorithm;
using Verdict = BatchVerifier::Verdict;

namespace {

constexpr int kAlgorithmCount = 16; // crypto::Algorithms::all(), in enum order
constexpr int kMaxMembers = 64; // per object; more is Unsure
constexpr int kMaxDepth = 32;

/// Strict base64url into a reused buffer (jose::Base64Url's rules); false for anything it would refuse.
bool decodeB64(const char *in, std::size_t n, std::vector<unsigned char> &out)
{
    out.resize(n * 3 / 4);
    const qsizetype length = jose::Base64Url::decodeInto(in, static_cast<qsizetype>(n), out.data());
    if (length < 0)
        return false;
    out.resize(static_cast<std::size_t>(length));
    return true;
}

struct Member
{
    std::string_view key;
    std::string_view raw; ///< the value's text (strings without their quotes)
    char type = 0; ///< s n o a t f z
    bool escaped = false; ///< a string value with backslash escapes: raw is not its value
};

/// A strict RFC 8259 scanner for the subset the fast path decides: ASCII text, no \u escapes, no escapes in
/// member names, numbers without exponents of at most 20 characters, depth <= 32, <= 64 members per object.
/// Anything outside it returns false (Unsure), never a verdict. Duplicate member names (at any depth) set
/// `duplicate`.
class JsonScan
{
public:
    JsonScan(const unsigned char *b, std::size_t n) : p(reinterpret_cast<const char *>(b)), end(p + n) { }

    bool topObject(Member *members, int &count)
    {
        ws();
        if (p == end || *p != '{')
            return false;
        if (!object(0, members, &count))
            return false;
        ws();
        return p == end;
    }
    bool duplicate = false;

    /// Iterates the elements of an array value's text (already validated): string elements and other types.
    static bool arrayStrings(std::string_view raw, std::vector<Member> &out)
    {
        JsonScan s(reinterpret_cast<const unsigned char *>(raw.data()), raw.size());
        ++s.p; // '['
        s.ws();
        if (s.p < s.end && *s.p == ']')
            return true;
        for (;;) {
            Member m;
            if (!s.value(1, m))
                return false;
            out.push_back(m);
            const After next = s.afterValue(']');
            if (next != After::Next)
                return next == After::Closed;
        }
    }

private:
    const char *p;
    const char *end;

    void ws()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    }

    enum class After { Next, Closed, Error };
    /// After a member or element: ',' (another follows), `close` (the container ends) or an error.
    After afterValue(char close)
    {
        ws();
        if (p < end && *p == ',') {
            ++p;
            return After::Next;
        }
        if (p < end && *p == close) {
            ++p;
            return After::Closed;
        }
        return After::Error;
    }

    bool string(std::string_view &content, bool &escaped)
    {
        ++p; // opening quote
        const char *start = p;
        escaped = false;
        while (p < end) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                content = std::string_view(start, static_cast<std::size_t>(p - start));
                ++p;
                return true;
            }
            if (c < 0x20 || c >= 0x7f)
                return false;
            if (c == '\\') {
                if (p + 1 >= end)
                    return false;
                const char e = p[1];
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                    return false; // \u and anything invalid: not decided here
                escaped = true;
                p += 2;
                continue;
            }
            ++p;
        }
        return false;
    }

    bool number()
    {
        const char *start = p;
        if (p < end && *p == '-')
            ++p;
        if (p == end)
            return false;
        if (*p == '0') {
            ++p;
        } else if (*p >= '1' && *p <= '9') {
            while (p < end && *p >= '0' && *p <= '9')
                ++p;
        } else {
            return false;
        }
        if (p < end && *p == '.') {
            ++p;
            const char *digits = p;
            while (p < end && *p >= '0' && *p <= '9')
                ++p;
            if (p == digits)
                return false;
        }
        if (p < end && (*p == 'e' || *p == 'E'))
            return false;
        return p - start <= 20;
    }

    bool literal(const char *word, std::size_t n)
    {
        if (static_cast<std::size_t>(end - p) < n || std::memcmp(p, word, n) != 0)
            return false;
        p += n;
        return true;
    }

    bool value(int depth, Member &m)
    {
        ws();
        if (p == end)
            return false;
        const char *start = p;
        switch (*p) {
        case '"': {
            m.type = 's';
            return string(m.raw, m.escaped);
        }
        case '{':
            m.type = 'o';
            if (!object(depth + 1, nullptr, nullptr))
                return false;
            break;
        case '[':
            m.type = 'a';
            if (!array(depth + 1))
                return false;
            break;
        case 't':
            m.type = 't';
            if (!literal("true", 4))
                return false;
            break;
        case 'f':
            m.type = 'f';
            if (!literal("false", 5))
                return false;
            break;
        case 'n':
            m.type = 'z';
            if (!literal("null", 4))
                return false;
            break;
        default:
            m.type = 'n';
            if (!number())
                return false;
        }
        m.raw = std::string_view(start, static_cast<std::size_t>(p - start));
        return true;
    }

    bool array(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        ++p;
        ws();
        if (p < end && *p == ']') {
            ++p;
            return true;
        }
        for (;;) {
            Member m;
            if (!value(depth, m))
                return false;
            const After next = afterValue(']');
            if (next != After::Next)
                return next == After::Closed;
        }
    }

    /// `out`/`count` collect the members (top level only); nested objects keep their names for the
    /// duplicate check only.
    bool object(int depth, Member *out, int *count)
    {
        if (depth > kMaxDepth)
            return false;
        std::array<std::string_view, kMaxMembers> names;
        int n = 0;
        ++p;
        ws();
        if (p < end && *p == '}') {
            ++p;
            if (count)
                *count = 0;
            return true;
        }
        for (;;) {
            ws();
            if (p == end || *p != '"')
                return false;
            std::string_view name;
            bool escaped = false;
            if (!string(name, escaped) || escaped || n == kMaxMembers)
                return false;
            for (int i = 0; i < n; ++i)
                if (names[static_cast<std::size_t>(i)] == name)
                    duplicate = true;
            names[static_cast<std::size_t>(n)] = name;
            ws();
            if (p == end || *p != ':')
                return false;
            ++p;
            Member m;
            if (!value(depth, m))
                return false;
            m.key = name;
            if (out)
                out[n] = m;
            ++n;
            const After next = afterValue('}');
            if (next == After::Error)
                return false;
            if (next == After::Closed) {
                if (count)
                    *count = n;
                return true;
            }
        }
    }
};

const Member *findMember(const Member *members, int count, std::string_view name)
{
    for (int i = 0; i < count; ++i)
        if (members[i].key == name)
            return &members[i];
    return nullptr;
}

/// exp/nbf/iat as Verifier reads them: trunc(double) of the number. nullopt when outside the decided range.
std::optional<qint64> wholeSeconds(std::string_view raw)
{
    double v = 0;
    const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    if (r.ec != std::errc() || r.ptr != raw.data() + raw.size() || !(std::fabs(v) < 9.0e15))
        return std::nullopt;
    return static_cast<qint64>(std::trunc(v));
}

int algIndex(std::string_view name)
{
    static const std::array<std::string_view, kAlgorithmCount> names = {"HS256", "HS384", "HS512", "RS256", "RS384",
        "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "ES256K", "Ed25519", "Ed448"};
    for (int i = 0; i < kAlgorithmCount; ++i)
        if (names[static_cast<std::size_t>(i)] == name)
            return i;
    return -1;
}

} // namespace

struct BatchVerifier::Shared
{
    keys::JwkSet keySet;
    Policy policy; // with the batch's fixed clock
    qint64 now = 0;
    bool fastPath = true;
    bool keySetUnusable = false; // empty or mixed: the key check fails for every token
    bool bareSingleKey = false;
    std::unordered_map<std::string, std::vector<int>> byKid;
    std::string issuer; // the policy's, or the one the key set was discovered for
    bool issuerConflict = false; // both given and different: no token passes the iss check
    std::string typ; // the required typ, normalized (RFC 7515 §4.1.9); empty: not checked
    std::vector<std::string> audiences;
    bool policyAudiencesAscii = true;
    std::array<bool, kAlgorithmCount> available {};
};

BatchVerifier::BatchVerifier(const keys::JwkSet &keySet, const Policy &policy) : d(std::make_unique<Shared>())
{
    d->keySet = keySet;
    d->policy = policy;
    const QDateTime instant = policy.clock->now();
    d->policy.clock = common::Clock::fixed(instant);
    d->now = instant.toSecsSinceEpoch();
    d->fastPath = policy.keyIdStrategy == KeyIdStrategy::Kid;
    d->keySetUnusable = keySet.isEmpty() || keySet.isMixedSymmetry();
    d->bareSingleKey = keySet.keys.size() == 1 && keySet.format != u"JWK Set" && keySet.keys.first().kid.isEmpty();
    for (int i = 0; i < keySet.keys.size(); ++i)
        d->byKid[keySet.keys[i].kid.toStdString()].push_back(i);
    d->issuer = (policy.issuer.isEmpty() ? keySet.issuer : policy.issuer).toStdString();
    d->issuerConflict = !policy.issuer.isEmpty() && !keySet.issuer.isEmpty() && policy.issuer != keySet.issuer;
    if (!policy.requiredTyp.isEmpty())
        d->typ = normalizedMediaType(policy.requiredTyp).toStdString();
    for (const auto &a : policy.audiences)
        d->audiences.push_back(a.toStdString());
    // Self-tests run lazily, so only the algorithms this batch can accept are tested (here, on the calling thread):
    // the policy's one, or those some key fits. For any other a token is invalid whether or not the algorithm is
    // available (the alg check, or else the key check, fails), so marking it unavailable decides the same.
    for (int i = 0; i < kAlgorithmCount; ++i) {
        const auto alg = static_cast<Algorithm>(i);
        bool relevant = !policy.algorithm || *policy.algorithm == alg;
        if (relevant) {
            relevant = false;
            for (const auto &k : keySet.keys)
                relevant = relevant || crypto::Signature::checkKeyFits(alg, k.key, false).ok();
        }
        d->available[static_cast<std::size_t>(i)] = relevant && crypto::Backend::instance().isAvailable(alg);
    }
}

BatchVerifier::~BatchVerifier() = default;

bool BatchVerifier::fastPathEnabled() const
{
    return d->fastPath;
}

Report BatchVerifier::verifyFully(QByteArrayView line) const
{
    return Verifier::verify(QString::fromLatin1(line), d->keySet, d->policy);
}

struct BatchVerifier::Worker::State
{
    const Shared &s;
    explicit State(const Shared &shared) : s(shared) { }
    std::vector<unsigned char> header, payload, signature;
    std::vector<Member> audience;
    // Per algorithm: keys that fit it (lazily), and per (key, algorithm) the key_use verdict and verifier.
    std::array<std::optional<std::vector<int>>, kAlgorithmCount> fitting;
    std::vector<qint8> usable; // -1 unknown, 0 no, 1 yes
    std::vector<std::unique_ptr<crypto::PreparedVerifier>> verifiers;
    std::vector<bool> verifierFailed;

    bool isUsable(int key, int alg)
    {
        const std::size_t slot = static_cast<std::size_t>(key * kAlgorithmCount + alg);
        if (usable[slot] < 0)
            usable[slot]
                = Verifier::keyUseError(s.keySet.keys[key], static_cast<Algorithm>(alg), s.policy).isEmpty() ? 1 : 0;
        return usable[slot] == 1;
    }
    const std::vector<int> &fits(int alg)
    {
        auto &f = fitting[static_cast<std::size_t>(alg)];
        if (!f) {
            f.emplace();
            for (int i = 0; i < s.keySet.keys.size(); ++i)
                if (crypto::Signature::checkKeyFits(static_cast<Algorithm>(alg), s.keySet.keys[i].key, false))
                    f->push_back(i);
        }
        return *f;
    }
    crypto::PreparedVerifier *verifier(int key, int alg)
    {
        const std::size_t slot = static_cast<std::size_t>(key * kAlgorithmCount + alg);
        if (!verifiers[slot] && !verifierFailed[slot]) {
            auto v = crypto::PreparedVerifier::create(static_cast<Algorithm>(alg), s.keySet.keys[key].key);
            if (v)
                verifiers[slot] = std::make_unique<crypto::PreparedVerifier>(std::move(v.value()));
            else
                verifierFailed[slot] = true;
        }
        return verifiers[slot].get();
    }
};

BatchVerifier::Worker::Worker(const BatchVerifier &owner) : d(std::make_unique<State>(*owner.d))
{
    const std::size_t slots = static_cast<std::size_t>(owner.d->keySet.keys.size()) * kAlgorithmCount;
    d->usable.assign(slots, -1);
    d->verifiers.resize(slots);
    d->verifierFailed.assign(slots, false);
    d->header.reserve(1024);
    d->payload.reserve(4096);
    d->signature.reserve(1024);
}

BatchVerifier::Worker::~Worker() = default;

namespace {

/// Where one line's compact JWS lies: from `begin` to `end`, the signing input ending at the second dot.
struct Segments
{
    const char *begin = nullptr;
    const char *end = nullptr;
    const char *dot1 = nullptr;
    const char *dot2 = nullptr;
};

/// The members of the header and the payload, as the scanner found them.
struct Members
{
    Member header[kMaxMembers];
    Member payload[kMaxMembers];
    int headerCount = 0;
    int payloadCount = 0;
};

/// Trims the line (spaces, tabs, CRs) and finds the two dots of a compact JWS; false when it is not one.
inline bool findSegments(QByteArrayView line, Segments &out)
{
    const char *b = line.data();
    const char *e = b + line.size();
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (b < e && blank(*b))
        ++b;
    while (e > b && blank(e[-1]))
        --e;
    const char *dot1 = static_cast<const char *>(std::memchr(b, '.', static_cast<std::size_t>(e - b)));
    if (!dot1 || dot1 == b)
        return false;
    const char *dot2 = static_cast<const char *>(std::memchr(dot1 + 1, '.', static_cast<std::size_t>(e - dot1 - 1)));
    if (!dot2 || std::memchr(dot2 + 1, '.', static_cast<std::size_t>(e - dot2 - 1)))
        return false;
    out = Segments {b, e, dot1, dot2};
    return true;
}

/// The typ check on an unescaped ASCII value (the scanner's subset): lower-cased, "application/" implied without
/// a '/', compared with the policy's normalized type.
inline bool typMatches(std::string_view raw, const std::string &wanted)
{
    std::string value(raw);
    for (char &ch : value)
        ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (value.find('/') == std::string::npos)
        value.insert(0, "application/");
    return value == wanted;
}

} // namespace

/// The fast path's steps, each deciding the line (a Verdict) or letting the next step run (nullopt), in the order
/// of Verifier::verify.
struct BatchVerifier::Worker::Steps
{
    /// Decodes the three segments into the worker's buffers; false for anything the strict decoder refuses.
    static bool decode(State &d, const Segments &seg)
    {
        return decodeB64(seg.begin, static_cast<std::size_t>(seg.dot1 - seg.begin), d.header)
            && decodeB64(seg.dot1 + 1, static_cast<std::size_t>(seg.dot2 - seg.dot1 - 1), d.payload)
            && decodeB64(seg.dot2 + 1, static_cast<std::size_t>(seg.end - seg.dot2 - 1), d.signature);
    }

    /// 1. parse: both segments JSON objects in the decided subset; duplicate members fail the parse check.
    static std::optional<Verdict> parse(State &d, Members &m)
    {
        JsonScan hs(d.header.data(), d.header.size());
        if (!hs.topObject(m.header, m.headerCount))
            return Verdict::Unsure;
        JsonScan ps(d.payload.data(), d.payload.size());
        if (!ps.topObject(m.payload, m.payloadCount))
            return Verdict::Unsure;
        if (hs.duplicate || ps.duplicate)
            return Verdict::Invalid;
        return std::nullopt;
    }

    /// 2. alg, 3. crit, typ. Sets `alg` to the algorithm's index.
    static std::optional<Verdict> header(const Shared &s, const Members &m, int &alg)
    {
        const Member *algMember = findMember(m.header, m.headerCount, "alg");
        if (!algMember || algMember->type != 's' || algMember->escaped)
            return Verdict::Unsure;
        alg = algIndex(algMember->raw);
        if (alg < 0) // none, unknown or wrongly cased: the alg check fails
            return Verdict::Invalid;
        if (s.policy.algorithm && static_cast<int>(*s.policy.algorithm) != alg)
            return Verdict::Invalid;
        if (!s.available[static_cast<std::size_t>(alg)])
            return Verdict::Invalid;
        if (findMember(m.header, m.headerCount, "crit"))
            return Verdict::Invalid;
        if (!s.typ.empty()) {
            const Member *typ = findMember(m.header, m.headerCount, "typ");
            if (!typ || typ->type != 's')
                return Verdict::Invalid;
            if (typ->escaped)
                return Verdict::Unsure;
            if (!typMatches(typ->raw, s.typ))
                return Verdict::Invalid;
        }
        return std::nullopt;
    }

    /// 4. key, 5. key_use, 6. signature.
    static std::optional<Verdict> keyAndSignature(State &d, const Members &m, int alg, const Segments &seg)
    {
        const Shared &s = d.s;
        if (s.keySetUnusable)
            return Verdict::Invalid;
        std::array<int, 1> single {};
        const int *candidates = nullptr;
        std::size_t candidateCount = 0;
        if (const Member *kid = findMember(m.header, m.headerCount, "kid")) {
            if (kid->type != 's' || kid->escaped)
                return Verdict::Unsure;
            const auto it = s.byKid.find(std::string(kid->raw));
            if (it != s.byKid.end()) {
                if (it->second.size() > 1)
                    return Verdict::Invalid; // ambiguous
                single[0] = it->second.front();
            } else if (s.bareSingleKey) {
                single[0] = 0;
            } else {
                return Verdict::Invalid;
            }
            candidates = single.data();
            candidateCount = 1;
        } else {
            const auto &f = d.fits(alg);
            if (f.empty())
                return Verdict::Invalid;
            candidates = f.data();
            candidateCount = f.size();
        }
        bool useOk = false, signatureOk = false;
        const std::size_t signingLength = static_cast<std::size_t>(seg.dot2 - seg.begin);
        for (std::size_t i = 0; i < candidateCount; ++i) {
            const int key = candidates[i];
            if (!d.isUsable(key, alg))
                continue;
            useOk = true;
            crypto::PreparedVerifier *v = d.verifier(key, alg);
            if (!v)
                return Verdict::Unsure;
            if (v->verify(seg.begin, signingLength, d.signature.data(), d.signature.size())) {
                signatureOk = true;
                break;
            }
        }
        if (!useOk || !signatureOk)
            return Verdict::Invalid;
        return std::nullopt;
    }

    /// 7. claim types, iss, aud, nbf, exp, iat.
    static Verdict claims(State &d, const Members &m)
    {
        const Shared &s = d.s;
        std::optional<qint64> exp, nbf, iat;
        const Member *iss = nullptr, *aud = nullptr;
        for (int i = 0; i < m.payloadCount; ++i) {
            const Member &member = m.payload[i];
            const std::string_view k = member.key;
            if (k == "exp" || k == "nbf" || k == "iat") {
                if (member.type != 'n')
                    return Verdict::Invalid;
                const auto v = wholeSeconds(member.raw);
                if (!v)
                    return Verdict::Unsure;
                (k == "exp" ? exp : k == "nbf" ? nbf : iat) = v;
            } else if (k == "iss" || k == "sub" || k == "jti") {
                if (member.type != 's')
                    return Verdict::Invalid;
                if (k == "iss")
                    iss = &member;
            } else if (k == "aud") {
                aud = &member;
            }
        }
        if (const auto v = audience(d, aud))
            return *v;
        if (const auto v = issuerAndAudiences(d, iss))
            return *v;
        const qint64 now = s.now;
        const qint64 leeway = s.policy.leewaySeconds;
        if (nbf && !(now + leeway >= *nbf))
            return Verdict::Invalid;
        if (exp) {
            if (!(now < *exp + leeway))
                return Verdict::Invalid;
        } else if (s.policy.requireExp) {
            return Verdict::Invalid;
        }
        if (iat && !(*iat <= now + leeway))
            return Verdict::Invalid;
        return Verdict::Valid;
    }

    /// The aud claim's type (a string, or an array of strings), collected into the worker's audience list.
    static std::optional<Verdict> audience(State &d, const Member *aud)
    {
        d.audience.clear();
        if (!aud)
            return std::nullopt;
        if (aud->type == 's') {
            d.audience.push_back(*aud);
        } else if (aud->type == 'a') {
            if (!JsonScan::arrayStrings(aud->raw, d.audience))
                return Verdict::Unsure;
            for (const Member &m : d.audience)
                if (m.type != 's')
                    return Verdict::Invalid;
        } else {
            return Verdict::Invalid;
        }
        return std::nullopt;
    }

    /// iss against the required issuer, then every required audience in aud.
    static std::optional<Verdict> issuerAndAudiences(const State &d, const Member *iss)
    {
        const Shared &s = d.s;
        if (s.issuerConflict)
            return Verdict::Invalid;
        if (!s.issuer.empty()) {
            if (!iss)
                return Verdict::Invalid;
            if (iss->escaped)
                return Verdict::Unsure;
            if (iss->raw != s.issuer)
                return Verdict::Invalid;
        }
        if (!s.audiences.empty()) {
            for (const Member &m : d.audience)
                if (m.escaped)
                    return Verdict::Unsure;
            for (const auto &wanted : s.audiences) {
                bool found = false;
                for (const Member &m : d.audience)
                    found = found || m.raw == wanted;
                if (!found)
                    return Verdict::Invalid;
            }
        }
        return std::nullopt;
    }
};

Verdict BatchVerifier::Worker::check(QByteArrayView line)
{
    if (!d->s.fastPath)
        return Verdict::Unsure;
    Segments seg;
    if (!findSegments(line, seg) || !Steps::decode(*d, seg))
        return Verdict::Unsure;
    Members members;
    if (const auto v = Steps::parse(*d, members))
        return *v;
    int alg = -1;
    if (const auto v = Steps::header(d->s, members, alg))
        return *v;
    if (const auto v = Steps::keyAndSignature(*d, members, alg, seg))
        return *v;
    return Steps::claims(*d, members);
}

BatchVerifier::Summary BatchVerifier::run(QByteArrayView data, int jobs, bool perLineResults) const
{
    Summary summary;
    runBlock(data, jobs, perLineResults, 0, summary, {});
    summary.wallSeconds = summary.seconds;
    summary.bytes = data.size();
    return summary;
}

void BatchVerifier::runBlock(
    QByteArrayView data, int jobs, bool perLineResults, int firstLine, Summary &summary, const ResultSink &sink) const
{
    QElapsedTimer timer;
    timer.start();
    struct Line
    {
        qsizetype start;
        qsizetype length;
        int number; ///< within its chunk (1-based); the chunks before it add their line counts
        Verdict verdict;
    };
    // The file is cut into chunks (256 KiB or more) that end after a newline; each worker takes whole chunks, finds
    // their lines and checks them, in parallel. Line numbers are made global afterwards.
    struct Chunk
    {
        qsizetype begin;
        qsizetype end;
        int lineCount = 0; ///< every line, blank ones too
        std::vector<Line> lines; ///< the non-blank ones
    };
    jobs = std::clamp(jobs, 1, 64);
    const char *bytes = data.data();
    const qsizetype size = data.size();
    const qsizetype chunkSize = std::max<qsizetype>(256 * 1024, size / (jobs * 16) + 1);
    std::vector<Chunk> chunks;
    for (qsizetype begin = 0;;) {
        qsizetype end = std::min(begin + chunkSize, size);
        if (const qsizetype rest = size - end; rest > 0) {
            const void *nl = std::memchr(bytes + end, '\n', static_cast<std::size_t>(rest));
            end = nl ? static_cast<const char *>(nl) - bytes + 1 : size;
        }
        chunks.push_back({begin, end, 0, {}});
        if (end >= size)
            break;
        begin = end;
    }

    std::atomic<std::size_t> next {0};
    auto work = [&] {
        Worker worker(*this);
        for (;;) {
            const std::size_t index = next.fetch_add(1, std::memory_order_relaxed);
            if (index >= chunks.size())
                return;
            Chunk &chunk = chunks[index];
            chunk.lines.reserve(static_cast<std::size_t>((chunk.end - chunk.begin) / 256 + 1));
            const bool last = chunk.end == size;
            qsizetype pos = chunk.begin;
            // A newline starts a line; the last chunk also has the line after its last newline (maybe empty).
            while (pos < chunk.end || (last && pos == size)) {
                const qsizetype available = chunk.end - pos;
                const void *found
                    = available > 0 ? std::memchr(bytes + pos, '\n', static_cast<std::size_t>(available)) : nullptr;
                const qsizetype nl = found ? static_cast<const char *>(found) - bytes : chunk.end;
                ++chunk.lineCount;
                bool blank = true;
                for (qsizetype i = pos; i < nl && blank; ++i) {
                    const char c = bytes[i];
                    blank = c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
                }
                if (!blank)
                    chunk.lines.push_back({pos, nl - pos, chunk.lineCount, Verdict::Unsure});
                pos = nl + 1;
            }
            // Then checked while the chunk is still in the cache.
            for (Line &line : chunk.lines)
                line.verdict = worker.check(QByteArrayView(bytes + line.start, line.length));
        }
    };
    if (jobs == 1 || chunks.size() < 2) {
        work();
    } else {
        std::vector<std::thread> threads;
        for (int j = 1; j < jobs; ++j)
            threads.emplace_back(work);
        work();
        for (auto &t : threads)
            t.join();
    }
    // Unsure lines, and the reasons for invalid ones when asked, come from the reference path (on this thread:
    // it shares QCA keys and Qt objects that are not meant for concurrent use).
    int before = firstLine; // lines in the blocks and chunks before this one
    for (const Chunk &chunk : chunks) {
        summary.total += static_cast<int>(chunk.lines.size());
        for (const Line &line : chunk.lines) {
            const Verdict v = line.verdict;
            bool valid = v == Verdict::Valid;
            QString reason;
            if (v != Verdict::Unsure)
                ++summary.fastDecided;
            if (v == Verdict::Unsure || ((perLineResults || sink) && v == Verdict::Invalid)) {
                const Report report = verifyFully(data.sliced(line.start, line.length));
                valid = report.valid;
                if (const common::Check *failure = report.firstFailure())
                    reason = failure->nameText() + QStringLiteral(": ") + failure->detail;
            }
            summary.valid += valid ? 1 : 0;
            if (sink)
                sink(LineResult {before + line.number, valid, reason});
            else if (perLineResults)
                summary.results.append({before + line.number, valid, reason});
        }
        before += chunk.lineCount;
    }
    summary.seconds += static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

common::Result<BatchVerifier::Summary> BatchVerifier::run(
    QIODevice &input, int jobs, bool perLineResults, const ResultSink &sink, StreamLimits limits) const
{
    QElapsedTimer wall;
    wall.start();
    Summary summary;
    common::LineBlockReader reader(input, limits);
    int linesBefore = 0;
    const auto readFailed = [&] {
        return common::Result<Summary>::failure(QStringLiteral("unreadable_input"),
            QStringLiteral("reading the tokens stopped after %1 bytes: %2")
                .arg(reader.bytes())
                .arg(input.errorString()));
    };
    while (!reader.atEnd()) {
        if (!reader.fill())
            return readFailed();
        if (reader.lineTooLong()) {
            // Not kept in memory, not a token this tool would verify: invalid, and the count goes on.
            const LineResult tooLong {linesBefore + 1, false,
                QStringLiteral("parse: the line is longer than %1; not read as a token")
                    .arg(common::BoundedFile::sizeText(limits.maxLine))};
            ++summary.total;
            if (sink)
                sink(tooLong);
            else if (perLineResults)
                summary.results.append(tooLong);
            ++linesBefore;
            if (!reader.skipLine())
                return readFailed();
            continue;
        }
        const QByteArrayView block = reader.block();
        runBlock(block, jobs, perLineResults, linesBefore, summary, sink);
        linesBefore += static_cast<int>(std::count(block.begin(), block.end(), '\n'));
        reader.consume(block.size());
    }
    summary.bytes = reader.bytes();
    summary.wallSeconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace jwb::validation
