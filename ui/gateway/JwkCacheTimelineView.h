#pragma once

#include "krakend/JwkCacheTimeline.h"

#include <QDialog>

class QLabel;
class QSpinBox;
class QTableWidget;

namespace jwb::krakend {
class ValidatorConfig;
}

namespace jwb::ui {

/// The JWK cache of a jwk_url endpoint over time (issue #18): a key rotation scenario run through
/// krakend::JwkCacheTimeline with the endpoint's cache, cache_duration, shared_cache_duration and
/// failed_jwk_key_cooldown, shown as a table of downloads and requests, with when the new kid becomes visible.
class JwkCacheTimelineView : public QDialog
{
    Q_OBJECT

public:
    JwkCacheTimelineView(const krakend::ValidatorConfig &config, QWidget *parent = nullptr);

    /// The last run (for tests).
    [[nodiscard]] const krakend::JwkCacheTimeline &timeline() const { return m_timeline; }

private:
    void rerun();

    krakend::JwkCacheSettings m_settings;
    krakend::JwkCacheTimeline m_timeline;
    QSpinBox *m_rotationAt = nullptr;
    QSpinBox *m_firstTokenAt = nullptr;
    QSpinBox *m_every = nullptr;
    QSpinBox *m_until = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace jwb::ui
