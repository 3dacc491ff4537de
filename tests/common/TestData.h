#pragma once

// Access to ../shared (test vectors, KrakenD schema) for the test suites. The folder is read in place.
// When it is absent a test skips with a clear message, except under CI=true, where absence is a failure.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

namespace jwb::test {

inline QString sharedDir()
{
    const QString env = qEnvironmentVariable("JWB_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(JWB_SHARED_DIR_DEFAULT) : env);
}

inline bool underCi()
{
    return qEnvironmentVariable("CI") == u"true";
}

inline QString sharedPath(const QString &relative)
{
    return sharedDir() + u'/' + relative;
}

inline QJsonDocument readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll());
}

inline QString cliPath()
{
    return QStringLiteral(JWB_CLI_PATH);
}

} // namespace jwb::test

/// Skips the current test when a file under ../shared is missing (fails under CI=true).
#define JWB_REQUIRE_SHARED(relative)                                                                                   \
    do {                                                                                                               \
        const QString jwbPath_ = jwb::test::sharedPath(QStringLiteral(relative));                                      \
        if (!QFileInfo::exists(jwbPath_)) {                                                                            \
            const QByteArray jwbMsg_ = QStringLiteral("reference data missing: %1 (set JWB_SHARED_DIR or the CMake "   \
                                                      "cache path JWB_SHARED_DIR)")                                    \
                                           .arg(jwbPath_)                                                              \
                                           .toUtf8();                                                                  \
            if (jwb::test::underCi())                                                                                  \
                QFAIL(jwbMsg_.constData());                                                                            \
            QSKIP(jwbMsg_.constData());                                                                                \
        }                                                                                                              \
    } while (false)
