#pragma once

#include "base/Result.h"
#include "overrides/OverrideAssignment.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace relayfleet {

// The values the user wants, per device and per label (<home>/overrides.json). A device's own
// values beat its labels'.
class DesiredOverrides
{
    Q_DECLARE_TR_FUNCTIONS(DesiredOverrides)
public:
    explicit DesiredOverrides(QString home);

    Result<void> setForDevice(const QString &id, const QList<OverrideAssignment> &assignments);
    Result<void> setForLabel(const QString &label, const QList<OverrideAssignment> &assignments);
    Result<QJsonObject> desiredFor(const QString &id, const QStringList &labels) const;

private:
    Result<QJsonObject> load() const;
    Result<void> save(const QJsonObject &root);
    Result<void> set(const QString &scope, const QString &key,
                     const QList<OverrideAssignment> &assignments);

    QString m_home;
};

} // namespace relayfleet
