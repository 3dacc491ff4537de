#pragma once

#include "common/Result.h"
#include "krakend/ConfigDocument.h"
#include "krakend/GatewayCatalog.h"
#include "krakend/Linter.h"
#include "krakend/SaveReview.h"
#include "krakend/Suggest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>

namespace jwb::krakend {

/// What an edit did, in the user's terms.
enum class EditKind {
    SetOption, ///< one option of a block set or removed
    AddBlock,
    RemoveBlock,
    AddEndpoint,
    RemoveEndpoint,
    ApplySuggestion, ///< a validator filled from a token (Suggestion)
    RemoveByteOrderMark,
};

/// One edit of a krakend.json as a record: enough to undo and redo it (the whole text before and after, so that
/// undo is exact to the byte) and to word it for people.
struct DocumentEdit
{
    EditKind kind = EditKind::SetOption;
    Block block = Block::Validator; ///< the block edited (SetOption, AddBlock, RemoveBlock, ApplySuggestion)
    int endpoint = -1; ///< the endpoint the edit concerns; -1 for the service level or the whole file
    QString subject; ///< SetOption: the option; AddEndpoint: the path; RemoveEndpoint: "METHOD path"
    QByteArray before;
    QByteArray after;
};

/// The Gateway's document: a krakend.json opened for lossless editing (ConfigDocument) and every change made to it.
///
/// Edits are option-level (setOption, addBlock, ...) and follow KrakenD's own reading of the file: an option is
/// read from the member Go's decoding picks (GoStruct::memberKey: exact name or Go-folded spelling, the last in
/// bytewise order), so that member is the one shown and edited. Each edit that changes the text emits edited()
/// with a DocumentEdit, which a view turns into an undo command; undo and redo call restore(), which changes the
/// text back and never emits edited(). After every change the signals say what changed: one endpoint
/// (endpointChanged), the service level (serviceChanged), or the whole document (documentReplaced: open, new,
/// a different number of endpoints). Saving goes through reviewSave() (what the save would write, judged by
/// lint) and save() (atomic, with a one-time .bak).
class ConfigEditor : public QObject
{
    Q_OBJECT
public:
    /// Starts with a new configuration (GatewayCatalog::newConfigText()).
    explicit ConfigEditor(QObject *parent = nullptr);
    ~ConfigEditor() override;

    // --- file -------------------------------------------------------------------------------------------------
    /// Opens a krakend.json (ConfigDocument::open's errors, with the byte offset of a JSON error in details).
    /// Nothing changes when it fails.
    common::Result<void> open(const QString &path);
    /// Takes a document opened elsewhere (ConfigDocument::open on a worker thread, for a big file) as open() would.
    void adopt(ConfigDocument document);
    /// A new, untitled, minimal configuration.
    void newConfig();
    /// Autosaved `text` of `path` (empty: an untitled config) after a crash: the document is then modified
    /// against the file on disk, or, untitled, until it is saved or discarded.
    common::Result<void> restoreUnsaved(const QString &path, const QByteArray &text);
    /// What saving to `path` (default: the document's path) would write, judged against the file there now;
    /// `disk` gets that file's bytes (empty when there is none).
    [[nodiscard]] SaveReview reviewSave(const QString &path = {}, QByteArray *disk = nullptr) const;
    /// Writes the document (ConfigDocument::save: atomic, a one-time .bak); the document is then unmodified.
    common::Result<void> save(const QString &path = {});
    /// Discards the unsaved edits: back to the text last opened or saved.
    void revert();

    [[nodiscard]] const ConfigDocument &document() const { return m_doc; }
    [[nodiscard]] const QByteArray &text() const { return m_doc.text(); }
    [[nodiscard]] QString path() const { return m_doc.path(); }
    /// The folder relative paths in the config (jwk_local_path, jwk_local_ca) resolve against: the config's
    /// folder, or empty for an untitled config.
    [[nodiscard]] QString baseDir() const;
    [[nodiscard]] bool isModified() const { return m_forceModified || m_doc.isModified(); }
    /// Flexible-configuration templates: the document can be read, not edited.
    [[nodiscard]] bool isReadOnly() const { return m_doc.usesTemplates(); }

