#pragma once

#include "verification/Context.h"
#include "workspace/KeyResolver.h"
#include "workspace/KeyRing.h"
#include "workspace/Session.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QComboBox;
class QLabel;
class QWidget;

namespace jwb::workspace {
class KeyRing;
class TrustStore;
} // namespace jwb::workspace

namespace jwb::ui {

/// The key choice of one page, as every page shows it: a combo ("Automatic", one entry per key ring source, and
/// "The config's own keys" for an endpoint or "The key pasted below" in the Inspector) and a "Keys:" line (the
/// choice, why, the key id that matched, and the TLS origin with the trust settings used there).
///
/// The decision is core's: resolve() asks workspace::KeyResolver with the pin of this page's scope, and
/// KeyContext::apply puts the choice into a verification::Context. Choosing in the combo pins (Session::pin, or a
/// pin kept here when the page has a key ring without a Session). changed() tells the page to resolve again.
class KeyChoiceBox : public QObject
{
    Q_OBJECT
public:
    /// Which fixed entries the combo offers besides Automatic and the sources: the pasted key (Inspector), the
    /// config's own keys (Endpoint), or both (the Inspector judging as an endpoint).
    enum class Kind { Inspector, Endpoint, InspectorAsEndpoint };

    /// Makes the combo and the line as children of `parent` with these object names; the page lays them out.
    KeyChoiceBox(Kind kind, const QString &comboName, const QString &lineName, QWidget *parent);

    [[nodiscard]] QComboBox *combo() const { return m_combo; }
    [[nodiscard]] QLabel *line() const { return m_line; }

    /// The window's session: its key ring, trust store and pins.
    void setSession(workspace::Session *session);
    /// A key ring alone (its own trust store); pins are kept by the box.
    void setKeyRing(workspace::KeyRing *ring);
    [[nodiscard]] workspace::KeyRing *ring() const { return m_ring; }
    [[nodiscard]] workspace::Session *session() const { return m_session; }
    [[nodiscard]] const workspace::TrustStore *trust() const;

    /// Whose pin the combo shows and sets (the Inspector, or "GET /path").
    void setScope(const workspace::ChoiceScope &scope);
    [[nodiscard]] const workspace::ChoiceScope &scope() const { return m_scope; }
    /// Changes the offered entries (the Inspector's Verify tab when "Judge as" changes).
    void setKind(Kind kind);
    [[nodiscard]] workspace::KeyPin pin() const { return pinOf(m_scope); }
    [[nodiscard]] workspace::KeyPin pinOf(const workspace::ChoiceScope &scope) const;
    /// Pins `pin` for the current scope (as choosing it in the combo does); emits changed().
    void setPin(const workspace::KeyPin &pin);

    /// The choice for `need` under the current scope's pin (or `scope`'s).
    [[nodiscard]] workspace::KeyChoice resolve(const workspace::KeyNeed &need) const;
    [[nodiscard]] workspace::KeyChoice resolve(
        const workspace::ChoiceScope &scope, const workspace::KeyNeed &need) const;
    /// workspace::KeyContext::apply with this box's ring and trust store.
    void apply(verification::Context &context, const workspace::KeyChoice &choice) const;

    /// Shows `choice` on the "Keys:" line.
    void showChoice(const workspace::KeyChoice &choice);
    /// The "Keys:" line's words for a choice: what, why, the matched key id, the TLS origin and its trust.
    [[nodiscard]] static QString describe(const workspace::KeyChoice &choice, const workspace::TrustStore *trust);

Q_SIGNALS:
    /// The user chose an entry, or the ring, the trust store or a pin changed: resolve again.
    void changed();

private:
    void detach();
    void refill();
    void onActivated();
    void onSourcesChanged();

    Kind m_kind;
    QComboBox *m_combo;
    QLabel *m_line;
    QPointer<workspace::Session> m_session;
    QPointer<workspace::KeyRing> m_ring;
    workspace::ChoiceScope m_scope;
    QHash<QString, workspace::KeyPin> m_localPins; ///< by ChoiceScope::key(), without a Session
};

} // namespace jwb::ui
