#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>
#include <optional>

namespace relayfleet {

// The bytes of SFTP version 3 (draft-ietf-secsh-filexfer-02, what OpenSSH's sftp-server
// speaks): requests built, replies read. Replies come from the device and are untrusted: every
// read is bounded by the packet it comes from and fails rather than guesses.
class SftpCodec
{
public:
    enum Type : quint8
    {
        Init = 1,
        Version = 2,
        Open = 3,
        Close = 4,
        Read = 5,
        Write = 6,
        Lstat = 7,
        Fstat = 8,
        Setstat = 9,
        Fsetstat = 10,
        Opendir = 11,
        Readdir = 12,
        Remove = 13,
        Mkdir = 14,
        Rmdir = 15,
        Realpath = 16,
        Stat = 17,
        Rename = 18,
        Status = 101,
        Handle = 102,
        Data = 103,
        Name = 104,
        Attrs = 105,
        Extended = 200,
        ExtendedReply = 201,
    };
    enum StatusCode : quint32
    {
        Ok = 0,
        Eof = 1,
        NoSuchFile = 2,
        PermissionDenied = 3,
        Failure = 4,
        BadMessage = 5,
        NoConnection = 6,
        ConnectionLost = 7,
        Unsupported = 8,
    };
    enum OpenFlag : quint32
    {
        OpenRead = 0x01,
        OpenWrite = 0x02,
        OpenCreate = 0x08,
        OpenTruncate = 0x10,
        OpenExclusive = 0x20,
    };
    // The largest packet either side sends; OpenSSH's sftp-server refuses bigger ones.
    static constexpr quint32 kMaxPacket = 256 * 1024;

    struct Attributes
    {
        std::optional<quint64> size;
        std::optional<quint32> permissions; // st_mode: type bits and permission bits
        std::optional<quint32> modified;    // seconds since 1970
        bool isDirectory() const { return permissions && (*permissions & 0170000) == 0040000; }
        bool isRegularFile() const { return permissions && (*permissions & 0170000) == 0100000; }
    };
    struct NameEntry
    {
        QByteArray name;
        Attributes attributes;
    };
    // One reply: its type, its request id (none for Version) and what follows the id.
    struct Reply
    {
        quint8 type = 0;
        quint32 id = 0;
        QByteArray body;
    };
    struct StatusReply
    {
        quint32 code = Failure;
        QByteArray message;
    };

    // A whole packet (length, type, body) around `body`.
    static QByteArray packet(quint8 type, const QByteArray &body);
    static QByteArray init();
    // A request with its id: `fields` is what follows the id, built with the appenders below.
    static QByteArray request(quint8 type, quint32 id, const QByteArray &fields);

    static void appendU32(QByteArray &out, quint32 value);
    static void appendU64(QByteArray &out, quint64 value);
    static void appendString(QByteArray &out, const QByteArray &value);
    static void appendAttributes(QByteArray &out, const Attributes &attributes);

    // Takes one complete packet off the front of `buffer`. Empty while more bytes are needed;
    // `malformed` is set for a packet no server may send (too long, too short).
    static std::optional<Reply> takeReply(QByteArray &buffer, bool &malformed);

    // Readers of reply bodies; empty on anything malformed.
    static std::optional<StatusReply> readStatus(const QByteArray &body);
    static std::optional<QByteArray> readString(const QByteArray &body); // Handle, Data
    static std::optional<Attributes> readAttributes(const QByteArray &body);
    static std::optional<QList<NameEntry>> readNames(const QByteArray &body);
    // The Version reply: the protocol version and the extensions' names.
    static std::optional<QList<QByteArray>> readVersion(const QByteArray &body, quint32 &version);
};

} // namespace relayfleet
