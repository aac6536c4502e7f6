#pragma once

#include "CliRunner.h"
#include "NatLab.h"

#include <QDirIterator>
#include <QFile>

namespace relayfleet::testing {

// `relay add lab ...` for a CLI home, pointing at the lab's relay with the lab's client key;
// with `init`, also pins the relay key and installs the helper. Returns the CLI's exit code.
inline int addLabRelay(const CliRunner &cli, const lab::NatLab &lab, bool init = false,
                       bool withIdentity = true)
{
    QStringList add{QStringLiteral("relay"), QStringLiteral("add"), QStringLiteral("lab"),
                    QStringLiteral("%1@%2:%3").arg(lab.relayUser(), lab.relayHost()).arg(lab.relayPort())};
    if (withIdentity) {
        add << QStringLiteral("--identity") << lab.clientKey();
    }
    const auto added = cli.run(add);
    if (added.exitCode != 0 || !init) {
        return added.exitCode;
    }
    return cli.run({QStringLiteral("relay"), QStringLiteral("init"), QStringLiteral("lab"),
                    QStringLiteral("--accept-new-host-key")})
        .exitCode;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file below `dir` (hidden ones too) that holds `secret`: for showing that a password
// or passphrase was used and never kept.
inline QStringList filesContaining(const QString &dir, const QString &secret)
{
    QStringList found;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (readFile(path).contains(secret.toUtf8())) {
            found << path;
        }
    }
    return found;
}

} // namespace relayfleet::testing
