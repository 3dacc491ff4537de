#include "keys/KeySourcesModel.h"

#include "common/Theme.h"
#include "workspace/KeyRing.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace jwb::ui {

using workspace::KeyRing;
using workspace::KeySource;

KeySourcesModel::KeySourcesModel(KeyRing *ring, QObject *parent) : QAbstractListModel(parent), m_ring(ring)
{
    if (!m_ring)
        return;
    // The ring changes first and tells us afterwards, so a reset is the honest signal for adds and removes.
    connect(m_ring, &KeyRing::sourcesChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(m_ring, &KeyRing::sourceChanged, this, [this](int row) {
        if (row < 0 || row >= rowCount())
            return;
        Q_EMIT dataChanged(index(row), index(row));
    });
}

int KeySourcesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_ring)
        return 0;
    return m_ring->count();
}

QHash<int, QByteArray> KeySourcesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(KindRole, "kind");
    names.insert(KindTextRole, "kindText");
    names.insert(StatusRole, "status");
    names.insert(AgeRole, "age");
    names.insert(AgeTextRole, "ageText");
    names.insert(ErrorRole, "error");
    names.insert(FetchingRole, "fetching");
    names.insert(IdRole, "id");
    return names;
}

QVariant KeySourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_ring)
        return {};
    const KeySource &source = m_ring->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(source.name + u'\n' + statusText(source));
    case Qt::EditRole:
    case NameRole:
        return source.name;
    case Qt::DecorationRole:
        return kindIcon(source);
    case Qt::ToolTipRole: {
        QStringList lines {source.name, kindText(source)};
        if (!source.location.isEmpty())
            lines.append(source.location);
        lines.append(statusText(source));
        if (const QString code = errorCodeLine(source); !code.isEmpty())
            lines.append(code);
        const QString age = ageText(source, m_ring->ageSeconds(index.row()));
        if (!age.isEmpty())
            lines.append(age);
        return lines.join(u'\n');
    }
    case Qt::AccessibleTextRole:
        return QString(
            source.name + QStringLiteral(", ") + kindText(source) + QStringLiteral(", ") + statusText(source));
    case KindRole:
        return KeySource::kindName(source.kind);
    case KindTextRole:
        return kindText(source);
    case StatusRole:
        return statusText(source);
    case AgeRole:
        return m_ring->ageSeconds(index.row());
    case AgeTextRole:
        return ageText(source, m_ring->ageSeconds(index.row()));
    case ErrorRole:
        return errorMessage(source);
    case FetchingRole:
        return source.fetching;
    case IdRole:
        return source.id;
    default:
        return {};
    }
}

void KeySourcesModel::refreshAges()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::ToolTipRole, AgeRole, AgeTextRole});
}

QIcon KeySourcesModel::kindIcon(const KeySource &source) const
{
    // A failed source shows the error sign so that it stands out in the list; otherwise the kind.
    if (source.error && !source.fetching)
        return Theme::severityIcon(common::Severity::Error);
    QStyle *style = QApplication::style();
    switch (source.kind) {
    case KeySource::Kind::Pasted:
        return style->standardIcon(QStyle::SP_FileDialogDetailedView);
    case KeySource::Kind::Secret:
        return style->standardIcon(QStyle::SP_FileDialogContentsView);
    case KeySource::Kind::File:
        return style->standardIcon(QStyle::SP_FileIcon);
    case KeySource::Kind::Url:
    case KeySource::Kind::Issuer:
        return style->standardIcon(QStyle::SP_DriveNetIcon);
    case KeySource::Kind::Generated:
        return style->standardIcon(QStyle::SP_FileDialogNewFolder);
    }
    return {};
}

QString KeySourcesModel::kindText(const KeySource &source)
{
    switch (source.kind) {
    case KeySource::Kind::Pasted:
        return tr("Pasted key");
    case KeySource::Kind::Secret:
        return tr("Shared secret");
    case KeySource::Kind::File:
        return tr("Key file");
    case KeySource::Kind::Url:
        return tr("JWK Set URL");
    case KeySource::Kind::Issuer:
        return tr("Issuer (OpenID discovery)");
    case KeySource::Kind::Generated:
        return tr("Generated key");
    }
    return {};
}

QString KeySourcesModel::statusText(const KeySource &source, bool withLastFailure)
{
    if (source.fetching)
        return tr("fetching: %1").arg(progressText(source.progress));
    if (source.awaitingPermission && !source.keys)
        return tr("not fetched: waiting for your permission (Refresh fetches it)");
    if (source.error && !source.keys)
        return errorMessage(source);
    if (!source.keys)
        return source.isRemote() ? tr("not fetched yet") : tr("not loaded");
    QString text = tr("%n key(s)", nullptr, static_cast<int>(source.keys->keys.size()));
    if (!source.keys->skipped.isEmpty())
        text += tr(", %1 skipped").arg(source.keys->skipped.size());
    // Keys from an earlier fetch are still usable; say that the last attempt failed.
    if (withLastFailure && source.error)
        text += tr(" (last fetch failed: %1)").arg(errorMessage(source));
    return text;
}

QString KeySourcesModel::errorMessage(const KeySource &source)
{
    if (!source.error)
        return {};
    const common::Error &error = *source.error;
    if (error.is(common::ErrorCode::NoKey))
        return tr("No key given");
    if (error.is(common::ErrorCode::InvalidUrl) && error.details.contains(QStringLiteral("location")))
        return tr("“%1” is not a URL").arg(error.details.value(QStringLiteral("location")).toString());
    if (error.is(common::ErrorCode::Cancelled))
        return tr("The fetch was cancelled");
    if (error.is(common::ErrorCode::SecretNotStored))
        return tr("the secret was not restored: workspace files never hold it, and the system keychain did not "
                  "provide it. Paste it again.");
    return error.message;
}

QString KeySourcesModel::errorCodeLine(const KeySource &source)
{
    return source.error && !source.error->code.isEmpty() ? tr("Error code: %1").arg(source.error->code) : QString();
}

QString KeySourcesModel::progressText(const workspace::FetchProgress &progress)
{
    using Stage = workspace::FetchProgress::Stage;
    switch (progress.stage) {
    case Stage::Idle:
        return tr("starting");
    case Stage::Connecting:
        return tr("Connecting…");
    case Stage::Step:
        return progress.step;
    case Stage::Downloading:
        return progress.total > 0 ? tr("Downloading %1 of %2 bytes").arg(progress.received).arg(progress.total)
                                  : tr("Downloading %1 bytes").arg(progress.received);
    }
    return {};
}

QString KeySourcesModel::durationAgo(qint64 seconds)
{
    if (seconds < 5)
        return tr("just now");
    if (seconds < 60)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 days ago").arg(seconds / 86400);
}

QString KeySourcesModel::ageText(const KeySource &source, qint64 ageSeconds)
{
    if (ageSeconds < 0)
        return {};
    return (source.isRemote() ? tr("fetched %1") : tr("loaded %1")).arg(durationAgo(ageSeconds));
}

} // namespace jwb::ui
