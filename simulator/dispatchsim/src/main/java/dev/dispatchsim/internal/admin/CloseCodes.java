package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;

import java.util.Map;

/** WebSocket close codes a server may send (RFC 6455 7.4): 1004-1006 and 1015 are never sent on the wire. */
final class CloseCodes {

    static final String VALID = "1000-1003, 1007-1014, 3000-4999";

    private CloseCodes() {
    }

    static void check(int code) {
        boolean valid = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
        if (!valid) {
            throw new AdminException(400, "invalid_argument", "close code " + code + " cannot be sent; valid: " + VALID,
                    Map.of("code", code));
        }
    }
}
