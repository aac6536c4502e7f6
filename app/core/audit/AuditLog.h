#pragma once

#include "base/JsonLinesFile.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace relayfleet {

// This machine's record of who did what to which device (<home>/audit.jsonl): every terminal,
// command, push, copy, forward, upgrade, key change, enrolment, adoption and removal, and every
// alert the window gave, with the time, the device, the fingerprint of the key that logged in, the
// program (window or CLI) and how it ended. The window and the CLI append to the same file. Bounded
// (JsonLinesFile: 4 MiB and as much before it); it never holds a passphrase or a password, and a
// pushed value whose name says it is a secret is kept only as its length.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    enum class Action
    {
        TerminalOpened,
        TerminalClosed,
        Exec,
        Push,
        Copy,
        Forward,
        Upgrade,
        KeyInstalled,
        KeyRotated,
        KeyRevoked,
        Enrolled,
        Removed,
        Adopted,
        Alert, // what the program told the user of a device (and its webhook, how that went)
    };

    struct Entry
    {
        QDateTime time; // UTC; set by record()
        Action action = Action::Exec;
        QString device; // the device's id, or relay:port for a tunnel nobody registered
        QString relay;
        QString key;     // SHA256 fingerprint of the key that logged in (keyFingerprint())
        QString program; // set by record(): relayfleet or relayfleet-cli
        bool ok = false;
        QString result;      // what happened, in a few words ("exit status 0", the error's message)
        QJsonObject details; // the command, the values pushed, the paths and sizes...
    };

    // Every field of an entry is cut to this many characters (a command, a path, a reason).
    static constexpr int kMaxFieldChars = 2000;

    AuditLog(QString home, QString program);

    Result<void> record(Entry entry) const;
    // The newest `count` entries, oldest first; of one device only when `device` is set.
    Result<QList<Entry>> entries(const QString &device = {}, int count = 1000) const;

    static QString actionName(Action action);  // "terminal-opened", "exec"... (JSON)
    static QString actionLabel(Action action); // the same for people, translated
    static std::optional<Action> actionFromName(const QString &name);
    static QJsonObject toJson(const Entry &entry);
    static std::optional<Entry> fromJson(const QJsonObject &object);

    // "SHA256:…" of the public half of `identityFile` (FILE.pub, as OpenSSH prints it), or
    // empty when there is none to read.
    static QString keyFingerprint(const QString &identityFile);
    // The values of a push as the log keeps them: NAME: value, or NAME: "(secret, N
    // characters)" where the name says it is a token, password, secret or key.
    static QJsonObject pushedValues(const QList<QPair<QString, QJsonValue>> &values);
    static bool looksSecret(const QString &name);

private:
    JsonLinesFile file() const;

    QString m_home;
    QString m_program;
};

} // namespace relayfleet
