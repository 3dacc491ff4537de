// Where a packaged build finds the QCA it carries. Debian 12 has no QCA for Qt 6, so the .deb built there ships
// libqca-qt6.so.2 and its OpenSSL plugin in a private directory, <prefix>/lib/jwt-workbench/qca-qt6 (see
// packaging/Packaging.cmake): the binaries' RUNPATH ($ORIGIN/../lib/jwt-workbench/qca-qt6) finds the library, and
// this adds that directory, which holds the plugin in crypto/, to the places QCA searches. QCA looks for a
// "crypto" folder under $QCA_PLUGIN_PATH, then under every QCoreApplication::libraryPaths() entry, then under its
// own install directory; an installed package has only this one. Call it after the QCoreApplication exists and
// before QCA is initialised. In a build tree or with a distribution QCA the directory does not exist and nothing
// changes.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifndef JWB_PRIVATE_LIBDIR_FROM_BIN
#define JWB_PRIVATE_LIBDIR_FROM_BIN "../lib/jwt-workbench"
#endif

namespace jwb::app {

inline void addBundledQcaPluginPath()
{
    const QDir binDir(QCoreApplication::applicationDirPath());
    const QString pluginRoot = binDir.absoluteFilePath(QStringLiteral(JWB_PRIVATE_LIBDIR_FROM_BIN "/qca-qt6"));
    if (QFileInfo(pluginRoot + QStringLiteral("/crypto")).isDir())
        QCoreApplication::addLibraryPath(QDir(pluginRoot).canonicalPath());
}

} // namespace jwb::app
