#pragma once

#include "common/CancelToken.h"
#include "common/Finding.h"
#include "common/JsonSource.h"
#include "common/Result.h"
#include "krakend/Namespaces.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace jwb::krakend {

/// One endpoint of a krakend.json, as listed to the user.
struct EndpointInfo
{
    int index = -1;
    QString path;
    QString method; ///< GET when absent, as KrakenD defaults it
    bool hasValidator = false;
    bool hasSigner = false;
    QString validatorKey; ///< the namespace actually used (short or legacy)
};

/// A krakend.json opened for lossless editing. Every edit touches only the bytes of the members it changes:
/// untouched regions of the text, key order, unknown keys, `@comment` keys and number spellings stay
/// byte-identical. Files using flexible-configuration templates (`{{ ... }}`) can be read where they are
/// valid JSON but are refused for writing. save() is atomic (common::AtomicFile) and keeps a one-time `.bak` of the
/// original with the original's mode; through a symbolic link the target is saved and backed up.
class ConfigDocument
{
public:
    /// The largest krakend.json open() reads.
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    /// How a long open reports and stops (a 50 MB file takes about a second): `progress(done, total)` is called
    /// on the opening thread now and then with the bytes checked so far; a cancelled token stops the open, which
    /// then fails with "cancelled". The defaults report nothing and never stop.
    struct LoadControl
    {
        common::CancelToken cancel;
        std::function<void(qint64 done, qint64 total)> progress;
        /// Called once, on the opening thread, with the first endpoints checked (a few thousand) while the rest
        /// are being checked: a view can list them before the open ends. Not called for a file that fails.
        std::function<void(const QList<EndpointInfo> &first)> preview;
    };

    /// The text is checked once, in pieces (the file's outline, then each endpoint and each top-level member with
    /// QJsonDocument, as KrakenD's JSON is strict): errors are QJsonDocument's for the whole text, with the byte
    /// offset in details. The document keeps the text, the outline and one EndpointInfo per endpoint, not a
    /// QJsonDocument of the whole file: an endpoint's object is read from its bytes when asked for.
    static common::Result<ConfigDocument> fromText(
        const QByteArray &text, const QString &path = {}, const LoadControl &control = {});
    static common::Result<ConfigDocument> open(const QString &path, const LoadControl &control = {});

    [[nodiscard]] const QByteArray &text() const { return m_text; }
    [[nodiscard]] QString path() const { return m_path; }
    /// The whole file as one object. It reads every endpoint: on a big file prefer serviceRoot(), endpoint(),
    /// endpointText() and endpoints().
    [[nodiscard]] QJsonObject root() const;
    /// The root object without its "endpoints" member: the service level (extra_config, version, name...).
    [[nodiscard]] QJsonObject serviceRoot() const;
    [[nodiscard]] int endpointCount() const;
    /// The bytes of endpoint `index` as written (its object, braces included); empty for an unknown index.
    [[nodiscard]] QByteArray endpointText(int index) const;
    [[nodiscard]] bool usesTemplates() const { return m_templates; }
    [[nodiscard]] bool isModified() const { return m_text != m_original; }

    /// Whether the text starts with a UTF-8 byte order mark (EF BB BF). The document opens and edits as usual
    /// (the mark is kept, byte for byte), but KrakenD would not start: see startupProblem().
    [[nodiscard]] bool hasByteOrderMark() const;
    /// Removes the leading byte order mark: an edit like any other (undoable through the text, isModified()).
    common::Result<void> removeByteOrderMark();
    /// What keeps KrakenD from starting with this krakend.json text before it reads any block, in Go's words:
    /// a leading byte order mark, which Go's encoding/json refuses. Empty when nothing does.
    [[nodiscard]] static QString startupProblem(const QByteArray &text);
    /// lura's check of the root's "version" (config.ServiceConfig.Init): anything but the number 3 stops KrakenD
    /// at start-up ("unsupported version: 2 (want: 3)"; a missing or null version is Go's zero value, 0). A
    /// version Go cannot decode into an int (a string, 3.0) fails encoding/json before that. Empty when the
    /// version is 3, or when `text` is not a JSON object (its syntax is reported elsewhere).
    [[nodiscard]] static QString versionProblem(const QByteArray &text);
    /// Both, in the order KrakenD meets them: the byte order mark, then the version. Empty when KrakenD starts (as
    /// far as the file as a whole goes; the blocks are judged per endpoint).
    [[nodiscard]] static QString fileStartupProblem(const QByteArray &text);

