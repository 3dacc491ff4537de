#include "keys/KeysModel.h"

#include "common/Theme.h"
#include "crypto/CertificateChain.h"
#include "jose/Base64Url.h"
#include "keys/Thumbprint.h"

#include <QCryptographicHash>
#include <QGuiApplication>
#include <QPalette>

#include <iterator>

namespace jwb::ui {

namespace {

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(jose::Base64Url::encode(bytes));
}

/// The certificate a key came with: the first of its x5c, or the certificate of a PEM/DER certificate file.
std::optional<crypto::CertificateInfo> certificateOf(const keys::Jwk &jwk)
{
    if (!jwk.x5c.isEmpty()) {
        const auto infos = crypto::CertificateChain::describe({jwk.x5c.first()});
        if (!infos.isEmpty())
            return infos.first();
    }
    if (jwk.key.hasCertificate())
        return jwk.key.certificate();
    return std::nullopt;
}

} // namespace

KeysModel::KeysModel(std::shared_ptr<const common::Clock> clock, QObject *parent)
    : QAbstractTableModel(parent),
      m_clock(clock ? std::move(clock) : common::Clock::system()),
      m_errorIcon(Theme::severityIcon(common::Severity::Error)),
      m_warningIcon(Theme::severityIcon(common::Severity::Warning))
{ }

void KeysModel::setKeys(const keys::JwkSet &set)
{
    beginResetModel();
    m_set = set;
    m_rows.clear();
    const QDateTime now = m_clock->now();
    for (const auto &jwk : std::as_const(m_set.keys)) {
        Row row;
        row.thumbprint = keys::Thumbprint::base64Url(jwk.key);
        if (!jwk.x5t.isEmpty())
            row.x5t = base64Url(jwk.x5t);
        else if (!jwk.x5c.isEmpty())
            row.x5t = base64Url(QCryptographicHash::hash(jwk.x5c.first(), QCryptographicHash::Sha1));
        if (const auto cert = certificateOf(jwk)) {
            row.certificateExpired = cert->notAfter.isValid() && cert->notAfter < now;
            // Expiry first: the subject is long and the column elides, the date is what matters at a glance.
            row.certificate = tr("%1 %2 · %3")
                                  .arg(row.certificateExpired ? tr("expired") : tr("until"),
                                      cert->notAfter.toUTC().date().toString(Qt::ISODate), cert->subject);
            row.certificateTip = tr("Subject: %1\nIssuer: %2\nValid from %3 to %4\nSerial: %5")
                                     .arg(cert->subject, cert->issuer, cert->notBefore.toUTC().toString(Qt::ISODate),
                                         cert->notAfter.toUTC().toString(Qt::ISODate), cert->serialHex);
        }
        m_rows.append(row);
    }
    endResetModel();
}

void KeysModel::clear()
{
    beginResetModel();
    m_set = {};
    m_rows.clear();
    endResetModel();
}

const keys::Jwk *KeysModel::jwkAt(int row) const
{
    if (row < 0 || row >= m_set.keys.size())
        return nullptr;
    return &m_set.keys.at(row);
}

const keys::SkippedKey *KeysModel::skippedAt(int row) const
{
    const int skipped = row - static_cast<int>(m_set.keys.size());
    if (skipped < 0 || skipped >= m_set.skipped.size())
        return nullptr;
    return &m_set.skipped.at(skipped);
}

int KeysModel::rowOfKid(const QString &kid) const
{
    for (int i = 0; i < m_set.keys.size(); ++i) {
        if (m_set.keys.at(i).kid == kid)
            return i;
    }
    return -1;
}

int KeysModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_set.keys.size() + m_set.skipped.size());
}

int KeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

/// Each column's title and tooltip (empty: none), in Column order.
struct ColumnText
{
    const char *title;
    const char *toolTip;
};

constexpr ColumnText kColumnTexts[] = {
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "kid"), ""},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "Type"), ""},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "Curve / size"), ""},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "alg"), ""},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "use"), ""},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "Thumbprint (SHA-256)"),
        QT_TRANSLATE_NOOP(
            "jwb::ui::KeysModel", "RFC 7638 JWK thumbprint: SHA-256 over the key's required members, base64url")},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "x5t"),
        QT_TRANSLATE_NOOP(
            "jwb::ui::KeysModel", "SHA-1 thumbprint of the certificate (as given in x5t, or computed from x5c)")},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "Certificate"),
        QT_TRANSLATE_NOOP(
            "jwb::ui::KeysModel", "Subject and expiry of the key's certificate (x5c or PEM certificate)")},
    {QT_TRANSLATE_NOOP("jwb::ui::KeysModel", "Notes"), ""},
};
static_assert(std::size(kColumnTexts) == KeysModel::ColumnCount, "one title per column");

} // namespace

