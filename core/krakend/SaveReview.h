#pragma once

#include "krakend/ConfigDocument.h"
#include "krakend/Linter.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace jwb::krakend {

/// What saving a krakend.json would write, judged before it is written: the lint errors (schema or run time)
/// in the parts of the document that differ from the file on disk, and every error of the result. A writer that
/// edits blocks (the Gateway's Save) asks before it writes a file with errors in what it changed, and never
/// reports a file that fails lint as simply saved.
struct SaveReview
{
    /// Errors located in an endpoint that is new or differs from every endpoint on disk (or in any endpoint when
    /// the service-level extra_config, which takes part in every endpoint's lint, differs), and errors of the
    /// root and service-level blocks (LintItem::endpoint < 0) when the document outside "endpoints" differs.
    QList<LintItem> editedErrors;
    int totalErrors = 0; ///< errors in the whole document, as `config lint` counts them
    QList<int> changedEndpoints; ///< document indexes of the endpoints that are new or changed
    bool serviceChanged = false; ///< the document outside "endpoints" differs from disk
    bool changed = false; ///< the text differs from the bytes on disk (always true without a file)

    [[nodiscard]] bool needsConfirmation() const { return !editedErrors.isEmpty(); }
};

/// Compares `doc` with `disk`, the bytes of the file the save would replace (nullopt when there is none; bytes
/// that are not a JSON object count as nothing). Endpoints are matched by content, not by position, so that
/// moving or removing an endpoint does not make the others count as edited; an endpoint that appears more often
/// than on disk counts as new.
[[nodiscard]] SaveReview reviewSave(
    const ConfigDocument &doc, const std::optional<QByteArray> &disk, const LintContext &context = {});

} // namespace jwb::krakend
