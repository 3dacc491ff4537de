#include "krakend/SaveReview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jwb::krakend {

SaveReview reviewSave(const ConfigDocument &doc, const std::optional<QByteArray> &disk, const LintContext &context)
{
    SaveReview review;
    QJsonObject diskRoot;
    bool haveDisk = false;
    if (disk) {
        QJsonParseError error {};
        const QJsonDocument parsed = QJsonDocument::fromJson(*disk, &error);
        haveDisk = error.error == QJsonParseError::NoError && parsed.isObject();
        if (haveDisk)
            diskRoot = parsed.object();
    }
    review.changed = !disk || *disk != doc.text();

    const QJsonObject root = doc.root();
    QJsonObject service = root;
    service.remove(QStringLiteral("endpoints"));
    QJsonObject diskService = diskRoot;
    diskService.remove(QStringLiteral("endpoints"));
    review.serviceChanged = !haveDisk || service != diskService;
    // The service-level blocks (shared cache, revoker) take part in every endpoint's lint.
    const bool serviceBlocksChanged
        = !haveDisk || root.value(QStringLiteral("extra_config")) != diskRoot.value(QStringLiteral("extra_config"));

    // Each endpoint on disk can account for one endpoint of the document.
    QJsonArray unmatched = diskRoot.value(QStringLiteral("endpoints")).toArray();
    const QJsonArray endpoints = root.value(QStringLiteral("endpoints")).toArray();
    for (int i = 0; i < endpoints.size(); ++i) {
        bool found = false;
        for (qsizetype j = 0; haveDisk && j < unmatched.size(); ++j) {
            if (unmatched.at(j) == endpoints.at(i)) {
                unmatched.removeAt(j);
                found = true;
                break;
            }
        }
        if (!found)
            review.changedEndpoints.append(i);
    }

    for (const LintItem &item : Linter::lint(doc, context)) {
        if (item.finding.severity != common::Severity::Error)
            continue;
        ++review.totalErrors;
        const bool edited = item.endpoint >= 0 ? serviceBlocksChanged || review.changedEndpoints.contains(item.endpoint)
                                               : review.serviceChanged;
        if (edited)
            review.editedErrors.append(item);
    }
    return review;
}

} // namespace jwb::krakend
