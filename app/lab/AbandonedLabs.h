#pragma once

#include <QString>
#include <QStringList>

namespace relayfleet::lab {

// What labs leave behind when their process dies before its NatLab's destructor runs (a test
// killed by its timeout): directories in the temporary folder (rflab-<id>-...), network
// namespaces (rfl<id>-...), the processes still running in them, and throwaway password
// accounts (rflabpw<id>). A lab whose owning process lives, in this root or beside it, is never
// touched: two suites may run at once.
class AbandonedLabs
{
public:
    // Removes what labs without a live owner left.
    static void cleanUp();
    // Whether the lab with this id belongs to a live process other than this one.
    static bool hasLiveOwner(const QString &labId);
    // The network namespaces of labs that no live process owns.
    static QStringList namespaces();
};

} // namespace relayfleet::lab
