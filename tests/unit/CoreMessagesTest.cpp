#include "TestKeys.h"
#include "base/Error.h"
#include "base/Translations.h"
#include "fleet/DeviceStatus.h"
#include "hostkeys/HostKeyVerifier.h"
#include "registry/RegistryListing.h"
#include "relay/RelayConfig.h"
#include "relay/RelayStore.h"
#include "ssh/SshSession.h"
#include "ssh/SshWait.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace relayfleet;

// The core's messages reach people in their language: every message an Error is made with, for
// every Error code, and every status word, go through the Japanese translator the programs load.
class CoreMessagesTest : public QObject
{
    Q_OBJECT

private:
    QTranslator m_japanese;
    QHash<QString, QString> m_contextOf; // source text -> its context in relayfleet_ja.ts

    static bool isJapanese(const QString &text)
    {
        for (const QChar ch : text) {
            const char16_t u = ch.unicode();
            if ((u >= 0x3040 && u <= 0x30ff) || (u >= 0x4e00 && u <= 0x9fff)) {
                return true;
            }
        }
        return false;
    }

    // moc cannot read raw string literals, hence the escaped patterns below.
    // C string literals as the compiler joins them: "a " "b" -> a b, with \" and \\ unescaped.
    static QString joinLiterals(const QString &literals)
    {
        static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
        QString text;
        for (const auto &match : literal.globalMatch(literals)) {
            QString part = match.captured(1);
            part.replace(QLatin1String("\\\""), QLatin1String("\""));
            part.replace(QLatin1String("\\n"), QLatin1String("\n"));
            part.replace(QLatin1String("\\\\"), QLatin1String("\\"));
            text += part;
        }
        return text;
    }

    // Error::Code::HostKeyChanged -> host-key-changed, the word errorCodeName() gives.
    static QString kebab(const QString &camel)
    {
        QString word;
        for (const QChar ch : camel) {
            if (ch.isUpper() && !word.isEmpty()) {
                word += QLatin1Char('-');
            }
            word += ch.toLower();
        }
        return word;
    }

