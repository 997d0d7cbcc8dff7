package dev.dispatchsim.internal.worker;



/** The raw socket under a worker connection; the transport implements it (so this package needs no Javalin). */
public interface SocketPort {

    void sendBinary(byte[] frame);

    void sendText(String frame);

    void sendPing();

    void close(int code, String reason);

    String describe();
}
