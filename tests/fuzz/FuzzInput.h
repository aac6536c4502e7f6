#pragma once

// Helpers shared by the fuzz targets: the fuzzer's bytes as Qt types, and a check that a
// parser's result keeps the limits it promises. A failed check aborts, which the fuzzer
// reports with the input that caused it.

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <cstdlib>

namespace relayfleet::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(bytes(data, size));
}

inline void require(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

} // namespace relayfleet::fuzz