QVariant KeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnText &text = kColumnTexts[section];
    if (role == Qt::DisplayRole)
        return tr(text.title);
    if (role == Qt::ToolTipRole && *text.toolTip)
        return tr(text.toolTip);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QVariant KeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() < m_set.keys.size())
        return keyData(index.row(), index.column(), role);
    return skippedData(index.row(), index.column(), role);
}

QString KeysModel::typeText(const keys::Jwk &jwk)
{
    return crypto::keyTypeName(jwk.key.type());
}

QString KeysModel::curveOrSizeText(const keys::Jwk &jwk)
{
    const crypto::Curve curve = jwk.key.curve();
    if (curve != crypto::Curve::None)
        return crypto::curveName(curve);
    return tr("%1 bits").arg(jwk.key.bits());
}

QVariant KeysModel::keyData(int row, int column, int role) const
{
    const keys::Jwk &jwk = m_set.keys.at(row);
    const Row &derived = m_rows.at(row);
    if (role == SkippedRole)
        return false;
    if (role == ThumbprintRole)
        return derived.thumbprint;
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(column)) {
        case Kid:
            return jwk.kid.isEmpty() ? tr("(no kid)") : jwk.kid;
        case Type:
            return jwk.key.isPrivate() && jwk.key.type() != crypto::KeyType::Oct ? tr("%1 private").arg(typeText(jwk))
                                                                                 : typeText(jwk);
        case CurveOrSize:
            return curveOrSizeText(jwk);
        case Alg:
            return jwk.alg;
        case Use:
            if (jwk.hasKeyOps)
                return jwk.use.isEmpty() ? tr("key_ops: %1").arg(jwk.keyOps.join(u','))
                                         : tr("%1; key_ops: %2").arg(jwk.use, jwk.keyOps.join(u','));
            return jwk.use;
        case Thumbprint:
            return derived.thumbprint;
        case X5t:
            return derived.x5t;
        case Certificate:
            return derived.certificate;
        case Note: {
            QStringList notes;
            for (const auto &finding : jwk.findings)
                notes.append(finding.message);
            return notes.join(QStringLiteral("; "));
        }
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (column == Certificate)
            return derived.certificateTip.isEmpty() ? QVariant() : QVariant(derived.certificateTip);
        if (column == Note || column == Kid) {
            QStringList notes;
            for (const auto &finding : jwk.findings)
                notes.append(QStringLiteral("%1 (%2): %3")
                                 .arg(Theme::severityLabel(finding.severity), finding.code, finding.message));
            return notes.isEmpty() ? QVariant() : QVariant(notes.join(u'\n'));
        }
        return data(index(row, column), Qt::DisplayRole);
    }
    if (role == Qt::DecorationRole && column == Kid && !jwk.findings.isEmpty()) {
        bool error = false;
        for (const auto &finding : jwk.findings)
            error = error || finding.severity == common::Severity::Error;
        return error ? m_errorIcon : m_warningIcon;
    }
    if (role == Qt::ForegroundRole && column == Certificate && derived.certificateExpired)
        return Theme::severityColor(common::Severity::Error, QGuiApplication::palette());
    if (role == Qt::FontRole && (column == Thumbprint || column == X5t))
        return Theme::monospaceFont();
    return {};
}

QVariant KeysModel::skippedData(int row, int column, int role) const
{
    const keys::SkippedKey &skipped = m_set.skipped.at(row - m_set.keys.size());
    if (role == SkippedRole)
        return true;
    if (role == ThumbprintRole)
        return QString();
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(column)) {
        case Kid:
            return skipped.kid.isEmpty() ? tr("(key %1)").arg(skipped.index + 1) : skipped.kid;
        case Type:
            return tr("skipped");
        case Note:
            return skipped.error.message;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("This key could not be used: %1").arg(skipped.error.message);
    if (role == Qt::DecorationRole && column == Kid)
        return m_errorIcon;
    if (role == Qt::ForegroundRole && (column == Type || column == Note))
        return Theme::severityColor(common::Severity::Error, QGuiApplication::palette());
    return {};
}

} // namespace jwb::ui
