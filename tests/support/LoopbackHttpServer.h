#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace relayfleet::testing {

// A webhook's far end on 127.0.0.1 (the tests reach nothing else): it reads each HTTP request
// whole (head and Content-Length body), keeps it, and answers with the status it is told, or
// never answers (a hook that hangs).
class LoopbackHttpServer : public QTcpServer
{
public:
    struct Request
    {
        QByteArray head;
        QByteArray body;
    };

    // `status` 0: read the request, never answer.
    explicit LoopbackHttpServer(int status = 200)
        : m_status(status)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    void setStatus(int status) { m_status = status; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/hook").arg(serverPort()); }
    const QList<Request> &requests() const { return m_requests; }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        Request request{buffer.left(end), buffer.mid(end + 4)};
        qsizetype length = 0;
        for (const QByteArray &line : request.head.split('\n')) {
            if (line.toLower().startsWith("content-length:")) {
                length = line.mid(15).trimmed().toLongLong();
            }
        }
        if (request.body.size() < length) {
            return;
        }
        m_buffers.remove(socket);
        m_requests << request;
        if (m_status > 0) {
            socket->write("HTTP/1.1 " + QByteArray::number(m_status) +
                          (m_status < 300 ? " OK" : " Server Error") +
                          "\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            socket->disconnectFromHost();
        }
    }

    int m_status;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace relayfleet::testing
