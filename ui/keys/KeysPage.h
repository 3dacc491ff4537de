#pragma once

#include "common/Clock.h"
#include "common/Scheduler.h"
#include "keys/KeyGeneratorDialog.h"
#include "keysource/NetworkOptions.h"
#include "workspace/TrustFix.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace jwb::keys {
struct Jwk;
}

namespace jwb::workspace {
class KeyRing;
} // namespace jwb::workspace

namespace jwb::ui {

class JsonHighlighter;
class Ticker;
class KeySourcesModel;
class KeysModel;
class TokenRequestDialog;

/// The "Keys" page: the workspace's key ring on the left (add pasted keys or secrets, key files, JWK Set
/// URLs, issuers; generate; refresh; cancel; remove), the selected source on the right: where it comes from,
/// its state (fetch stage with a busy bar and Cancel, cache age, error code and message), its keys, and for
/// the selected key its JWK, PEM, thumbprints and certificate. Remote sources also show the URLs used, the
/// HTTP answer, the TLS chain the server presented (with KrakenD pins to copy), fetch findings and the kids
/// the last refresh added or removed.
///
/// The page decides nothing: KeyRing and core load, fetch and judge keys. Exports write only what the user
/// asks for, through common::AtomicFile; private material needs an explicit "Yes" and is never the default, and
/// is written 0600.
class KeysPage : public QWidget
{
    Q_OBJECT
public:
    /// `scheduler` (default common::Scheduler::qt()) times the refresh of the "fetched … ago" ages (kAgeRefreshMs).
    explicit KeysPage(workspace::KeyRing *ring, std::shared_ptr<const common::Clock> clock,
        std::shared_ptr<common::Scheduler> scheduler = {}, QWidget *parent = nullptr);
    static constexpr int kAgeRefreshMs = 15000;
    ~KeysPage() override;
    /// Refreshes the ages on `ticker`'s ticks (the window's one timer) instead of every kAgeRefreshMs of its own.
    void followTicker(Ticker *ticker);

    /// Adds pasted text: a key, a JWK (Set) or PEM; text that is no key but looks like a shared secret is
    /// offered as a secret (asked through Dialogs::question). Returns the new source's index, -1 when nothing
    /// was added (the reason goes to an error dialog).
    int addPasted(const QString &text);
    /// Adds a shared secret with an encoding (utf8, base64, base64url, hex).
    int addSecret(const QString &text, const QString &encoding, const QString &name = {});
    /// Adds a key file (PEM, DER, JWK, JWK Set); a file that cannot be read still appears, with its error.
    int addFile(const QString &path);
    /// Adds a JWK Set URL (or an issuer for discovery) and starts fetching it.
    int addUrl(const QString &url, bool issuer, const keysource::NetworkOptions &options = {});
    /// Generates a key on the calling thread and adds it (the dialog does the same off the UI thread).
    int generate(const KeyGeneratorDialog::Options &options);
    /// Adds a generated private key as a source.
    int addGenerated(const keys::Jwk &jwk, const QString &name = {});

    void selectSource(int index);
    [[nodiscard]] int currentSource() const;
    /// Selects a key of the current source by row of the keys table.
    void selectKey(int row);
    [[nodiscard]] int currentKey() const;

    /// Exports the selected key (or the only key) as a JWK file. Private members only when includePrivate
    /// and the user confirms. Returns whether a file was written.
    bool exportJwk(bool includePrivate = false);
    /// Exports every usable key of the current source as a JWK Set. Private export asks first and falls back
    /// to public keys on "No"; public sets leave shared secrets out (they have no public half).
    bool exportJwks(bool includePrivate);
    /// Exports the selected key's public key as PEM (SubjectPublicKeyInfo), or its private key when asked.
    bool exportPem(bool includePrivate = false);
    /// Copies the selected key's public JWK / the public JWK Set / the public PEM / the thumbprint.
    void copyJwk();
    void copyJwks();
    void copyPem();
    void copyThumbprint();
    /// Copies the KrakenD pin of the presented certificate at `row` of the TLS chain (the selected one when -1).
    void copyPin(int row = -1);

