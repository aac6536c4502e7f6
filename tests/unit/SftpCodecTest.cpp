// The SFTP bytes: requests as OpenSSH's sftp-server reads them, and replies from a device read
// only as far as the packet they came in allows.
#include "ssh/SftpCodec.h"

#include <QTest>
#include <QtEndian>

using relayfleet::SftpCodec;

namespace {

QByteArray u32(quint32 value)
{
    QByteArray out;
    SftpCodec::appendU32(out, value);
    return out;
}

QByteArray str(const QByteArray &value)
{
    QByteArray out;
    SftpCodec::appendString(out, value);
    return out;
}

QByteArray reply(quint8 type, quint32 id, const QByteArray &body)
{
    return SftpCodec::packet(type, u32(id) + body);
}

} // namespace

class SftpCodecTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsAreFramed()
    {
        QByteArray fields = str("dir/a b;$(x)");
        SftpCodec::appendU32(fields, SftpCodec::OpenWrite | SftpCodec::OpenCreate);
        SftpCodec::Attributes mode;
        mode.permissions = 0600;
        SftpCodec::appendAttributes(fields, mode);
        const QByteArray packet = SftpCodec::request(SftpCodec::Open, 7, fields);
        QCOMPARE(qFromBigEndian<quint32>(packet.constData()), quint32(packet.size() - 4));
        QCOMPARE(quint8(packet.at(4)), quint8(SftpCodec::Open));
        QCOMPARE(qFromBigEndian<quint32>(packet.constData() + 5), quint32(7));
        QCOMPARE(packet.mid(9, 16), str("dir/a b;$(x)"));
        QCOMPARE(packet.right(8), u32(0x04) + u32(0600));
        QCOMPARE(SftpCodec::init(), SftpCodec::packet(SftpCodec::Init, u32(3)));
    }

    void repliesAreCutApartAsTheyArrive()
    {
        const QByteArray two = reply(SftpCodec::Status, 1, u32(0) + str("ok") + str("")) +
                               reply(SftpCodec::Data, 2, str("payload"));
        QByteArray buffer;
        bool malformed = true;
        for (qsizetype i = 0; i < two.size() - 1; ++i) { // byte by byte: nothing early
            buffer.append(two.at(i));
            if (i < 4 + 1 + 4 + 4 + 4 + 2 + 4 - 1) {
                QVERIFY(!SftpCodec::takeReply(buffer, malformed));
                QVERIFY(!malformed);
            }
        }
        auto first = SftpCodec::takeReply(buffer, malformed);
        QVERIFY(first);
        QCOMPARE(first->id, quint32(1));
        QCOMPARE(SftpCodec::readStatus(first->body)->code, quint32(SftpCodec::Ok));
        QVERIFY(!SftpCodec::takeReply(buffer, malformed)); // one byte short
        buffer.append(two.back());
        auto second = SftpCodec::takeReply(buffer, malformed);
        QVERIFY(second);
        QCOMPARE(*SftpCodec::readString(second->body), QByteArray("payload"));
        QVERIFY(buffer.isEmpty());
    }

    void hostileRepliesAreRejected()
    {
        bool malformed = false;
        QByteArray huge = u32(64 * 1024 * 1024) + QByteArray(10, 'x');
        QVERIFY(!SftpCodec::takeReply(huge, malformed));
        QVERIFY(malformed);
        QByteArray empty = u32(0);
        QVERIFY(!SftpCodec::takeReply(empty, malformed));
        QVERIFY(malformed);
        // A string longer than its packet, a name count the body cannot hold, attributes cut.
        QVERIFY(!SftpCodec::readString(u32(1000) + "short"));
        QVERIFY(!SftpCodec::readNames(u32(0x7fffffff) + str("a") + str("b") + u32(0)));
        QVERIFY(!SftpCodec::readAttributes(u32(0x01) + u32(5)));
        QVERIFY(!SftpCodec::readAttributes(u32(0x80000000) + u32(0x7fffffff)));
    }

    void attributesAndNamesAreRead()
    {
        QByteArray attributes = u32(0x01 | 0x02 | 0x04 | 0x08 | 0x80000000);
        SftpCodec::appendU64(attributes, 1234567890123ULL);
        attributes += u32(1000) + u32(1000) + u32(0100755) + u32(1) + u32(1700000000) + u32(1) +
                      str("name@x") + str("data");
        const auto read = SftpCodec::readAttributes(attributes);
        QVERIFY(read);
        QCOMPARE(*read->size, 1234567890123ULL);
        QCOMPARE(*read->permissions, quint32(0100755));
        QCOMPARE(*read->modified, quint32(1700000000));
        QVERIFY(read->isRegularFile());
        QVERIFY(!read->isDirectory());
        const auto names = SftpCodec::readNames(u32(2) + str("日本語") + str("long") + u32(0x04) +
                                                u32(040755) + str("new\nline") + str("") + u32(0));
        QVERIFY(names);
        QCOMPARE(names->size(), 2);
        QCOMPARE(names->at(0).name, QByteArray("日本語"));
        QVERIFY(names->at(0).attributes.isDirectory());
        QCOMPARE(names->at(1).name, QByteArray("new\nline"));
        quint32 version = 0;
        const auto extensions =
            SftpCodec::readVersion(u32(3) + str("posix-rename@openssh.com") + str("1"), version);
        QVERIFY(extensions);
        QCOMPARE(version, quint32(3));
        QCOMPARE(extensions->value(0), QByteArray("posix-rename@openssh.com"));
    }
};

QTEST_GUILESS_MAIN(SftpCodecTest)
#include "SftpCodecTest.moc"
