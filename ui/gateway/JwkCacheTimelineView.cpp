#include "gateway/JwkCacheTimelineView.h"

#include "common/Theme.h"
#include "krakend/ValidatorConfig.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace jwb::ui {

namespace {

QString secondsText(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
}

QSpinBox *secondsBox(int value, const QString &objectName, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(0, 7 * 24 * 3600);
    box->setSuffix(QStringLiteral(" s"));
    box->setValue(value);
    return box;
}

} // namespace

JwkCacheTimelineView::JwkCacheTimelineView(const krakend::ValidatorConfig &config, QWidget *parent)
    : QDialog(parent), m_settings(krakend::JwkCacheSettings::fromConfig(config))
{
    setObjectName(QStringLiteral("jwkCacheTimeline"));
    setWindowTitle(tr("JWK cache over time"));
    auto *settings = new QLabel(this);
    settings->setObjectName(QStringLiteral("jwkCacheSettings"));
    settings->setWordWrap(true);
    settings->setText(
        (m_settings.cache ? tr("cache on: a warm-up download at start-up, each key kept %1 after its download")
                                .arg(secondsText(m_settings.cacheDurationMs))
                          : tr("cache off: every key lookup downloads the key set (two per accepted request)"))
        + u'\n'
        + (m_settings.sharedCacheDurationMs ? tr("shared cache (service level): %1, keyed by kid only")
                                                  .arg(secondsText(*m_settings.sharedCacheDurationMs))
                                            : tr("no shared cache (no service-level auth/validator)"))
        + u'\n'
        + (m_settings.cooldownMs > 0
                ? tr("failed_jwk_key_cooldown: a kid that was not found fails for %1 without a download")
                      .arg(secondsText(m_settings.cooldownMs))
                : tr("no failed_jwk_key_cooldown: an unknown kid is looked up again at once")));

    m_rotationAt = secondsBox(600, QStringLiteral("jwkRotationAt"), this);
    m_rotationAt->setToolTip(tr("When the identity provider publishes the new key (kid \"new\") next to the old one"));
    m_firstTokenAt = secondsBox(590, QStringLiteral("jwkFirstTokenAt"), this);
    m_firstTokenAt->setToolTip(tr("From when tokens are signed with the new key (before the publication: the "
                                  "identity provider signs before it publishes)"));
    m_every = secondsBox(30, QStringLiteral("jwkRequestEvery"), this);
    m_every->setMinimum(1);
    m_every->setToolTip(tr("One request every so often"));
    m_until = secondsBox(1800, QStringLiteral("jwkUntil"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("New key published at"), m_rotationAt);
    form->addRow(tr("Tokens use the new key from"), m_firstTokenAt);
    form->addRow(tr("A request every"), m_every);
    form->addRow(tr("Until"), m_until);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("jwkCacheSummary"));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("jwkCacheTable"));
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("kid"), tr("What KrakenD does")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(settings);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    for (QSpinBox *box : {m_rotationAt, m_firstTokenAt, m_every, m_until})
        connect(box, &QSpinBox::valueChanged, this, &JwkCacheTimelineView::rerun);
    resize(760, 560);
    rerun();
}

void JwkCacheTimelineView::rerun()
{
    const qint64 rotation = qint64(m_rotationAt->value()) * 1000;
    const qint64 firstToken = qint64(m_firstTokenAt->value()) * 1000;
    const qint64 every = qint64(m_every->value()) * 1000;
    const qint64 until = qint64(m_until->value()) * 1000;
    QList<krakend::JwkRequest> requests;
    for (qint64 t = every; t <= until && requests.size() < 2000; t += every)
        requests.append({t, t < firstToken ? QStringLiteral("old") : QStringLiteral("new")});
    m_timeline = krakend::JwkCacheTimeline::simulate(m_settings,
        {{0, {QStringLiteral("old")}}, {rotation, {QStringLiteral("old"), QStringLiteral("new")}}}, requests);

    // One table: downloads and requests in time order (a download a request causes comes first).
    struct Row
    {
        qint64 at;
        int order;
        QString event, kid, detail;
        bool bad;
    };
    QList<Row> rows;
    for (const auto &f : m_timeline.fetches())
        rows.append({f.atMs, 0, tr("download (%1)").arg(krakend::JwkCacheTimeline::reasonName(f.reason)), f.kid,
            tr("the set holds: %1").arg(f.got.isEmpty() ? tr("nothing") : f.got.join(QStringLiteral(", "))), false});
    for (const auto &r : m_timeline.requests())
        rows.append({r.atMs, 1, r.found ? tr("request: key found") : tr("request: 401"), r.kid, r.detail, !r.found});
    std::stable_sort(rows.begin(), rows.end(),
        [](const Row &a, const Row &b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });
    m_table->setRowCount(0);
    for (const Row &row : std::as_const(rows)) {
        const int i = m_table->rowCount();
        m_table->insertRow(i);
        m_table->setItem(i, 0, new QTableWidgetItem(secondsText(row.at)));
        auto *event = new QTableWidgetItem(row.event);
        if (row.bad)
            event->setForeground(Theme::severityColor(common::Severity::Error, palette()));
        m_table->setItem(i, 1, event);
        m_table->setItem(i, 2, new QTableWidgetItem(row.kid));
        m_table->setItem(i, 3, new QTableWidgetItem(row.detail));
    }
    m_table->resizeColumnsToContents();

    QString summary;
    for (const auto &v : m_timeline.visibility()) {
        if (v.kid != u"new")
            continue;
        summary = v.firstAcceptedMs
            ? tr("The new kid is published at %1 and first accepted at %2; %n request(s) with it got 401 after its "
                 "publication.",
                nullptr, v.rejectedAfterPublication)
                  .arg(secondsText(v.publishedMs), secondsText(*v.firstAcceptedMs))
            : tr("The new kid is published at %1 and never accepted in this timeline (%n request(s) with it got 401 "
                 "after its publication).",
                nullptr, v.rejectedAfterPublication)
                  .arg(secondsText(v.publishedMs));
    }
    m_summary->setText(
        tr("%n download(s) of the key set.", nullptr, static_cast<int>(m_timeline.fetches().size())) + u' ' + summary);
}

} // namespace jwb::ui