    static QStringList coreSources()
    {
        QStringList files;
        QDirIterator it(QStringLiteral(RELAYFLEET_SOURCE_DIR "/app/core"),
                        {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files << it.next();
        }
        files.sort();
        return files;
    }

    static QString read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_japanese.load(QStringLiteral(RELAYFLEET_QM_DIR "/relayfleet_ja.qm")),
                 "relayfleet_ja.qm was not built");
        QVERIFY(QCoreApplication::installTranslator(&m_japanese));
        QFile ts(QStringLiteral(RELAYFLEET_SOURCE_DIR "/translations/relayfleet_ja.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
                m_contextOf.insert(xml.readElementText(), context);
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(m_contextOf.size() > 300);
    }

    void everyErrorCodeSpeaksJapanese()
    {
        static const QRegularExpression made(
            QStringLiteral("Error::make\\(\\s*Error::Code::(\\w+),\\s*(\\w+::)?(tr|QStringLiteral)"
                           "\\(\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)\\)"));
        QHash<QString, int> messagesPerCode;
        QStringList untranslated;
        for (const QString &path : coreSources()) {
            const QString source = read(path);
            QVERIFY2(!source.isEmpty(), qPrintable(path));
            for (const auto &match : made.globalMatch(source)) {
                const QString code = kebab(match.captured(1));
                const QString text = joinLiterals(match.captured(4));
                const QString where =
                    QStringLiteral("%1: \"%2\"").arg(QFileInfo(path).fileName(), text);
                if (match.captured(3) == QLatin1String("QStringLiteral")) {
                    untranslated << QStringLiteral("not marked for translation: ") + where;
                    continue;
                }
                const QString context = m_contextOf.value(text);
                const QString japanese =
                    m_japanese.translate(context.toUtf8().constData(), text.toUtf8().constData());
                if (context.isEmpty() || !isJapanese(japanese)) {
                    untranslated << QStringLiteral("no Japanese: ") + where;
                    continue;
                }
                // The placeholders survive translation, or .arg() would put values in wrong places.
                static const QRegularExpression placeholder(QStringLiteral("%\\d"));
                QStringList wanted, got;
                for (const auto &p : placeholder.globalMatch(text))
                    wanted << p.captured();
                for (const auto &p : placeholder.globalMatch(japanese))
                    got << p.captured();
                wanted.sort();
                got.sort();
                if (wanted != got) {
                    untranslated << QStringLiteral("placeholders differ: ") + where;
                    continue;
                }
                ++messagesPerCode[code];
            }
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
        int walked = 0;
        for (const int count : std::as_const(messagesPerCode)) {
            walked += count;
        }
        qInfo("%d messages of %lld codes walked through the Japanese translator", walked,
              static_cast<long long>(messagesPerCode.size()));
        for (int i = 0; i <= static_cast<int>(Error::Code::KeychainUnavailable); ++i) {
            const QString word = errorCodeName(static_cast<Error::Code>(i));
            QVERIFY2(messagesPerCode.value(word) > 0,
                     qPrintable(QStringLiteral("no translated message is made with code ") + word));
        }
    }

    void realFailuresAreReportedInJapanese()
    {
        QTemporaryDir dir;
        QList<std::pair<Error::Code, Error>> errors;
        errors.append({Error::Code::InvalidInput,
                       RelayConfig::fromAddress(QStringLiteral("no spaces"),
                                                QStringLiteral("pi@host"), QStringLiteral("pi"))
                           .error()});
        errors.append(
            {Error::Code::NotFound, RelayStore(dir.filePath(QStringLiteral("relays.json")))
                                        .find(QStringLiteral("lab"))
                                        .error()});
        errors.append(
            {Error::Code::Protocol, RegistryListing::parse("HTTP/1.1 400 Bad Request\n").error()});
        errors.append({Error::Code::Timeout, timeoutError(QDeadlineTimer(0), QStringLiteral("x"))});
        errors.append({Error::Code::Cancelled, cancelledError(QStringLiteral("x"))});
        KnownHostsFile knownHosts(dir.filePath(QStringLiteral("known_hosts")));
        const auto a = HostKey::fromOpenSsh(QString::fromLatin1(testkeys::kKeyA)).value();
        const auto b = HostKey::fromOpenSsh(QString::fromLatin1(testkeys::kKeyB)).value();
        const QString name = QStringLiteral("[127.0.0.1]:2222");
        errors.append({Error::Code::HostKeyUnknown, HostKeyVerifier(knownHosts, HostKeyPolicy{})
                                                        .verify(name, a, QStringLiteral("x"))
                                                        .error()});
        QVERIFY(knownHosts.add(name, a));
        errors.append({Error::Code::HostKeyChanged, HostKeyVerifier(knownHosts, HostKeyPolicy{})
                                                        .verify(name, b, QStringLiteral("x"))
                                                        .error()});
        // A loopback port that was just free: nothing listens there.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const int closedPort = server.serverPort();
        server.close();
        SshSession session;
        SshSession::Target target;
        target.host = QStringLiteral("127.0.0.1");
        target.port = closedPort;
        target.knownHostsName = QStringLiteral("x");
        target.who = QStringLiteral("x");
        errors.append(
            {Error::Code::ConnectionFailed,
             session.connect(target, knownHosts.path(), QDeadlineTimer(5000), CancelToken())
                 .error()});
        for (const auto &[code, error] : errors) {
            QCOMPARE(error.code, code);
            QVERIFY2(isJapanese(error.message), qPrintable(error.message));
        }
    }

    void everyStatusHasAJapaneseWord()
    {
        using State = DeviceStatus::State;
        QSet<QString> labels;
        for (State state :
             {State::Online, State::Stale, State::Offline, State::Unregistered, State::Invalid}) {
            const QString label = DeviceStatus::stateLabel(state);
            QVERIFY2(isJapanese(label), qPrintable(label));
            labels.insert(label);
            // JSON and scripts keep the English word.
            QVERIFY(!isJapanese(DeviceStatus::stateName(state)));
        }
        QCOMPARE(labels.size(), 5);
        QCOMPARE(DeviceStatus::stateLabel(State::Stale), QStringLiteral("停滞"));
    }

    void aLanguageAskedForIsAlsoTheLocale()
    {
        // The window in Japanese on an English system: its dates in Japanese too.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installTranslations(QStringLiteral("ja"));
        QCOMPARE(QLocale().language(), QLocale::Japanese);
        const QDateTime when(QDate(2026, 11, 29), QTime(9, 49));
        QVERIFY2(isJapanese(QLocale().toString(when, QLocale::LongFormat)),
                 qPrintable(QLocale().toString(when, QLocale::LongFormat)));
    }
};

QTEST_GUILESS_MAIN(CoreMessagesTest)
#include "CoreMessagesTest.moc"
