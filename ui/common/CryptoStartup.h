#pragma once

#include "common/Scheduler.h"

#include <QObject>

#include <memory>

class QWidget;

namespace jwb::ui {

/// The crypto self-test (crypto::Backend::initialize, 60-75 ms of known-answer tests) at start-up, after the
/// window's first paint: the window appears at once and a verification waiting for the self-test follows it.
/// Without a scheduled start (tests, a window built without the app's main()) whoever needs the backend first
/// initializes it.
class CryptoStartup : public QObject
{
    Q_OBJECT
public:
    static CryptoStartup *instance();
    /// At the latest this long after runAfterFirstPaint() the self-test runs, painted or not.
    static constexpr int kLatestMs = 2000;

    /// Runs the self-test once `window` has painted for the first time (right after that paint is flushed), or
    /// kLatestMs later by `scheduler` (default common::Scheduler::qt()). Install it before any other first-paint
    /// filter (Qt calls the filter installed last first).
    void runAfterFirstPaint(QWidget *window, const std::shared_ptr<common::Scheduler> &scheduler = {});
    /// Whether the self-test is waiting for a first paint.
    [[nodiscard]] bool isScheduled() const { return m_scheduled; }
    /// Runs the self-test now if it has not run yet, and tells whoever waits.
    void runNow();
    /// For whoever needs the backend: runs the self-test from the event loop, unless by then it waits for a first
    /// paint.
    void requestSoon();

Q_SIGNALS:
    /// The self-test has run (crypto::Backend::isInitialized() is true).
    void ready();

private:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override;

    bool m_scheduled = false;
};

} // namespace jwb::ui
