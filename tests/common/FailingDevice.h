#pragma once

// A read-only QIODevice that serves its data, then fails after `good` bytes, as a disk or a pipe can: for the
// streamed readers (verify --batch, crack) and their "reading stopped after N bytes" errors.

#include <QByteArray>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace jwb::test {

class FailingDevice : public QIODevice
{
public:
    FailingDevice(QByteArray data, qint64 good) : m_data(std::move(data)), m_good(good) { open(ReadOnly); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        if (m_pos >= m_good) {
            setErrorString(QStringLiteral("Input/output error"));
            return -1;
        }
        const qint64 n = std::min(max, m_good - m_pos);
        std::memcpy(out, m_data.constData() + m_pos, static_cast<std::size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_good;
    qint64 m_pos = 0;
};

} // namespace jwb::test
