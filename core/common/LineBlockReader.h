#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;

namespace jwb::common {

/// How LineBlockReader cuts its input (outside the class so that it can be a default argument).
struct LineBlockLimits
{
    qsizetype block = 8 * 1024 * 1024; ///< a block is about this size, cut after a newline
    qsizetype maxLine = 64 * 1024 * 1024; ///< a longer line is skipped, not kept
};

/// Reads a line-oriented input (a token file for verify --batch, a wordlist for crack) in blocks of whole lines,
/// so that memory stays bounded by the block size and the longest line whatever the input's size:
///
///     LineBlockReader reader(device);
///     while (!reader.atEnd()) {
///         if (!reader.fill()) -> the device failed (reader.bytes() were read)
///         if (reader.lineTooLong()) { report it; reader.skipLine(); continue; }
///         use reader.block();   // whole lines; the last block also has a final line without a newline
///         reader.consume(reader.block().size());
///     }
class LineBlockReader
{
public:
    using Limits = LineBlockLimits;
    explicit LineBlockReader(QIODevice &input, Limits limits = {});

    /// Reads until the buffer holds a block (limits.block bytes with a newline), the input ends, or one line has
    /// grown past limits.maxLine. False when reading failed.
    [[nodiscard]] bool fill();
    /// The complete lines read so far (all of the rest once the input has ended).
    [[nodiscard]] QByteArrayView block() const;
    /// After fill(): one line is longer than limits.maxLine (block() is then empty).
    [[nodiscard]] bool lineTooLong() const { return !m_end && m_lastNewline < 0 && !m_buffer.isEmpty(); }
    /// Drops the block just used; the start of the next line stays.
    void consume(qsizetype bytes);
    /// Drops the over-long line up to and including its newline (or to the end). False when reading failed.
    [[nodiscard]] bool skipLine();
    [[nodiscard]] bool atEnd() const { return m_end && m_buffer.isEmpty(); }
    /// Bytes read from the device so far.
    [[nodiscard]] qint64 bytes() const { return m_bytes; }

private:
    /// One read() of at most m_read bytes appended to the buffer; its byte count, or -1.
    qint64 readMore();

    static constexpr qint64 kRead = 1024 * 1024;
    QIODevice &m_input;
    const Limits m_limits;
    const qint64 m_read; ///< bytes per read()
    QByteArray m_buffer;
    qsizetype m_lastNewline = -1;
    qint64 m_bytes = 0;
    bool m_end = false;
};

} // namespace jwb::common
