#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "workspace/KeyResolver.h"
#include "workspace/KeySource.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>

namespace jwb::workspace {

class KeyRing;
class TrustStore;
struct WorkspaceDocument;

/// Who a key choice is for: the Inspector, one endpoint of a gateway config (method and path), or signing (the
/// Composer, Test tokens).
struct ChoiceScope
{
    enum class Kind { Inspector, Endpoint, Signing };
    Kind kind = Kind::Inspector;
    QString endpoint; ///< Endpoint: "GET /path"

    [[nodiscard]] static ChoiceScope inspector() { return {Kind::Inspector, {}}; }
    [[nodiscard]] static ChoiceScope forEndpoint(const QString &method, const QString &path);
    [[nodiscard]] static ChoiceScope signing() { return {Kind::Signing, {}}; }
    /// The workspace form: "inspector", "signing", "endpoint GET /path".
    [[nodiscard]] QString key() const;
    [[nodiscard]] static std::optional<ChoiceScope> fromKey(const QString &key);
};

/// The session model of one window (the CLI builds one from its options): the key ring, the trust store its
/// fetches use, and the key choices the user pinned per scope. Every page that needs keys for a token asks
/// resolve(); choicesChanged() tells it when to ask again.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(std::shared_ptr<const common::Clock> clock = common::Clock::system(), QObject *parent = nullptr);
    ~Session() override;

    [[nodiscard]] KeyRing &keys() { return *m_ring; }
    [[nodiscard]] const KeyRing &keys() const { return *m_ring; }
    [[nodiscard]] TrustStore &trust() { return *m_trust; }
    [[nodiscard]] const TrustStore &trust() const { return *m_trust; }
    [[nodiscard]] KeyResolver resolver() const { return KeyResolver(*m_ring, *m_trust); }

    /// resolver().resolve(need, pinned(scope)).
    [[nodiscard]] KeyChoice resolve(const ChoiceScope &scope, const KeyNeed &need) const;

    /// Pins a choice for `scope` (KeyPin::Kind::Automatic removes the pin).
    void pin(const ChoiceScope &scope, const KeyPin &pin);
    [[nodiscard]] KeyPin pinned(const ChoiceScope &scope) const;

    /// The workspace's "key_choices" member: {scope key: pin text}. Pins of removed sources are kept: they name
    /// what the user chose, and the resolver skips them.
    [[nodiscard]] QJsonObject choicesToJson() const;

    /// Replaces the session's keys, trust settings and pins with a workspace's (WorkspaceFormat::fromJson). The
    /// trust settings of a file are unconfirmed until the user allows a fetch from their origin; in the user's own
    /// session only those of origins whose sources still wait. On error nothing changed.
    common::Result<void> load(const WorkspaceDocument &document, WorkspaceOrigin origin);
    /// Writes the session's part of a workspace: keys (secrets left out, their ids in `secretsLeftOut`), trust
    /// and key choices.
    void store(WorkspaceDocument &document, QStringList *secretsLeftOut = nullptr) const;

Q_SIGNALS:
    /// The ring, the trust store or a pin changed: every page resolves its choice again.
    void choicesChanged();

private:
    TrustStore *m_trust;
    KeyRing *m_ring;
    QHash<QString, KeyPin> m_pins; ///< by ChoiceScope::key()
};

} // namespace jwb::workspace