    [[nodiscard]] QList<EndpointInfo> endpoints() const;
    /// Index of the endpoint with this path and method (GET when empty), or -1.
    [[nodiscard]] int findEndpoint(const QString &path, const QString &method = {}) const;
    [[nodiscard]] QJsonObject endpoint(int index) const;
    /// The block under extra_config[ns] of endpoint `index` (legacy alias accepted), empty when absent.
    [[nodiscard]] QJsonObject endpointBlock(int index, const QString &ns) const;
    [[nodiscard]] QJsonObject serviceBlock(const QString &ns) const;
    /// Member names that occur more than once in the object at `path` (keys and array indexes from the root), in
    /// the order of their first occurrence. QJsonObject keeps one of them; Go's decoder keeps the last one.
    [[nodiscard]] QStringList duplicateMembers(const QStringList &path) const;

    /// The extra_config key of endpoint `index` that holds its `ns` block: `ns` itself, or the legacy alias when
    /// only that exists (as KrakenD reads them); empty when there is neither.
    [[nodiscard]] QString endpointBlockKey(int index, const QString &ns) const;
    /// Sets extra_config[ns] of an endpoint to `block`, member by member (unchanged members keep their bytes). A
    /// block under the legacy alias is edited in place, under that key: every member not in `block` is removed.
    common::Result<void> setEndpointBlock(int index, const QString &ns, const QJsonObject &block);
    /// Writes `block` under `ns` itself and removes the legacy alias's member (a block KrakenD reads under the
    /// legacy key moves to the short one; an alias shadowed by `ns` goes too).
    common::Result<void> renameLegacyEndpointBlock(int index, const QString &ns, const QJsonObject &block);
    common::Result<void> removeEndpointBlock(int index, const QString &ns);
    common::Result<void> setServiceBlock(const QString &ns, const QJsonObject &block);
    common::Result<void> removeServiceBlock(const QString &ns);
    /// Appends an endpoint object to `endpoints` (creating the array when needed); returns its index.
    common::Result<int> addEndpoint(const QJsonObject &endpoint);
    common::Result<void> removeEndpoint(int index);

    /// Replaces the whole text (undo/redo, crash recovery) keeping the path and the saved original, so that
    /// isModified() still compares with what is on disk. Invalid JSON is refused and changes nothing.
    common::Result<void> setText(const QByteArray &text);

    /// Writes the document atomically to `path` (default: where it was opened), creating `<path>.bak` with the
    /// original bytes and mode before the first overwrite of an existing file. When `path` is a symbolic link,
    /// the link's target gets the new content and the backup is `<target>.bak`; the link stays.
    common::Result<void> save(const QString &path = {});

    /// Preferred member order when new blocks are written (alg and key source first).
    static const QStringList &preferredOrder();

private:
    struct Index;
    /// A map of the value at `path` (keys and array indexes from the root), parsed from its bytes when asked for,
    /// and the node there (null when there is none). The map keeps the node alive.
    struct Located
    {
        std::shared_ptr<const common::JsonSourceMap> map;
        const common::JsonSourceMap::Node *node = nullptr;
    };
    [[nodiscard]] Located locate(const QStringList &path) const;
    static common::Result<std::shared_ptr<const Index>> buildIndex(const QByteArray &text, const LoadControl &control);
    common::Result<void> reparse(const LoadControl &control = {});
    /// Replaces bytes [from, to) of the text and brings the outline up to date: an edit inside one endpoint (or
    /// one top-level member other than "endpoints") checks that piece only; others check the whole text again.
    /// A replacement that leaves invalid JSON is refused and changes nothing.
    common::Result<void> splice(qsizetype from, qsizetype to, const QByteArray &bytes);
    common::Result<void> writeGuard() const;
    /// Makes `node` (an object at `path`) hold `value`, editing member by member.
    common::Result<void> mergeObject(const QStringList &path, const QJsonObject &value);
    common::Result<void> setMember(const QStringList &objectPath, const QString &key, const QJsonValue &value);
    common::Result<void> removeMember(const QStringList &objectPath, const QString &key);
    common::Result<void> appendItem(const QStringList &arrayPath, const QJsonValue &value);
    QStringList endpointPath(int index) const;
    QString endpointNamespace(int index, const QString &ns) const;

    QString m_path;
    QByteArray m_text;
    QByteArray m_original;
    std::shared_ptr<const Index> m_index;
    bool m_templates = false;
};

} // namespace jwb::krakend
