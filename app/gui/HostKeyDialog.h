#pragma once

#include "hostkeys/HostKey.h"
#include "hostkeys/HostKeyPolicy.h"

#include <QString>
#include <atomic>
#include <memory>

class QWidget;

namespace relayfleet::gui {

// The two host key questions, asked as a person expects: a first-seen key is trusted only on
// an explicit "Trust" (the default button is "Cancel"); a changed key is refused, with both
// fingerprints shown and no way to accept it from here.
class HostKeyDialog
{
public:
    static bool confirmUnknown(QWidget *parent, const QString &who, const HostKey &key);
    static void showChanged(QWidget *parent, const QString &message);
    // A policy for SSH workers: the question is asked on `parent`'s (GUI) thread while the
    // worker waits; once `abandoned` is set (the owner is going away) the answer is "no", so
    // the worker never waits on a window that will not answer.
    static HostKeyPolicy askingPolicy(QWidget *parent, bool persist,
                                      std::shared_ptr<std::atomic_bool> abandoned);
};

} // namespace relayfleet::gui
