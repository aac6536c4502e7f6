#include "ssh/SftpCodec.h"

#include <QtEndian>

namespace relayfleet {

namespace {

constexpr quint32 kAttrSize = 0x01;
constexpr quint32 kAttrUidGid = 0x02;
constexpr quint32 kAttrPermissions = 0x04;
constexpr quint32 kAttrTimes = 0x08;
constexpr quint32 kAttrExtended = 0x80000000;

// A cursor over an untrusted body: every read checks what is left first.
class Cursor
{
public:
    explicit Cursor(const QByteArray &data)
        : m_data(data)
    {
    }
    bool u32(quint32 &value)
    {
        if (left() < 4) {
            return false;
        }
        value = qFromBigEndian<quint32>(m_data.constData() + m_at);
        m_at += 4;
        return true;
    }
    bool u64(quint64 &value)
    {
        if (left() < 8) {
            return false;
        }
        value = qFromBigEndian<quint64>(m_data.constData() + m_at);
        m_at += 8;
        return true;
    }
    bool string(QByteArray &value)
    {
        quint32 length = 0;
        if (!u32(length) || length > static_cast<quint32>(left())) {
            return false;
        }
        value = m_data.mid(m_at, length);
        m_at += length;
        return true;
    }
    bool attributes(SftpCodec::Attributes &attributes)
    {
        quint32 flags = 0;
        if (!u32(flags)) {
            return false;
        }
        if (flags & kAttrSize) {
            quint64 size = 0;
            if (!u64(size)) {
                return false;
            }
            attributes.size = size;
        }
        if (flags & kAttrUidGid) {
            quint32 ignored = 0;
            if (!u32(ignored) || !u32(ignored)) {
                return false;
            }
        }
        if (flags & kAttrPermissions) {
            quint32 permissions = 0;
            if (!u32(permissions)) {
                return false;
            }
            attributes.permissions = permissions;
        }
        if (flags & kAttrTimes) {
            quint32 accessed = 0;
            quint32 modified = 0;
            if (!u32(accessed) || !u32(modified)) {
                return false;
            }
            attributes.modified = modified;
        }
        if (flags & kAttrExtended) {
            quint32 count = 0;
            if (!u32(count)) {
                return false;
            }
            QByteArray ignored;
            // Each pair takes at least 8 bytes, so the count cannot outrun the body.
            for (quint32 i = 0; i < count; ++i) {
                if (!string(ignored) || !string(ignored)) {
                    return false;
                }
            }
        }
        return true;
    }
    qsizetype left() const { return m_data.size() - m_at; }

private:
    const QByteArray &m_data;
    qsizetype m_at = 0;
};

} // namespace

void SftpCodec::appendU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void SftpCodec::appendU64(QByteArray &out, quint64 value)
{
    char bytes[8];
    qToBigEndian(value, bytes);
    out.append(bytes, 8);
}

void SftpCodec::appendString(QByteArray &out, const QByteArray &value)
{
    appendU32(out, static_cast<quint32>(value.size()));
    out.append(value);
}

void SftpCodec::appendAttributes(QByteArray &out, const Attributes &attributes)
{
    quint32 flags = 0;
    flags |= attributes.size ? kAttrSize : 0;
    flags |= attributes.permissions ? kAttrPermissions : 0;
    appendU32(out, flags);
    if (attributes.size) {
        appendU64(out, *attributes.size);
    }
    if (attributes.permissions) {
        appendU32(out, *attributes.permissions);
    }
}

QByteArray SftpCodec::packet(quint8 type, const QByteArray &body)
{
    QByteArray out;
    out.reserve(body.size() + 5);
    appendU32(out, static_cast<quint32>(body.size() + 1));
    out.append(static_cast<char>(type));
    out.append(body);
    return out;
}

QByteArray SftpCodec::init()
{
    QByteArray body;
    appendU32(body, 3);
    return packet(Init, body);
}

QByteArray SftpCodec::request(quint8 type, quint32 id, const QByteArray &fields)
{
    QByteArray body;
    body.reserve(fields.size() + 4);
    appendU32(body, id);
    body.append(fields);
    return packet(type, body);
}

std::optional<SftpCodec::Reply> SftpCodec::takeReply(QByteArray &buffer, bool &malformed)
{
    malformed = false;
    if (buffer.size() < 4) {
        return std::nullopt;
    }
    const quint32 length = qFromBigEndian<quint32>(buffer.constData());
    if (length < 1 || length > kMaxPacket + 1024) {
        malformed = true;
        return std::nullopt;
    }
    if (static_cast<quint64>(buffer.size()) < 4ULL + length) {
        return std::nullopt;
    }
    Reply reply;
    reply.type = static_cast<quint8>(buffer.at(4));
    qsizetype bodyStart = 5;
    if (reply.type != Version) {
        if (length < 5) {
            malformed = true;
            return std::nullopt;
        }
        reply.id = qFromBigEndian<quint32>(buffer.constData() + 5);
        bodyStart = 9;
    }
    reply.body = buffer.mid(bodyStart, 4 + length - bodyStart);
    buffer.remove(0, 4 + length);
    return reply;
}

std::optional<SftpCodec::StatusReply> SftpCodec::readStatus(const QByteArray &body)
{
    Cursor cursor(body);
    StatusReply status;
    if (!cursor.u32(status.code)) {
        return std::nullopt;
    }
    // The message is optional in practice (some servers send only the code).
    if (cursor.left() > 0 && !cursor.string(status.message)) {
        return std::nullopt;
    }
    return status;
}

std::optional<QByteArray> SftpCodec::readString(const QByteArray &body)
{
    Cursor cursor(body);
    QByteArray value;
    if (!cursor.string(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<SftpCodec::Attributes> SftpCodec::readAttributes(const QByteArray &body)
{
    Cursor cursor(body);
    Attributes attributes;
    if (!cursor.attributes(attributes)) {
        return std::nullopt;
    }
    return attributes;
}

std::optional<QList<SftpCodec::NameEntry>> SftpCodec::readNames(const QByteArray &body)
{
    Cursor cursor(body);
    quint32 count = 0;
    if (!cursor.u32(count)) {
        return std::nullopt;
    }
    QList<NameEntry> entries;
    QByteArray longName;
    // An entry takes at least 12 bytes, so a count larger than the body allows is a lie.
    if (count > static_cast<quint32>(cursor.left() / 12)) {
        return std::nullopt;
    }
    for (quint32 i = 0; i < count; ++i) {
        NameEntry entry;
        if (!cursor.string(entry.name) || !cursor.string(longName) ||
            !cursor.attributes(entry.attributes)) {
            return std::nullopt;
        }
        entries.append(std::move(entry));
    }
    return entries;
}

std::optional<QList<QByteArray>> SftpCodec::readVersion(const QByteArray &body, quint32 &version)
{
    Cursor cursor(body);
    if (!cursor.u32(version)) {
        return std::nullopt;
    }
    QList<QByteArray> extensions;
    while (cursor.left() > 0) {
        QByteArray name;
        QByteArray data;
        if (!cursor.string(name) || !cursor.string(data)) {
            return std::nullopt;
        }
        extensions.append(name);
    }
    return extensions;
}

} // namespace relayfleet
