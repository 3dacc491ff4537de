#include "common/BoundedFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace jwb::common::BoundedFile {

namespace {

constexpr qint64 kChunk = 64 * 1024;

Result<QByteArray> unreadable(const QString &path, const QString &reason)
{
    return Result<QByteArray>::failure(QStringLiteral("unreadable_file"),
        QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(path), reason),
        {{QStringLiteral("path"), path}, {QStringLiteral("reason"), reason}});
}

Result<QByteArray> notRegular(const QString &path, const QString &kind)
{
    return Result<QByteArray>::failure(QStringLiteral("not_regular_file"),
        QStringLiteral("%1 is not a regular file (%2): not read").arg(QDir::toNativeSeparators(path), kind),
        {{QStringLiteral("path"), path}, {QStringLiteral("reason"), kind}});
}

Result<QByteArray> tooLarge(const QString &path, qint64 maxBytes)
{
    return Result<QByteArray>::failure(QStringLiteral("input_too_large"),
        QStringLiteral("%1 is larger than %2").arg(QDir::toNativeSeparators(path), sizeText(maxBytes)),
        {{QStringLiteral("path"), path}, {QStringLiteral("limit"), maxBytes}});
}

#ifdef Q_OS_UNIX
QString reasonOf(int error)
{
    switch (error) {
    case ENOENT:
        return QStringLiteral("no such file or directory");
    case EACCES:
    case EPERM:
        return QStringLiteral("permission denied");
    case EISDIR:
        return QStringLiteral("is a directory");
    case ENOTDIR:
        return QStringLiteral("not a directory");
    case ELOOP:
        return QStringLiteral("too many levels of symbolic links");
    case ENAMETOOLONG:
        return QStringLiteral("file name too long");
    default:
        break;
    }
    QString text = QString::fromLocal8Bit(std::strerror(error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a plain file");
}

/// Closes the descriptor on every way out.
class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) { }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    /// Hands the descriptor over: it is no longer closed here.
    [[nodiscard]] int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd = -1;
};
#endif

} // namespace

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

namespace {

#ifdef Q_OS_UNIX
/// The checks both read() and open() make: a regular file, opened without blocking and checked again after
/// opening; the descriptor (or the error, as read() words it).
Result<int> openChecked(const QString &path, qint64 maxBytes, qint64 *size)
{
    const auto fail = [](const Result<QByteArray> &error) { return Result<int>(error.error()); };
    if (path.isEmpty())
        return fail(unreadable(path, QStringLiteral("no file name")));
    const QByteArray native = QFile::encodeName(path);
    // A first look without opening: devices and FIFOs are refused before anything is opened.
    struct stat before
    {
    };
    if (::stat(native.constData(), &before) != 0)
        return fail(unreadable(path, reasonOf(errno)));
    if (S_ISDIR(before.st_mode))
        return fail(unreadable(path, reasonOf(EISDIR)));
    if (!S_ISREG(before.st_mode))
        return fail(notRegular(path, kindOf(before.st_mode)));
    // Non-blocking: should a FIFO have taken the file's place since, opening it does not wait for a writer.
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return fail(unreadable(path, reasonOf(errno)));
    Descriptor file(fd);
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        return fail(unreadable(path, reasonOf(errno)));
    if (S_ISDIR(st.st_mode))
        return fail(unreadable(path, reasonOf(EISDIR)));
    if (!S_ISREG(st.st_mode))
        return fail(notRegular(path, kindOf(st.st_mode)));
    if (maxBytes >= 0 && st.st_size > maxBytes)
        return fail(tooLarge(path, maxBytes));
    *size = st.st_size;
    return file.release();
}
#endif

} // namespace

Result<std::unique_ptr<QFile>> open(const QString &path)
{
    using Opened = Result<std::unique_ptr<QFile>>;
    auto file = std::make_unique<QFile>();
#ifdef Q_OS_UNIX
    qint64 size = 0;
    const Result<int> fd = openChecked(path, -1, &size);
    if (!fd)
        return Opened(fd.error());
    if (!file->open(fd.value(), QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd.value());
        return Opened(unreadable(path, file->errorString()).error());
    }
#else
    const QFileInfo info(path);
    if (!info.exists())
        return Opened(unreadable(path, QStringLiteral("no such file or directory")).error());
    if (info.isDir())
        return Opened(unreadable(path, QStringLiteral("is a directory")).error());
    if (!info.isFile())
        return Opened(notRegular(path, QStringLiteral("not a plain file")).error());
    file->setFileName(path);
    if (!file->open(QIODevice::ReadOnly))
        return Opened(unreadable(path, file->errorString()).error());
#endif
    return Opened(std::move(file));
}

Result<QByteArray> read(const QString &path, qint64 maxBytes)
{
#ifdef Q_OS_UNIX
    qint64 size = 0;
    const Result<int> opened = openChecked(path, maxBytes, &size);
    if (!opened)
        return Result<QByteArray>(opened.error());
    const int fd = opened.value();
    const Descriptor file(fd);
    // The size may change while reading (a file being written): the loop, not the size seen, bounds what is kept.
    QByteArray data;
    data.reserve(static_cast<qsizetype>(std::min<qint64>(size, maxBytes) + 1));
    char buffer[kChunk];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return unreadable(path, reasonOf(errno));
        }
        if (n == 0)
            break;
        if (data.size() + n > maxBytes)
            return tooLarge(path, maxBytes);
        data.append(buffer, static_cast<qsizetype>(n));
    }
    return data;
#else
    if (path.isEmpty())
        return unreadable(path, QStringLiteral("no file name"));
    const QFileInfo info(path);
    if (!info.exists())
        return unreadable(path, QStringLiteral("no such file or directory"));
    if (info.isDir())
        return unreadable(path, QStringLiteral("is a directory"));
    if (!info.isFile())
        return notRegular(path, QStringLiteral("not a plain file"));
    if (info.size() > maxBytes)
        return tooLarge(path, maxBytes);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(path, file.errorString());
    QByteArray data;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(kChunk);
        if (chunk.isEmpty())
            break;
        if (data.size() + chunk.size() > maxBytes)
            return tooLarge(path, maxBytes);
        data.append(chunk);
    }
    return data;
#endif
}

} // namespace jwb::common::BoundedFile
