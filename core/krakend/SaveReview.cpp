#include "krakend/SaveReview.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace jwb::krakend {

SaveReview reviewSave(const ConfigDocument &doc, const std::optional<QByteArray> &disk, const LintContext &context)
{
    SaveReview review;
    // The file on disk, read as the document is (its outline and endpoints, not one QJsonDocument of it all).
    std::optional<ConfigDocument> onDisk;
    if (disk)
        if (auto parsed = ConfigDocument::fromText(*disk))
            onDisk = std::move(parsed).value();
    const bool haveDisk = onDisk.has_value();
    review.changed = !disk || *disk != doc.text();

    const QJsonObject service = doc.serviceRoot();
    const QJsonObject diskService = haveDisk ? onDisk->serviceRoot() : QJsonObject();
    review.serviceChanged = !haveDisk || service != diskService;
    // The service-level blocks (shared cache, revoker) take part in every endpoint's lint.
    const bool serviceBlocksChanged = !haveDisk
        || service.value(QStringLiteral("extra_config")) != diskService.value(QStringLiteral("extra_config"));

    // Each endpoint on disk can account for one endpoint of the document: the same bytes first, then the same
    // value (written differently), each disk endpoint once.
    const int count = doc.endpointCount();
    std::vector<bool> changed(static_cast<size_t>(count), true);
    if (haveDisk) {
        QHash<QByteArray, QList<int>> unmatched;
        const int diskCount = onDisk->endpointCount();
        for (int j = 0; j < diskCount; ++j)
            unmatched[onDisk->endpointText(j)].append(j);
        std::vector<bool> used(static_cast<size_t>(diskCount), false);
        for (int i = 0; i < count; ++i) {
            auto it = unmatched.find(doc.endpointText(i));
            if (it != unmatched.end() && !it->isEmpty()) {
                used[static_cast<size_t>(it->takeFirst())] = true;
                changed[static_cast<size_t>(i)] = false;
            }
        }
        auto canonical = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        QHash<QByteArray, QList<int>> byValue;
        for (int j = 0; j < diskCount; ++j)
            if (!used[static_cast<size_t>(j)])
                byValue[canonical(onDisk->endpoint(j))].append(j);
        for (int i = 0; i < count && !byValue.isEmpty(); ++i) {
            if (!changed[static_cast<size_t>(i)])
                continue;
            auto it = byValue.find(canonical(doc.endpoint(i)));
            if (it != byValue.end() && !it->isEmpty()) {
                it->removeFirst();
                changed[static_cast<size_t>(i)] = false;
            }
        }
    }
    for (int i = 0; i < count; ++i)
        if (changed[static_cast<size_t>(i)])
            review.changedEndpoints.append(i);

    for (const LintItem &item : Linter::lint(doc, context)) {
        if (item.finding.severity != common::Severity::Error)
            continue;
        ++review.totalErrors;
        const bool edited = item.endpoint >= 0
            ? serviceBlocksChanged || (item.endpoint < count && changed[static_cast<size_t>(item.endpoint)])
            : review.serviceChanged;
        if (edited)
            review.editedErrors.append(item);
    }
    return review;
}

} // namespace jwb::krakend
