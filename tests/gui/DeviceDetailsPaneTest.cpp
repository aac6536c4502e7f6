// The details pane at its narrowest: every value is shown whole (long ones wrap onto more
// lines and their row grows), none is cut at the pane's right edge or by the next row.
#include "fleet/DeviceDetailsPane.h"

#include "fleet/HealthChart.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using relayfleet::DeviceStatus;
using relayfleet::gui::DeviceDetailsPane;

class DeviceDetailsPaneTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longValuesAreShownWhole()
    {
        QTemporaryDir home;
        DeviceDetailsPane pane(home.path());
        DeviceStatus status;
        status.id = QStringLiteral("kitchen");
        status.name = QStringLiteral("kitchen");
        status.state = DeviceStatus::State::Online;
        status.hostKeyFingerprint =
            QStringLiteral("SHA256:L3bBrMJLHKfUWY4n+a5nXixVlt5HNEDlcfrKtBGsiEA");
        status.tunnelKey = QStringLiteral("SHA256:KNPuSI59xuPDWEYwipFkOblorBC9LgRCcMAyJVLrY48");
        status.labels = {QStringLiteral("home"), QStringLiteral("sensors"),
                         QStringLiteral("greenhouse")};
        status.seen(QDateTime::currentDateTimeUtc(), DeviceStatus::SeenBy::Heartbeat);
        status.deviceFiles = {1, 1, 1};
        status.problem = QStringLiteral("a sentence long enough to need more than one line in "
                                        "the narrowest pane the window allows");
        // A warm Pi: its latest report, and two days of hourly ones for the chart.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        status.health = relayfleet::DeviceHealth::parse(
            QByteArray::number(now) + " 72400 0x50000 115 61 28 39516 6.1.0-rpi7-rpi-v8");
        QVERIFY(status.health.isValid());
        pane.showDevice(status);
        QList<relayfleet::DeviceHealth> history;
        for (int hour = 47; hour >= 0; --hour) {
            history << relayfleet::DeviceHealth::parse(
                QByteArray::number(now - hour * 3600) + ' ' +
                QByteArray::number(52000 + (hour % 24) * 900) + " 0x0 " +
                QByteArray::number(20 + (hour * 37) % 150) + " 60 " +
                QByteArray::number(40 - (47 - hour) / 4) + " 1000 k");
        }
        pane.showHealthHistory(history);
        auto *chart = pane.findChild<relayfleet::gui::HealthChart *>(QStringLiteral("healthChart"));
        QVERIFY(chart);
        QCOMPARE(chart->reportCount(), 48);
        const QString health = pane.findChild<QLabel *>(QStringLiteral("detailsHealth"))->text();
        QVERIFY2(health.startsWith(relayfleet::DeviceHealth::levelLabel(
                     relayfleet::DeviceHealth::Level::Warning)),
                 qPrintable(health));
        QVERIFY2(health.contains(QStringLiteral("72.4")), qPrintable(health));
        relayfleet::gui::OpenPorts::Open open;
        open.devicePort = 18866;
        open.url = QUrl(QStringLiteral("http://127.0.0.1:46479/"));
        pane.showOpenPorts({open});
        pane.resize(pane.minimumWidth(), 900);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTest::qWait(50);
        if (const QByteArray dir = qgetenv("RELAYFLEET_SCREENSHOTS"); !dir.isEmpty()) {
            pane.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/details-pane.png"));
        }
        QVERIFY(pane.findChild<QLabel *>(QStringLiteral("detailsLastSeen"))
                    ->text()
                    .endsWith(QLatin1String(")"))); // and by what
        const QList<QLabel *> labels = pane.findChildren<QLabel *>();
        QVERIFY(labels.size() > 10);
        for (QLabel *label : labels) {
            if (!label->isVisible() || label->text().isEmpty()) {
                continue;
            }
            const QRect box = label->geometry();
            const QString what = label->objectName() + QLatin1String(": ") + label->text();
            // Not cut at the right edge ...
            QVERIFY2(box.right() < pane.width(), qPrintable(what));
            // ... nor shorter than its text needs at its width.
            if (label->wordWrap()) {
                QVERIFY2(box.height() >= label->heightForWidth(box.width()),
                         qPrintable(QStringLiteral("%1 (%2 px high, needs %3)")
                                        .arg(what)
                                        .arg(box.height())
                                        .arg(label->heightForWidth(box.width()))));
            }
            // A word cannot wrap (a fingerprint has no space in it): each must fit.
            if (label->textFormat() != Qt::RichText) {
                for (const QString &word : label->text().split(QLatin1Char(' '))) {
                    QVERIFY2(label->fontMetrics().horizontalAdvance(word) + label->indent() <=
                                 box.width(),
                             qPrintable(what + QLatin1String(" / ") + word));
                }
            }
        }
    }
};

QTEST_MAIN(DeviceDetailsPaneTest)
#include "DeviceDetailsPaneTest.moc"
