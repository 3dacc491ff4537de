#include "jose/SecretSearch.h"

#include "crypto/Hmac.h"

#include <QElapsedTimer>
#include <QIODevice>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstring>
#include <thread>
#include <vector>

namespace jwb::jose {

namespace {

/// One thread's share of a block: the lines from `begin` to `end` (both at line starts), the first of them
/// numbered `firstLine`.
struct Slice
{
    qsizetype begin = 0;
    qsizetype end = 0;
    qint64 firstLine = 0;
    qint64 tried = 0;
    qint64 foundLine = 0; ///< 0: none
    qsizetype foundStart = 0;
    qsizetype foundLength = 0;
};

/// Cuts `block` into `parts` slices of about equal size at line starts, each numbered.
std::vector<Slice> slicesOf(QByteArrayView block, int parts, qint64 firstLine)
{
    std::vector<Slice> slices;
    const char *bytes = block.data();
    const qsizetype size = block.size();
    qsizetype begin = 0;
    qint64 line = firstLine;
    for (int i = 0; i < parts && begin < size; ++i) {
        qsizetype end = i == parts - 1 ? size : std::min(size, begin + (size - begin) / (parts - i));
        if (end < size) {
            const void *nl = std::memchr(bytes + end, '\n', static_cast<std::size_t>(size - end));
            end = nl ? static_cast<const char *>(nl) - bytes + 1 : size;
        }
        slices.push_back({begin, end, line});
        line += std::count(bytes + begin, bytes + end, '\n');
        begin = end;
    }
    return slices;
}

} // namespace

common::Result<crypto::Algorithm> SecretSearch::algorithmFor(const Token &token)
{
    const auto notHmac = [](const QString &why) {
        return common::Result<crypto::Algorithm>::failure(QStringLiteral("not_hmac"),
            QStringLiteral("a wordlist search needs an HS256, HS384 or HS512 token: %1").arg(why));
    };
    if (token.kind != TokenKind::Jws || !token.headerOk)
        return notHmac(QStringLiteral("this is not a signed token (JWS) with a readable header"));
    const auto alg = crypto::Algorithms::fromName(token.alg());
    if (!alg || crypto::Algorithms::family(*alg) != crypto::AlgorithmFamily::Hmac)
        return notHmac(QStringLiteral("its alg is \"%1\"").arg(token.alg()));
    const qsizetype tagLength = crypto::Algorithms::hashBits(*alg) / 8;
    if (token.signature.size() != tagLength)
        return notHmac(QStringLiteral("its signature has %1 bytes, %2 has %3")
                           .arg(token.signature.size())
                           .arg(token.alg())
                           .arg(tagLength));
    return *alg;
}

common::Result<SecretSearch> SecretSearch::create(const Token &token)
{
    const auto alg = algorithmFor(token);
    if (!alg)
        return alg.error();
    SecretSearch s;
    s.m_alg = alg.value();
    s.m_input = token.signingInput();
    s.m_signature = token.signature;
    return s;
}

bool SecretSearch::matches(const QByteArray &secret) const
{
    crypto::HmacState hmac(crypto::Algorithms::hashBits(m_alg));
    hmac.setKey(reinterpret_cast<const unsigned char *>(secret.constData()), static_cast<std::size_t>(secret.size()));
    return hmac.matches(m_input.constData(), static_cast<std::size_t>(m_input.size()),
        reinterpret_cast<const unsigned char *>(m_signature.constData()));
}

common::Result<SecretSearch::Outcome> SecretSearch::run(QIODevice &wordlist, const Options &options) const
{
    QElapsedTimer timer;
    timer.start();
    const int jobs = std::clamp(options.jobs, 1, 64);
    const int hashBits = crypto::Algorithms::hashBits(m_alg);
    const auto *tag = reinterpret_cast<const unsigned char *>(m_signature.constData());
    const auto inputLength = static_cast<std::size_t>(m_input.size());
    Outcome outcome;
    common::LineBlockReader reader(wordlist, options.limits);
    qint64 line = 1; // the number of the block's first line
    std::atomic_int firstFinder {INT_MAX}; // the lowest slice of the block that found the secret

    // Each thread tries its slice's lines in order and stops at its first match, or when a thread found one in an
    // earlier slice, or when cancelled (both checked every 4,096 candidates).
    const auto search = [&](QByteArrayView block, Slice &slice, int index) {
        crypto::HmacState hmac(hashBits);
        const char *bytes = block.data();
        qsizetype pos = slice.begin;
        qint64 number = slice.firstLine;
        while (pos < slice.end) {
            const void *found = std::memchr(bytes + pos, '\n', static_cast<std::size_t>(slice.end - pos));
            const qsizetype nl = found ? static_cast<const char *>(found) - bytes : slice.end;
            qsizetype length = nl - pos;
            if (length > 0 && bytes[pos + length - 1] == '\r')
                --length;
            if (length > 0) {
                hmac.setKey(reinterpret_cast<const unsigned char *>(bytes + pos), static_cast<std::size_t>(length));
                ++slice.tried;
                if (hmac.matches(m_input.constData(), inputLength, tag)) {
                    slice.foundLine = number;
                    slice.foundStart = pos;
                    slice.foundLength = length;
                    for (int seen = firstFinder.load();
                         index < seen && !firstFinder.compare_exchange_weak(seen, index);)
                        ;
                    return;
                }
                if ((slice.tried & 4095) == 0
                    && (options.cancel.isCancelled() || firstFinder.load(std::memory_order_relaxed) < index))
                    return;
            }
            pos = nl + 1;
            ++number;
        }
    };

    const auto readFailed = [&] {
        return common::Result<Outcome>::failure(QStringLiteral("unreadable_input"),
            QStringLiteral("reading the wordlist stopped after %1 bytes: %2")
                .arg(reader.bytes())
                .arg(wordlist.errorString()));
    };
    while (!reader.atEnd() && !outcome.found) {
        if (options.cancel.isCancelled()) {
            outcome.cancelled = true;
            break;
        }
        if (!reader.fill())
            return readFailed();
        if (reader.lineTooLong()) { // no secret anyone types: skipped, and the numbering goes on
            if (!reader.skipLine())
                return readFailed();
            ++line;
            continue;
        }
        const QByteArrayView block = reader.block();
        std::vector<Slice> slices = slicesOf(block, jobs, line);
        firstFinder = INT_MAX;
        if (slices.size() == 1) {
            search(block, slices.front(), 0);
        } else {
            std::vector<std::thread> threads;
            for (std::size_t i = 1; i < slices.size(); ++i)
                threads.emplace_back(search, block, std::ref(slices[i]), static_cast<int>(i));
            search(block, slices.front(), 0);
            for (auto &t : threads)
                t.join();
        }
        for (const Slice &slice : slices) {
            outcome.tried += slice.tried;
            if (slice.foundLine > 0 && !outcome.found) { // slices are in line order: the first is the lowest line
                outcome.found = true;
                outcome.line = slice.foundLine;
                outcome.secret = block.sliced(slice.foundStart, slice.foundLength).toByteArray();
            }
        }
        line += std::count(block.begin(), block.end(), '\n');
        reader.consume(block.size());
        if (options.progress)
            options.progress(Progress {outcome.tried, reader.bytes()});
    }
    if (!outcome.found && options.cancel.isCancelled())
        outcome.cancelled = true;
    outcome.bytes = reader.bytes();
    outcome.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return outcome;
}

} // namespace jwb::jose