    /// Opens the dialogs behind the Add menu and the toolbar (non-blocking).
    void openPasteDialog();
    void openKeyFileDialog();
    void openRemoteDialog(bool issuer);
    void openEditDialog();
    void openGeneratorDialog();
    /// Add ▸ "Get token from identity provider…": the dialog (TokenRequestDialog, non-modal). Each token it obtains
    /// goes out through openInInspector(); the issuer is added to the ring as a key source (OpenID discovery, with its
    /// origin's TLS settings) when the ring has no source for it yet, so that the Inspector verifies with its keys.
    /// Returns the dialog (tests drive it).
    TokenRequestDialog *openTokenDialog();
    void refreshCurrent();
    void cancelCurrent();
    void removeCurrent();
    /// The next step after a TLS failure of the current source (workspace::TrustFix): "Trust this CA…" asks first
    /// (showing the certificate's SHA-256), "Add CA file…" asks for a file, "Pin this certificate" applies at once.
    /// The change is the origin's, so every source and page using that origin follows; its failed sources are
    /// fetched again.
    void applyTrustFix(workspace::TrustFix::Action action);

Q_SIGNALS:
    /// A short message for the status bar ("Copied the pin", "Wrote keys.json").
    void statusMessage(const QString &message);
    /// A token to open in the Inspector (from the identity provider dialog), with a title saying what it is.
    void openInInspector(const QString &title, const QString &token);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildSourcesPane();
    QWidget *buildDetailPane();
    QWidget *buildKeyTab();
    QWidget *buildRemoteTab();
    QWidget *buildTlsActions();
    /// Shows the offers of TrustFix under the error banner when the current source's fetch failed in TLS.
    void showTlsFailure();
    void createActions();
    void onSourceChanged(int index);
    void onSourcesReset();
    void showSource();
    void showKey();
    void showRemote();
    void updateActions();
    void updateAge();
    [[nodiscard]] const keys::Jwk *selectedJwk() const;
    /// Asks whether private material may be exported; true only on an explicit Yes.
    bool confirmPrivate(const QString &what);
    /// Writes through common::AtomicFile to a path from Dialogs::getSaveFileName (0600 when `secret`: private keys,
    /// shared secrets); reports errors through Dialogs.
    bool saveText(
        const QString &title, const QString &filter, const QString &suggested, const QByteArray &bytes, bool secret);
    /// A JWK Set of the current source's keys; shared secrets are left out of a public set (counted in `left`).
    [[nodiscard]] QJsonObject keySetJson(bool includePrivate, int *leftOut) const;
    /// Refreshes the ages in kAgeRefreshMs, and again after that, for as long as the page lives.
    void scheduleAgeRefresh();
    void setClipboard(const QString &text, const QString &message);

    workspace::KeyRing *m_ring;
    std::shared_ptr<const common::Clock> m_clock;
    KeySourcesModel *m_sourcesModel = nullptr;
    KeysModel *m_keysModel = nullptr;
    std::shared_ptr<common::Scheduler> m_scheduler;
    common::Scheduler::Id m_ageRefreshId {}; ///< the pending refresh of scheduleAgeRefresh(), until a Ticker takes over

    QListView *m_sourceList = nullptr;
    QLabel *m_emptyHint = nullptr;
    QToolButton *m_addButton = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_fileAction = nullptr;
    QAction *m_urlAction = nullptr;
    QAction *m_issuerAction = nullptr;
    QAction *m_generateAction = nullptr;
    QAction *m_tokenAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_exportJwkAction = nullptr;
    QAction *m_exportJwksAction = nullptr;
    QAction *m_exportPrivateJwksAction = nullptr;
    QAction *m_exportPemAction = nullptr;
    QAction *m_copyJwkAction = nullptr;
    QAction *m_copyJwksAction = nullptr;
    QAction *m_copyPemAction = nullptr;
    QAction *m_copyThumbprintAction = nullptr;
    QAction *m_copyPinAction = nullptr;

    QWidget *m_detail = nullptr;
    QLabel *m_noSourceHint = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_locationLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_ageLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QWidget *m_tlsActions = nullptr;
    QLabel *m_tlsHint = nullptr;
    QPushButton *m_trustCaButton = nullptr;
    QPushButton *m_pinButton = nullptr;
    QPushButton *m_caFileButton = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QWidget *m_encodingRow = nullptr;
    QToolButton *m_exportButton = nullptr;
    QTableView *m_keysTable = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_jwkView = nullptr;
    JsonHighlighter *m_jwkHighlighter = nullptr;
    QPlainTextEdit *m_pemView = nullptr;
    QLabel *m_keyDetails = nullptr;
    QWidget *m_remoteTab = nullptr;
    QLabel *m_fetchLabel = nullptr;
    QTreeWidget *m_chainView = nullptr;
    QTreeWidget *m_findingsView = nullptr;
    QLabel *m_rotationLabel = nullptr;
    QString m_shownId; ///< the source whose detail is shown, to keep the key selection across updates
};

} // namespace jwb::ui