    // --- reading ----------------------------------------------------------------------------------------------
    [[nodiscard]] bool hasBlock(Block block, int endpoint = -1) const;
    /// The block as written (an endpoint's for Validator/Signer, the service level's otherwise); empty if absent.
    [[nodiscard]] QJsonObject block(Block block, int endpoint = -1) const;
    /// The value KrakenD reads for `option` (GoStruct::memberKey); Undefined when no member sets it.
    [[nodiscard]] QJsonValue shownValue(Block block, int endpoint, const QString &option) const;
    /// Linter::lint of the document.
    [[nodiscard]] QList<LintItem> lint(const LintContext &context = {}) const;

    // --- edits: each one that changes the text emits edited() once ----------------------------------------------
    /// Sets (or, with an Undefined value, removes) an option of a block; the block is created when absent, and a
    /// service-level validator left empty is removed. `endpoint` is ignored for the service-level blocks.
    common::Result<void> setOption(Block block, int endpoint, const QString &option, const QJsonValue &value);
    /// Writes GatewayCatalog::defaultBlock(block, jwkUrlHint); fails when the block is there already.
    common::Result<void> addBlock(Block block, int endpoint = -1, const QString &jwkUrlHint = {});
    /// Removes a block; fails when there is none.
    common::Result<void> removeBlock(Block block, int endpoint = -1);
    /// Appends an endpoint (ConfigExport::endpoint); returns its index.
    common::Result<int> addEndpoint(const QString &path, const QString &method, const QString &backendUrl);
    common::Result<void> removeEndpoint(int index);
    /// Fills an endpoint's validator from a suggestion (alg, issuer, audience, jwk_url unless jwk_local_path is
    /// set, roles_key, scopes_key) as one edit, creating the validator when needed. Empty keys take the first
    /// candidate.
    common::Result<void> applySuggestion(
        int endpoint, const Suggestion &suggestion, const QString &rolesKey = {}, const QString &scopesKey = {});
    common::Result<void> removeByteOrderMark();

    // --- undo and redo ----------------------------------------------------------------------------------------
    /// Replaces the text with `text` (a DocumentEdit's before or after) and emits the change signals, then
    /// restored(endpoint); never edited(). Text that is not a configuration is refused and changes nothing.
    common::Result<void> restore(const QByteArray &text, int endpoint = -1);

Q_SIGNALS:
    /// A new edit (not an undo or redo): views push one undo command for it.
    void edited(const jwb::krakend::DocumentEdit &edit);
    /// After every change of the text (edit, restore, open, new, revert), once, after the signals below.
    void changed();
    /// Only this endpoint's object changed (same number of endpoints).
    void endpointChanged(int endpoint);
    /// The document outside "endpoints" changed (service-level blocks).
    void serviceChanged();
    /// The whole document changed: open, new, revert, restoreUnsaved, or a different number of endpoints.
    void documentReplaced();
    /// After restore(): the endpoint the restored edit concerned.
    void restored(int endpoint);
    void modifiedChanged(bool modified);
    void pathChanged(const QString &path);

private:
    using Change = std::function<common::Result<void>(ConfigDocument &)>;
    /// Runs `change` on a copy of the document; when the text differs, takes the copy and emits edited().
    common::Result<void> apply(DocumentEdit edit, const Change &change);
    /// Takes `next` as the document and emits what changed against the current one.
    void take(ConfigDocument next);
    void replace(ConfigDocument doc, const QByteArray &savedText, bool forceModified);
    [[nodiscard]] common::Result<void> checkEndpoint(int endpoint) const;
    /// An endpoint block needs an endpoint of the document; a service-level block gets endpoint -1.
    [[nodiscard]] common::Result<void> checkEndpoint(Block block, int *endpoint) const;

    ConfigDocument m_doc;
    QByteArray m_savedText; ///< what revert() goes back to
    bool m_forceModified = false; ///< a restored autosave of an untitled config
};

} // namespace jwb::krakend

Q_DECLARE_METATYPE(jwb::krakend::DocumentEdit)
