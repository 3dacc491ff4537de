#pragma once

#include "common/Clock.h"
#include "keys/JwkSet.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <memory>

namespace jwb::ui {

/// The keys of one source as a table: kid, type, curve or size, alg, use, RFC 7638 thumbprint, x5t and the
/// certificate (subject, expiry), then a note (findings). Keys that could not be used follow the usable ones,
/// marked "skipped" with their error. Certificate expiry is judged at the injected clock's "now".
class KeysModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Kid, Type, CurveOrSize, Alg, Use, Thumbprint, X5t, Certificate, Note, ColumnCount };
    enum Role {
        SkippedRole = Qt::UserRole + 1, ///< bool: a row of a key that could not be used
        ThumbprintRole, ///< the full RFC 7638 SHA-256 thumbprint (base64url)
    };

    explicit KeysModel(std::shared_ptr<const common::Clock> clock = common::Clock::system(), QObject *parent = nullptr);

    void setKeys(const keys::JwkSet &set);
    void clear();
    [[nodiscard]] const keys::JwkSet &keySet() const { return m_set; }

    /// The usable key shown at `row`, or nullptr for a skipped row or an invalid row.
    [[nodiscard]] const keys::Jwk *jwkAt(int row) const;
    /// The skipped key shown at `row`, or nullptr.
    [[nodiscard]] const keys::SkippedKey *skippedAt(int row) const;
    /// Row of the first usable key with this kid, -1 when none.
    [[nodiscard]] int rowOfKid(const QString &kid) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// "RSA", "EC", "OKP", "oct".
    [[nodiscard]] static QString typeText(const keys::Jwk &jwk);
    /// "P-256", "Ed25519", "2048 bits".
    [[nodiscard]] static QString curveOrSizeText(const keys::Jwk &jwk);

private:
    struct Row
    {
        QString thumbprint;
        QString x5t;
        QString certificate;
        QString certificateTip;
        bool certificateExpired = false;
    };
    QVariant keyData(int row, int column, int role) const;
    QVariant skippedData(int row, int column, int role) const;

    std::shared_ptr<const common::Clock> m_clock;
    keys::JwkSet m_set;
    QList<Row> m_rows; ///< derived values of m_set.keys, computed once per setKeys
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace jwb::ui
