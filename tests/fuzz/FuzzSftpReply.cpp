// What a device's SFTP server sends back: a stream of packets cut apart and each read as
// every kind of reply the client expects (status, handle or data, attributes, names, version).
#include "FuzzInput.h"
#include "ssh/SftpCodec.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray stream = fuzz::bytes(data, size);
    for (int packets = 0; packets < 10000; ++packets) {
        bool malformed = false;
        const qsizetype before = stream.size();
        const auto reply = SftpCodec::takeReply(stream, malformed);
        if (!reply) {
            fuzz::require(stream.size() == before); // nothing taken without a reply
            break;
        }
        fuzz::require(stream.size() < before);
        fuzz::require(reply->body.size() <= static_cast<qsizetype>(SftpCodec::kMaxPacket) + 1024);
        (void)SftpCodec::readStatus(reply->body);
        if (const auto value = SftpCodec::readString(reply->body)) {
            fuzz::require(value->size() <= reply->body.size());
        }
        (void)SftpCodec::readAttributes(reply->body);
        if (const auto names = SftpCodec::readNames(reply->body)) {
            fuzz::require(names->size() <= reply->body.size() / 12);
        }
        quint32 version = 0;
        (void)SftpCodec::readVersion(reply->body, version);
    }
    return 0;
}
