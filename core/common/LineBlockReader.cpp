#include "common/LineBlockReader.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace jwb::common {

LineBlockReader::LineBlockReader(QIODevice &input, Limits limits)
    : m_input(input), m_limits(limits), m_read(std::clamp<qint64>(limits.block, 1, kRead))
{ }

qint64 LineBlockReader::readMore()
{
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + m_read);
    const qint64 n = m_input.read(m_buffer.data() + old, m_read);
    m_buffer.resize(old + std::max<qint64>(n, 0));
    if (n < 0)
        return -1;
    m_bytes += n;
    m_end = n == 0;
    return n;
}

bool LineBlockReader::fill()
{
    while (!m_end && (m_buffer.size() < m_limits.block || (m_lastNewline < 0 && m_buffer.size() <= m_limits.maxLine))) {
        const qsizetype old = m_buffer.size();
        const qint64 n = readMore();
        if (n < 0)
            return false;
        if (const void *nl = memrchr(m_buffer.constData() + old, '\n', static_cast<std::size_t>(n)))
            m_lastNewline = static_cast<const char *>(nl) - m_buffer.constData();
    }
    return true;
}

QByteArrayView LineBlockReader::block() const
{
    return QByteArrayView(m_buffer).first(m_end ? m_buffer.size() : m_lastNewline + 1);
}

void LineBlockReader::consume(qsizetype bytes)
{
    m_buffer.remove(0, bytes);
    m_lastNewline = m_buffer.lastIndexOf('\n');
}

bool LineBlockReader::skipLine()
{
    m_buffer.clear();
    m_lastNewline = -1;
    while (!m_end) {
        if (readMore() < 0)
            return false;
        if (const qsizetype nl = m_buffer.indexOf('\n'); nl >= 0) {
            m_buffer.remove(0, nl + 1);
            m_lastNewline = m_buffer.lastIndexOf('\n');
            return true;
        }
        m_buffer.clear();
    }
    return true;
}

} // namespace jwb::common
